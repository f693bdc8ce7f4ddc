// InputWatch: decides when a watched pipeline should run again because one
// of its input files changed (sluice-run --watch, the editor's Run > Watch
// Input Files). Pure polling over file stamps (size + modification time):
// no Qt, no inotify, so the runner and the editor share one behaviour and
// tests drive it with an explicit clock.
//
// Contract:
// - inputFilePaths(): the resolved paths of the path parameters of every
//   node type with no input ports (the readers). Writers (Write CSV, Save
//   model) have inputs, so files a run writes never trigger a run.
// - A change is any difference from the stamps taken when the last run
//   started (runStarted()): size, modification time, created or deleted.
// - poll(now) reports a re-run only when the changed stamps have been
//   stable for `settle` (a file still being written is not read half way)
//   and at least `minInterval` has passed since the last run started. A
//   change that arrives during a run is reported after it, since the
//   stamps were taken at its start.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "engine/cache_key.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

std::vector<std::string> inputFilePaths(const Graph& graph, const NodeRegistry& registry,
                                        const std::string& baseDirectory);

class InputWatch {
public:
    using Clock = std::chrono::steady_clock;

    struct Options {
        Clock::duration minInterval = std::chrono::seconds(5);
        Clock::duration settle = std::chrono::milliseconds(500);
    };

    // Takes the baseline stamps now: files changed after this trigger a run.
    InputWatch(std::vector<std::string> paths, Options options, Clock::time_point now);

    const std::vector<std::string>& paths() const { return paths_; }

    // A run starts: the files as they are now are what it reads.
    void runStarted(Clock::time_point now);

    // The files that changed (paths, in watch order) when a run is due now;
    // nullopt while nothing changed, the change is settling, or the minimum
    // interval since the last run has not passed.
    std::optional<std::vector<std::string>> poll(Clock::time_point now);

private:
    engine::FileStamps stampNow() const;

    std::vector<std::string> paths_;
    Options options_;
    engine::FileStamps baseline_;
    engine::FileStamps lastSeen_;
    Clock::time_point lastSeenSince_;
    std::optional<Clock::time_point> lastRun_;
};

// "iris.csv" or "iris.csv and 2 more files": for status lines.
std::string describeChangedFiles(const std::vector<std::string>& paths);

}  // namespace sluice
