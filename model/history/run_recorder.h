// RunRecorder: watches one run and turns it into a RunRecord for the history.
//
// Usage, the same from the GUI, sluice-run, a sweep or a watch loop:
//   history::RunRecorder recorder(graph, {pipelinePath, "sluice-run"}, registry, &reporter);
//   engine::RunResult result = engine.run(graph, options, &recorder);
//   history::RunRecord record = recorder.finish(result);
//   history::RunHistory(pipelinePath).add(record);   // id, diff, atomic write
//
// Contract:
// - The constructor stamps the start time and takes what needs no file
//   reading: the parameters (defaults filled, path parameters relative to
//   the pipeline's folder), the sha256 of the canonical pipeline JSON, and
//   the size and modification time of every input file. Input files are
//   the path parameters of data-reading nodes (node types with a path
//   parameter and no input port).
// - onEvent() is the engine's observer: it keeps every streamed metric point
//   and passes each event on to `forward` (may be null). Like any observer it
//   is called by one thread at a time.
// - finish() stamps the end and reads the files: inputs are hashed then (not
//   before, so a run never waits for hashing), and an input whose size or
//   time changed since the start is flagged changed_during_run; files written
//   by nodes that finished (path parameters of node types with inputs) are
//   hashed as "produced", kind "model" for a Model input, else "table".
//   A file that cannot be read is recorded with its error, never thrown.
//   Hashes of unchanged files (same path, size and time) are reused within
//   the process, so the GUI re-running on a big CSV hashes it once.
// - finishWithError() records a run that could not start (status "error").
// - finish*() may be called once, after the run returned.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "graph/graph.h"
#include "history/run_record.h"
#include "nodes/node_registry.h"

namespace sluice::history {

// Where runs come from (RunRecord::source); callers may use other words.
inline constexpr const char* kSourceGui = "gui";
inline constexpr const char* kSourceRunner = "sluice-run";
inline constexpr const char* kSourceWatch = "watch";
inline constexpr const char* kSourceSweep = "sweep";

struct RunSetup {
    std::string pipelinePath;  // the .sluice file; its folder is where relative paths start
    std::string source = kSourceGui;
    std::optional<std::string> runTo;
    nlohmann::json context = nlohmann::json::object();  // copied into the record
};

class RunRecorder final : public engine::RunObserver {
public:
    RunRecorder(const Graph& graph, RunSetup setup, const NodeRegistry& registry = builtinNodes(),
                engine::RunObserver* forward = nullptr);

    void onEvent(const engine::RunEvent& event) override;

    RunRecord finish(const engine::RunResult& result);
    RunRecord finishWithError(const std::string& error);

    // The record as started (parameters, hash, inputs not yet hashed).
    const RunRecord& started() const { return record_; }

private:
    struct InputStat {
        std::string absolute;
        std::uint64_t size = 0;
        std::int64_t modified = 0;  // file clock ticks; compared, never shown
        bool exists = false;
    };
    void stamp();
    void hashInputs();

    const NodeRegistry& registry_;
    engine::RunObserver* forward_;
    Graph graph_;
    std::string baseDirectory_;
    std::chrono::system_clock::time_point start_;
    std::chrono::steady_clock::time_point startClock_;
    RunRecord record_;
    std::vector<InputStat> inputStats_;  // parallel to record_.inputs
    std::map<std::pair<std::string, std::string>, CurveRecord> curves_;  // by (node, metric)
    std::vector<std::pair<std::string, std::string>> curveOrder_;        // first arrival
};

}  // namespace sluice::history
