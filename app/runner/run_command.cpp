#include "app/runner/run_command.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "app/runner/exit_codes.h"
#include "app/runner/graph_settings.h"
#include "app/runner/interrupt.h"
#include "app/runner/memory_limit.h"
#include "app/runner/run_report.h"
#include "app/runner/sweep_command.h"
#include "app/runner/terminal.h"
#include "app/runner/terminal_reporter.h"
#include "engine/engine.h"
#include "history/run_history.h"
#include "history/run_recorder.h"
#include "pipeline_io/pipeline_file.h"
#include "util/sha256.h"

namespace sluice::runner {
namespace {

namespace fs = std::filesystem;

constexpr auto kPollInterval = std::chrono::milliseconds(20);

int fail(const std::string& message, int code) {
    std::cerr << "sluice-run: " << message << '\n';
    return code;
}

std::string absolutePath(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

std::string summary(const engine::RunResult& result) {
    using engine::NodeStatus;
    int cached = 0;
    for (const auto& [id, outcome] : result.nodes)
        cached += outcome.status == NodeStatus::Done && outcome.cached;
    std::string text = (result.cancelled ? "cancelled after " : "finished in ") +
                       TerminalReporter::formatSeconds(result.seconds) + ": ";
    std::string counts;
    auto add = [&](NodeStatus status, const char* name) {
        if (const int n = result.count(status); n > 0)
            counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + name +
                      (status == NodeStatus::Done && cached > 0
                           ? " (" + std::to_string(cached) + " cached)"
                           : "");
    };
    add(NodeStatus::Done, "done");
    add(NodeStatus::Failed, "failed");
    add(NodeStatus::Skipped, "skipped");
    add(NodeStatus::Cancelled, "cancelled");
    return text + (counts.empty() ? "no node ran" : counts);
}

// Adds the run to the pipeline's history. Failing to record (a read-only
// folder, a full disk) is a warning: the run itself went as it went.
void recordHistory(history::RunRecorder& recorder, const engine::RunResult* result,
                   const std::string& error, const std::string& pipelinePath) {
    try {
        history::RunRecord record =
            result ? recorder.finish(*result) : recorder.finishWithError(error);
        history::RunHistory(pipelinePath).add(record);
    } catch (const std::exception& e) {
        std::cerr << "sluice-run: warning: the run was not recorded in the history: " << e.what()
                  << '\n';
    }
}

}  // namespace

int runPipelineCommand(const RunnerOptions& options, engine::Engine* sharedEngine) {
    if (!options.sweeps.empty())
        return runSweepCommand(options, std::cout, std::cerr);
    // From the start, so an early Ctrl-C cancels the run rather than killing the process.
    installInterruptHandlers();
    const NodeRegistry& registry = builtinNodes();
    PipelineLoadResult loaded;
    try {
        loaded = loadPipeline(options.pipeline, registry);
    } catch (const std::exception& e) {
        return fail(e.what(), kExitBadInput);
    }
    Graph graph = std::move(loaded.graph);
    std::vector<std::string> warnings;
    for (const auto& w : loaded.warnings)
        warnings.push_back(w.message);

    std::optional<std::string> runTo;
    try {
        std::error_code ec;
        const fs::path cwd = fs::current_path(ec);
        applySettings(graph, options.settings, registry, ec ? std::string() : cwd.string());
        if (options.runTo)
            runTo = resolveNode(graph, *options.runTo, "--run-to");
    } catch (const UsageError& e) {
        return fail(std::string(e.what()) + "\nTry 'sluice-run --help'.", kExitBadInput);
    }

    const std::string pipelinePath = absolutePath(options.pipeline);
    const std::string sha256 = sha256File(pipelinePath);  // what was loaded, before a long run
    ReporterOptions display;
    display.quiet = options.quiet;
    display.interactive = isTerminal(stderr);
    display.width = terminalWidth();
    TerminalReporter reporter(std::cerr, graph, display, registry);
    for (const auto& w : warnings)
        reporter.message("warning   " + w);
    if (options.memoryLimit) {
        // After loading, before the workers start: the limit is for the run.
        if (const std::string warning = applyMemoryLimit(*options.memoryLimit); !warning.empty())
            reporter.message(warning);
    }

    std::optional<engine::Engine> ownEngine;
    if (!sharedEngine)
        ownEngine.emplace(registry);
    engine::Engine& engine = sharedEngine ? *sharedEngine : *ownEngine;
    engine::RunOptions runOptions;
    runOptions.runTo = runTo;
    runOptions.threads = options.threads;
    runOptions.memoryLimit = options.memoryLimit;
    runOptions.baseDirectory = fs::path(pipelinePath).parent_path().string();

    // The recorder sees every event on its way to the reporter (curves).
    std::optional<history::RunRecorder> recorder;
    if (options.history && !history::recordingDisabledByEnvironment())
        recorder.emplace(graph, history::RunSetup{pipelinePath, options.historySource, runTo},
                         registry, &reporter);
    engine::RunObserver* observer = recorder ? static_cast<engine::RunObserver*>(&*recorder)
                                             : static_cast<engine::RunObserver*>(&reporter);

    std::atomic<bool> done{false};
    engine::RunResult result;
    std::exception_ptr error;
    std::thread worker([&] {
        try {
            result = engine.run(graph, runOptions, observer);
        } catch (...) {
            error = std::current_exception();
        }
        done.store(true);
    });
    bool cancelling = false;
    while (!done.load()) {
        std::this_thread::sleep_for(kPollInterval);
        const int interrupts = interruptCount();
        if (interrupts >= 2) {
            reporter.finish();
            std::cerr << "sluice-run: interrupted twice, quitting without waiting\n";
            std::cerr.flush();
            std::_Exit(kExitInterrupted);
        }
        if (interrupts == 1) {
            if (!cancelling)
                reporter.message("sluice-run: cancelling (Ctrl-C again quits at once)");
            cancelling = true;
            engine.cancel();  // again on every poll: a run that had not started yet sees it too
        }
        reporter.tick();
    }
    worker.join();
    reporter.finish();
    const bool interrupted = interruptCount() > 0;

    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            if (recorder)
                recordHistory(*recorder, nullptr, e.what(), pipelinePath);
            return fail(std::string("the run stopped: ") + e.what(), kExitFailed);
        } catch (...) {
            if (recorder)
                recordHistory(*recorder, nullptr, "unknown error", pipelinePath);
            return fail("the run stopped with an unknown error", kExitFailed);
        }
    }
    if (recorder)
        recordHistory(*recorder, &result, {}, pipelinePath);
    if (!options.quiet)
        std::cerr << "sluice-run: " << summary(result) << '\n';

    int code = interrupted || result.cancelled ? kExitInterrupted
               : result.ok()                   ? kExitOk
                                               : kExitFailed;
    if (options.jsonPath) {
        try {
            RunReportInput input;
            input.pipelinePath = pipelinePath;
            input.pipelineSha256 = sha256;
            input.warnings = warnings;
            input.graph = &graph;
            input.result = &result;
            input.runTo = runTo;
            input.registry = &registry;
            writeRunReport(buildRunReport(input), *options.jsonPath);
        } catch (const std::exception& e) {
            std::cerr << "sluice-run: cannot write the results: " << e.what() << '\n';
            if (code == kExitOk)
                code = kExitFailed;
        }
    }
    return code;
}

}  // namespace sluice::runner
