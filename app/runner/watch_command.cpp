#include "app/runner/watch_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/runner/exit_codes.h"
#include "app/runner/interrupt.h"
#include "app/runner/run_command.h"
#include "engine/engine.h"
#include "pipeline_io/pipeline_file.h"
#include "watch/input_watch.h"

namespace sluice::runner {
namespace {

namespace fs = std::filesystem;
using Clock = InputWatch::Clock;

constexpr auto kPollInterval = std::chrono::milliseconds(100);
constexpr auto kSettle = std::chrono::milliseconds(500);

// The pipeline file and the files its readers read, as the pipeline now
// says (it may have been edited since the last run).
std::vector<std::string> watchedFiles(const std::string& pipelinePath) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(pipelinePath, ec).lexically_normal();
    std::vector<std::string> paths{absolute.string()};
    try {
        const auto loaded = loadPipeline(absolute.string(), builtinNodes());
        for (auto& path :
             inputFilePaths(loaded.graph, builtinNodes(), absolute.parent_path().string()))
            paths.push_back(std::move(path));
    } catch (const std::exception&) {
        // A pipeline file saved half way or broken: keep watching it alone;
        // the next run reports what is wrong with it.
    }
    return paths;
}

}  // namespace

int watchPipelineCommand(const RunnerOptions& options) {
    installInterruptHandlers();
    RunnerOptions runOptions = options;
    runOptions.historySource = "watch";
    engine::Engine engine(builtinNodes());
    InputWatch::Options watchOptions;
    watchOptions.minInterval = options.watchInterval;
    watchOptions.settle = kSettle;
    // Stamped just before each run: what changes during it counts after it.
    auto watchFromNow = [&] {
        const auto now = Clock::now();
        auto watch =
            std::make_unique<InputWatch>(watchedFiles(options.pipeline), watchOptions, now);
        watch->runStarted(now);
        return watch;
    };

    auto watch = watchFromNow();
    int code = runPipelineCommand(runOptions, &engine);
    if (code == kExitBadInput || interruptCount() > 0)
        return code;
    if (!options.quiet)
        std::cerr << "sluice-run: watching " << watch->paths().size()
                  << " files (the pipeline and its inputs); Ctrl-C stops\n";
    while (interruptCount() == 0) {
        std::this_thread::sleep_for(kPollInterval);
        const auto changed = watch->poll(Clock::now());
        if (!changed)
            continue;
        if (!options.quiet)
            std::cerr << "sluice-run: " << describeChangedFiles(*changed)
                      << " changed: running again\n";
        watch = watchFromNow();
        code = runPipelineCommand(runOptions, &engine);
    }
    if (!options.quiet)
        std::cerr << "sluice-run: stopped watching\n";
    return code;
}

}  // namespace sluice::runner
