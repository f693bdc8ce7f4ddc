#include "app/runner/run_report.h"

#include <cctype>
#include <cmath>

#include "io/atomic_file.h"
#include "nodes/results.h"

namespace sluice::runner {
namespace {

nlohmann::json number(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json metricsJson(const engine::NodeOutcome& outcome) {
    nlohmann::json metrics = nlohmann::json::object();
    for (const auto& [name, value] : outcome.metrics)
        metrics[name] = number(value);
    for (const auto& [port, value] : outcome.outputs) {
        const auto* results = std::get_if<ResultsValue>(&value);
        if (!results || !*results)
            continue;
        for (const auto& [name, v] : (*results)->metrics)
            metrics[metrics.contains(name) ? port + "." + name : name] = number(v);
    }
    return metrics;
}

}  // namespace

std::string runStatus(const engine::RunResult& result) {
    if (result.cancelled)
        return "cancelled";
    return result.ok() ? "ok" : "failed";
}

nlohmann::json outputJson(const PortValue& value) {
    if (const auto* table = std::get_if<TablePtr>(&value); table && *table) {
        return {{"type", "table"},
                {"rows", (*table)->rowCount()},
                {"columns", (*table)->columnCount()},
                {"column_names", (*table)->columnNames()}};
    }
    const auto type = typeOf(value);
    std::string name = type ? std::string(portTypeName(*type)) : std::string("empty");
    for (char& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {{"type", name}, {"text", describe(value)}};
}

nlohmann::json buildRunReport(const RunReportInput& input) {
    const NodeRegistry& registry = input.registry ? *input.registry : builtinNodes();
    const Graph& graph = *input.graph;
    const engine::RunResult& result = *input.result;

    nlohmann::json report = {
        {"format", "sluice.run"},
        {"version", kRunReportVersion},
        {"pipeline",
         {{"path", input.pipelinePath},
          {"name", graph.meta.is_object() ? graph.meta.value("name", "") : ""},
          {"sha256", input.pipelineSha256}}},
        {"warnings", input.warnings},
        {"status", runStatus(result)},
        {"seconds", number(result.seconds)},
    };
    if (input.runTo)
        report["run_to"] = *input.runTo;

    nlohmann::json parameters = nlohmann::json::object();
    for (const auto& node : graph.nodes()) {
        const NodeType* type = registry.find(node.type);
        parameters[node.id] = type ? type->withDefaults(node.params) : node.params;
    }
    report["parameters"] = std::move(parameters);

    nlohmann::json nodes = nlohmann::json::object();
    for (const auto& [id, outcome] : result.nodes) {
        const GraphNode* node = graph.node(id);
        nlohmann::json outputs = nlohmann::json::object();
        for (const auto& [port, value] : outcome.outputs)
            outputs[port] = outputJson(value);
        nodes[id] = {
            {"type", node ? node->type : ""},
            {"title", node ? node->title : ""},
            {"status", std::string(engine::statusName(outcome.status))},
            {"seconds", number(outcome.seconds)},
            {"cached", outcome.cached},
            {"message", outcome.message},
            {"metrics", metricsJson(outcome)},
            {"outputs", std::move(outputs)},
        };
    }
    report["nodes"] = std::move(nodes);
    return report;
}

void writeRunReport(const nlohmann::json& report, const std::string& path) {
    AtomicFileWriter file(path);
    file.write(report.dump(2));
    file.write("\n");
    file.commit();
}

}  // namespace sluice::runner
