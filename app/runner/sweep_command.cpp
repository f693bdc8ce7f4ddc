#include "app/runner/sweep_command.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "app/runner/exit_codes.h"
#include "app/runner/graph_settings.h"
#include "app/runner/interrupt.h"
#include "app/runner/run_report.h"
#include "app/runner/sweep_report.h"
#include "app/runner/terminal_reporter.h"
#include "engine/engine.h"
#include "history/run_history.h"
#include "history/run_recorder.h"
#include "pipeline_io/pipeline_file.h"
#include "sweep/result_reporting.h"
#include "util/sha256.h"

namespace sluice::runner {
namespace {

namespace fs = std::filesystem;

// One stderr line per combination as soon as all its nodes ended.
class SweepLines final : public engine::RunObserver {
public:
    SweepLines(const sweep::SweepGraph& plan, std::ostream& err, bool quiet, std::string metric)
        : metricName_(std::move(metric)),
          plan_(plan),
          progress_(plan),
          err_(err),
          quiet_(quiet),
          printed_(plan.combinations.size()) {}

    void onEvent(const engine::RunEvent& event) override {
        std::lock_guard lock(mutex_);
        for (const std::size_t row : progress_.onEvent(event)) {
            if (printed_[row] || !progress_.rowComplete(row))
                continue;
            printed_[row] = true;
            ++done_;
            if (quiet_)
                continue;
            const auto& r = progress_.result().rows[row];
            std::string score;
            try {
                const auto metric = sweep::chooseMetric(progress_.result(), metricName_);
                if (const auto it = r.metrics.find(metric.column); it != r.metrics.end())
                    score = ", " + metric.column + " " + formatMetric(it->second);
            } catch (const sweep::SweepError&) {
                // No score yet, or not this one: the line goes without.
            }
            err_ << "[" << done_ << "/" << printed_.size() << "] "
                 << sweep::combinationText(plan_.axes, r.values) << ": "
                 << engine::statusName(r.status)
                 << (r.message.empty() ? "" : " (" + r.message + ")") << score << '\n';
        }
    }

private:
    const std::string metricName_;
    const sweep::SweepGraph& plan_;
    sweep::SweepProgress progress_;
    std::ostream& err_;
    bool quiet_;
    std::vector<bool> printed_;
    std::size_t done_ = 0;
    std::mutex mutex_;
};

sweep::SweepSpec buildSpec(const Graph& graph, const RunnerOptions& options,
                           const NodeRegistry& registry) {
    sweep::SweepSpec spec;
    for (const auto& s : options.sweeps) {
        const std::string option = "--sweep " + s.node + "." + s.param + "=" + s.value;
        const std::string id = resolveNode(graph, s.node, option);
        sweep::AxisValues values;
        try {
            values = sweep::parseAxisValues(s.value);
        } catch (const sweep::SweepError& e) {
            throw UsageError(option + ": " + e.what());
        }
        try {
            spec.axes.push_back(sweep::makeAxis(graph, registry, id, s.param, values));
        } catch (const sweep::SweepError& e) {
            throw UsageError(std::string("--") + e.what());  // "--sweep node.param = v: why"
        }
    }
    if (options.sweepRandom) {
        spec.mode = sweep::SweepMode::Random;
        spec.samples = *options.sweepRandom;
        spec.seed = options.sweepSeed;
    }
    return spec;
}

}  // namespace

int runSweepCommand(const RunnerOptions& options, std::ostream& out, std::ostream& err) {
    installInterruptHandlers();
    auto fail = [&](const std::string& message, int code) {
        err << "sluice-run: " << message << '\n';
        return code;
    };
    const NodeRegistry& registry = builtinNodes();
    PipelineLoadResult loaded;
    try {
        loaded = loadPipeline(options.pipeline, registry);
    } catch (const std::exception& e) {
        return fail(e.what(), kExitBadInput);
    }
    Graph graph = std::move(loaded.graph);
    std::vector<std::string> warnings;
    for (const auto& w : loaded.warnings) {
        warnings.push_back(w.message);
        if (!options.quiet)
            err << "warning   " << w.message << '\n';
    }

    sweep::SweepSpec spec;
    sweep::SweepGraph plan;
    try {
        std::error_code ec;
        const fs::path cwd = fs::current_path(ec);
        applySettings(graph, options.settings, registry, ec ? std::string() : cwd.string());
        spec = buildSpec(graph, options, registry);
        plan = sweep::planSweep(graph, spec);
    } catch (const UsageError& e) {
        return fail(std::string(e.what()) + "\nTry 'sluice-run --help'.", kExitBadInput);
    } catch (const sweep::SweepError& e) {
        return fail(e.what(), kExitBadInput);
    }
    if (!options.quiet)
        err << "sluice-run: sweeping " << plan.combinations.size() << " combinations ("
            << plan.graph.nodes().size() << " nodes, "
            << graph.nodes().size() - plan.clonedNodes.size() << " shared)\n";

    std::error_code ec;
    const fs::path absolute = fs::absolute(options.pipeline, ec);
    const std::string pipelinePath = ec ? options.pipeline : absolute.lexically_normal().string();
    const auto reporting = sweep::withResultReporting(registry);
    engine::Engine engine(*reporting);
    engine::RunOptions runOptions;
    runOptions.threads = options.threads;
    runOptions.baseDirectory = fs::path(pipelinePath).parent_path().string();
    SweepLines lines(plan, err, options.quiet, options.sweepMetric);
    // The whole sweep is one "sweep" run in the history, its table in the
    // record's context (the expanded graph: every combination's nodes).
    std::optional<history::RunRecorder> recorder;
    if (options.history && !history::recordingDisabledByEnvironment())
        recorder.emplace(plan.graph, history::RunSetup{pipelinePath, history::kSourceSweep},
                         registry, &lines);
    engine::RunObserver* observer = recorder ? static_cast<engine::RunObserver*>(&*recorder)
                                             : static_cast<engine::RunObserver*>(&lines);

    std::atomic<bool> done{false};
    engine::RunResult result;
    std::exception_ptr error;
    std::thread worker([&] {
        try {
            result = engine.run(plan.graph, runOptions, observer);
        } catch (...) {
            error = std::current_exception();
        }
        done.store(true);
    });
    while (!done.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (interruptCount() >= 2) {
            err << "sluice-run: interrupted twice, quitting without waiting\n";
            err.flush();
            std::_Exit(kExitInterrupted);
        }
        if (interruptCount() == 1)
            engine.cancel();
    }
    worker.join();
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            return fail(std::string("the sweep stopped: ") + e.what(), kExitFailed);
        }
    }

    const sweep::SweepResult table = sweep::collectSweep(plan, result);
    std::optional<sweep::MetricChoice> metric;
    std::string metricProblem;
    try {
        metric = sweep::chooseMetric(table, options.sweepMetric);
    } catch (const sweep::SweepError& e) {
        metricProblem = e.what();
    }
    const auto best = metric ? sweep::bestRow(table, *metric) : std::nullopt;
    out << sweepTable(table, plan, metric, best);
    if (metric && best)
        out << bestLine(table, plan, *metric, *best) << '\n';
    else if (metric)
        out << "best: none (no combination finished with a value of " << metric->column << ")\n";
    out.flush();

    if (recorder) {
        try {
            history::RunRecord record = recorder->finish(result);
            record.context["sweep"] = sweepJson(table, spec, metric, best);
            history::RunHistory(pipelinePath).add(record);
        } catch (const std::exception& e) {
            err << "sluice-run: warning: the sweep was not recorded in the history: " << e.what()
                << '\n';
        }
    }

    int code = interruptCount() > 0 || result.cancelled ? kExitInterrupted
               : result.ok()                            ? kExitOk
                                                        : kExitFailed;
    if (!metricProblem.empty()) {
        err << "sluice-run: " << metricProblem << '\n';
        if (!options.sweepMetric.empty() && code == kExitOk)
            code = kExitBadInput;
    }
    if (options.jsonPath) {
        try {
            RunReportInput input;
            input.pipelinePath = pipelinePath;
            input.pipelineSha256 = sha256File(pipelinePath);
            input.warnings = warnings;
            input.graph = &plan.graph;
            input.result = &result;
            input.registry = &registry;
            nlohmann::json report = buildRunReport(input);
            report["sweep"] = sweepJson(table, spec, metric, best);
            writeRunReport(report, *options.jsonPath);
        } catch (const std::exception& e) {
            err << "sluice-run: cannot write the results: " << e.what() << '\n';
            if (code == kExitOk)
                code = kExitFailed;
        }
    }
    return code;
}

}  // namespace sluice::runner
