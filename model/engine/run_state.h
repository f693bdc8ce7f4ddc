// Engine internals: the state of one run. Not for use outside model/engine.
//
// planRun() turns a Graph snapshot into slots in topological order, each
// knowing its inputs (which slot and port feed it) and its dependents.
// executeNode() runs one ready slot on the calling worker: it checks the
// node can run, looks the key up in the cache, calls NodeType::run with a
// throttled reporter, and records the outcome and events.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/node_cache.h"
#include "engine/node_reporter.h"

namespace sluice::engine {

struct SlotInput {
    std::string port;      // this node's input port
    int from = -1;         // slot feeding it; -1: the edge names a node not in the graph
    std::string fromNode;  // its node id
    std::string fromPort;  // its output port
};

struct Slot {
    const GraphNode* node = nullptr;
    const NodeType* type = nullptr;  // nullptr: unknown type (placeholder)
    std::vector<SlotInput> inputs;
    std::vector<int> dependents;  // once per edge
    int waiting = 0;              // edges from slots not yet resolved
    std::string blockedBy;        // label of an upstream node that did not finish
    NodeOutcome outcome;
    std::string outputKey;  // set when Done
};

struct RunState {
    RunState(const Graph& g, const RunOptions& o, EventSink& s, NodeCache& c,
             const std::atomic<bool>& cancel)
        : graph(g), options(o), sink(s), cache(c), cancelFlag(cancel) {}

    const Graph& graph;
    const RunOptions& options;
    EventSink& sink;
    NodeCache& cache;
    const std::atomic<bool>& cancelFlag;
    unsigned threads = 1;
    std::vector<Slot> slots;
    int remaining = 0;  // slots not yet resolved (guarded by the engine's mutex)

    // Reporters of running nodes, for the waiting thread's flushDue().
    std::mutex reportersMutex;
    std::set<NodeReporter*> reporters;
};

// "Title (id)" for messages; the type's name when the node has no title.
std::string nodeLabel(const Slot& slot);

// Fills state.slots (the graph's nodes in topological order, limited to
// options.runTo and its upstream). Throws std::logic_error for a cycle and
// std::invalid_argument for an unknown runTo node.
void planRun(RunState& state, const NodeRegistry& registry);

// Runs slot `index`, whose inputs are all Done. Fills its outcome and emits
// its events; never throws.
void executeNode(RunState& state, int index);

// Emits one node-level event.
void emitNodeEvent(EventSink& sink, RunEvent::Kind kind, const std::string& node,
                   std::string text = {});

}  // namespace sluice::engine
