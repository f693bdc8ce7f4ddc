#include "history/run_recorder.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "history/file_fingerprint.h"
#include "history/utc_time.h"
#include "nodes/results.h"
#include "pipeline_io/pipeline_file.h"
#include "pipeline_io/pipeline_paths.h"
#include "util/sha256.h"

namespace sluice::history {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string absolute(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

std::string resolve(const std::string& path, const std::string& base) {
    const fs::path p(path);
    if (p.is_absolute() || base.empty())
        return path;
    return (fs::path(base) / p).lexically_normal().string();
}

bool readsFiles(const NodeType& type) {
    return type.info().inputs.empty();
}

std::string producedKind(const NodeType& type) {
    for (const PortSpec& port : type.info().inputs)
        if (port.type == PortType::Model)
            return "model";
    return "table";
}

// Path parameters of `node` with a value: (param name, value as stored).
std::vector<std::pair<std::string, std::string>> pathParams(const GraphNode& node,
                                                            const NodeType& type) {
    std::vector<std::pair<std::string, std::string>> paths;
    for (const ParamSpec& spec : type.info().params) {
        if (spec.kind != ParamKind::Path)
            continue;
        const auto it = node.params.find(spec.name);
        if (it != node.params.end() && it->is_string() && !it->get<std::string>().empty())
            paths.emplace_back(spec.name, it->get<std::string>());
    }
    return paths;
}

}  // namespace

RunRecorder::RunRecorder(const Graph& graph, RunSetup setup, const NodeRegistry& registry,
                         engine::RunObserver* forward)
    : registry_(registry), forward_(forward), graph_(graph) {
    start_ = std::chrono::system_clock::now();
    startClock_ = std::chrono::steady_clock::now();
    const std::string pipeline = absolute(setup.pipelinePath);
    baseDirectory_ = fs::path(pipeline).parent_path().string();

    record_.started = isoUtc(start_);
    record_.source = std::move(setup.source);
    record_.runTo = std::move(setup.runTo);
    record_.context = setup.context.is_object() ? std::move(setup.context) : json::object();
    record_.pipelineFile = fs::path(pipeline).filename().string();
    record_.pipelineName =
        graph.meta.is_object() && graph.meta.contains("name") && graph.meta["name"].is_string()
            ? graph.meta["name"].get<std::string>()
            : std::string();
    try {
        record_.pipelineSha256 = sha256Hex(pipelineToText(graph, baseDirectory_, registry));
    } catch (const std::exception&) {
        // Text that is not UTF-8 cannot be saved either; the run still counts.
        record_.pipelineSha256.clear();
    }

    for (const GraphNode& node : graph.nodes()) {
        const NodeType* type = registry.find(node.type);
        json params = type ? convertPathParams(type, type->withDefaults(node.params),
                                               baseDirectory_, &pathForFile)
                           : node.params;
        record_.parameters[node.id] = {
            {"type", node.type}, {"title", node.title}, {"params", std::move(params)}};
        if (!type || !readsFiles(*type))
            continue;
        for (const auto& [param, value] : pathParams(node, *type)) {
            FileRecord file;
            file.node = node.id;
            file.param = param;
            file.path = pathForFile(value, baseDirectory_);
            InputStat stat;
            stat.absolute = resolve(value, baseDirectory_);
            const FileFingerprint f = statFile(stat.absolute);
            stat.exists = f.exists;
            stat.size = f.size;
            stat.modified = f.ticks;
            record_.inputs.push_back(std::move(file));
            inputStats_.push_back(std::move(stat));
        }
    }
}

void RunRecorder::onEvent(const engine::RunEvent& event) {
    if (event.kind == engine::RunEvent::Kind::Metrics) {
        for (const engine::MetricPoint& point : event.metrics) {
            const auto key = std::make_pair(event.node, point.name);
            auto [it, added] = curves_.try_emplace(key);
            if (added) {
                it->second.node = event.node;
                it->second.name = point.name;
                curveOrder_.push_back(key);
            }
            it->second.steps.push_back(point.step);
            it->second.values.push_back(point.value);
        }
    }
    if (forward_)
        forward_->onEvent(event);
}

void RunRecorder::stamp() {
    const auto elapsed = std::chrono::steady_clock::now() - startClock_;
    // The end as start + a steady duration: a clock adjustment mid-run cannot
    // make a run end before it started.
    record_.ended =
        isoUtc(start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(elapsed));
    record_.seconds = std::chrono::duration<double>(elapsed).count();
}

void RunRecorder::hashInputs() {
    for (std::size_t i = 0; i < record_.inputs.size(); ++i) {
        FileRecord& file = record_.inputs[i];
        const InputStat& before = inputStats_[i];
        const FileFingerprint f = fingerprintFile(before.absolute);
        file.size = f.size;
        file.sha256 = f.sha256;
        file.modified = f.modified;
        file.error = f.error;
        file.changedDuringRun =
            before.exists != f.exists || before.size != f.size || before.modified != f.ticks;
    }
}

RunRecord RunRecorder::finishWithError(const std::string& error) {
    stamp();
    hashInputs();
    record_.status = "error";
    record_.error = error;
    for (const GraphNode& node : graph_.nodes())
        record_.nodes.push_back({node.id, node.type, node.title, "not run", 0.0, false, "", ""});
    return record_;
}

RunRecord RunRecorder::finish(const engine::RunResult& result) {
    stamp();
    hashInputs();
    record_.status = result.cancelled ? "cancelled" : result.ok() ? "ok" : "failed";

    for (const GraphNode& node : graph_.nodes()) {
        NodeRecord n{node.id, node.type, node.title, "not run", 0.0, false, "", ""};
        const auto it = result.nodes.find(node.id);
        if (it != result.nodes.end()) {
            const engine::NodeOutcome& outcome = it->second;
            n.status = std::string(engine::statusName(outcome.status));
            n.seconds = outcome.seconds;
            n.cached = outcome.cached;
            n.message = outcome.message;
            n.key = outcome.key;
            for (const auto& [port, value] : outcome.outputs) {
                const auto* results = std::get_if<ResultsValue>(&value);
                if (!results || !*results)
                    continue;
                for (const auto& [name, v] : (*results)->metrics)
                    record_.metrics.push_back({node.id, port, name, v});
            }
            for (const auto& [name, v] : outcome.metrics)
                record_.metrics.push_back({node.id, "", name, v});

            const NodeType* type = registry_.find(node.type);
            if (type && !readsFiles(*type) && outcome.status == engine::NodeStatus::Done) {
                for (const auto& [param, value] : pathParams(node, *type)) {
                    const FileFingerprint f = fingerprintFile(resolve(value, baseDirectory_));
                    FileRecord file;
                    file.node = node.id;
                    file.param = param;
                    file.path = pathForFile(value, baseDirectory_);
                    file.size = f.size;
                    file.sha256 = f.sha256;
                    file.modified = f.modified;
                    file.error = f.error;
                    file.kind = producedKind(*type);
                    record_.produced.push_back(std::move(file));
                }
            }
        }
        record_.nodes.push_back(std::move(n));
    }

    for (const auto& key : curveOrder_) {
        CurveRecord curve = std::move(curves_[key]);
        // Points can arrive out of step order (parallel restarts): sort by
        // step, keeping arrival order among equal steps.
        std::vector<std::size_t> order(curve.steps.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return curve.steps[a] < curve.steps[b];
        });
        CurveRecord sorted{curve.node, curve.name, {}, {}};
        for (std::size_t i : order) {
            sorted.steps.push_back(curve.steps[i]);
            sorted.values.push_back(curve.values[i]);
        }
        record_.curves.push_back(std::move(sorted));
    }
    return record_;
}

}  // namespace sluice::history
