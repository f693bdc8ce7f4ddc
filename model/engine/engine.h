// Engine: runs a Graph snapshot on a pool of worker threads, caches every
// node's outputs, and reports what happens through a RunObserver.
//
// Contract:
// - run() blocks until every node it was asked to run has finished, failed,
//   been skipped or been cancelled, and returns each node's outcome. Call it
//   from any thread except a worker's or an observer's; one run at a time per
//   Engine (a second concurrent run() throws std::logic_error).
// - Ready nodes run in parallel on `threads` workers (0: one per core).
//   Workers and the parallel loops inside nodes share one CpuBudget of that
//   size, so nested parallel work uses idle cores and never oversubscribes.
// - Cache: a node's key hashes its type, its parameters (defaults filled)
//   and, per connected input, the key of the output feeding it. A node with
//   path parameters also records each file's size and modification time
//   after it ran; the cached result counts only while those are unchanged
//   (so an edited input file or a deleted output file makes the node run
//   again). A node whose key is cached is not run; only complete results are
//   cached. Entries a re-run replaced are dropped.
// - `runTo`: only that node and its upstream run.
// - cancel(): from any thread (or an observer). Running nodes see their
//   cancellation flag, queued nodes are cancelled, run() returns; nothing
//   partial is cached and the next run() works normally.
// - cancel(), cachedNodes(), cacheSize() and clearCache() are thread-safe
//   and may be called while a run is going (the cache has its own lock).
// - A node that throws fails alone: its message names it, the nodes that
//   depend on it are skipped, other branches finish. Invalid parameters,
//   unknown node types and missing required inputs fail the node without
//   calling its run().
// - A node that runs out of memory (std::bad_alloc) fails alone the same way:
//   "ran out of memory", and with RunOptions::memoryLimit set, which limit
//   and what to do about it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "engine/run_event.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice::engine {

struct RunOptions {
    std::optional<std::string> runTo;        // only this node and its upstream
    unsigned threads = 0;                    // workers and the CPU budget; 0 = core count
    std::string baseDirectory;               // where relative paths start (pipeline's folder)
    std::chrono::milliseconds throttle{50};  // progress and metric batching interval
    // Informational only: the memory limit the caller imposed on the process
    // (sluice-run --memory-limit), in bytes, and the option that set it. The
    // engine does not enforce it; a node that runs out of memory names it in
    // its message, so the user knows what to raise.
    std::optional<std::uint64_t> memoryLimit;
    std::string memoryLimitSource = "--memory-limit";
};

struct NodeOutcome {
    NodeStatus status = NodeStatus::Idle;
    std::string message;  // failure or skip reason
    double seconds = 0.0;
    bool cached = false;
    PortValues outputs;                     // empty unless Done
    std::map<std::string, double> metrics;  // last value of each streamed metric
    std::string key;                        // cache key (hex)
};

struct RunResult {
    std::map<std::string, NodeOutcome> nodes;  // every node the run covered
    bool cancelled = false;
    double seconds = 0.0;

    // No node failed and the run was not cancelled.
    bool ok() const;
    int count(NodeStatus status) const;
};

class Engine {
public:
    explicit Engine(const NodeRegistry& registry = builtinNodes());
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    RunResult run(const Graph& graph, const RunOptions& options = {},
                  RunObserver* observer = nullptr);
    void cancel();

    // Nodes of `graph` whose current key is in the cache (their last result
    // still holds for their present parameters, inputs and files): what the
    // editor shows as done rather than stale.
    std::set<std::string> cachedNodes(const Graph& graph, const std::string& baseDirectory) const;
    void clearCache();
    std::size_t cacheSize() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sluice::engine
