#include "app/runner/run_command.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/runner/exit_codes.h"
#include "app/runner/graph_settings.h"
#include "app/runner/interrupt.h"
#include "app/runner/memory_limit.h"
#include "app/runner/run_report.h"
#include "app/runner/sha256.h"
#include "app/runner/terminal.h"
#include "app/runner/terminal_reporter.h"
#include "engine/engine.h"
#include "io/pipeline_file.h"

namespace sluice::runner {
namespace {

namespace fs = std::filesystem;

constexpr auto kPollInterval = std::chrono::milliseconds(20);

int fail(const std::string& message, int code) {
    std::cerr << "sluice-run: " << message << '\n';
    return code;
}

std::string fileSha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return sha256Hex(bytes.str());
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

}  // namespace

int runPipelineCommand(const RunnerOptions& options) {
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
    const std::string sha256 = fileSha256(pipelinePath);  // what was loaded, before a long run
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

    engine::Engine engine(registry);
    engine::RunOptions runOptions;
    runOptions.runTo = runTo;
    runOptions.threads = options.threads;
    runOptions.memoryLimit = options.memoryLimit;
    runOptions.baseDirectory = fs::path(pipelinePath).parent_path().string();

    std::atomic<bool> done{false};
    engine::RunResult result;
    std::exception_ptr error;
    std::thread worker([&] {
        try {
            result = engine.run(graph, runOptions, &reporter);
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
            return fail(std::string("the run stopped: ") + e.what(), kExitFailed);
        } catch (...) {
            return fail("the run stopped with an unknown error", kExitFailed);
        }
    }
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
