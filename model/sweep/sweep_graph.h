// Expanding a sweep into ONE graph the ordinary Engine runs.
//
// Every node that depends on no swept node (its upstream, and unrelated
// branches) stays once, with its id, so it runs once and its cached result
// feeds every combination. A swept node and everything downstream of it is
// cloned per combination with the id "<id>@<n>" (n = 1-based combination
// number) and the title "<title> [param=value, ...]"; a swept node's clone
// holds that combination's value. A clone only depends on the axes of the
// swept nodes upstream of it (or itself): combinations that agree on those
// share one clone, the one numbered after the first such combination (so
// with two axes on separate branches neither branch is computed twice).
//
// Contract: expandSweep throws SweepError when an axis names a node the graph
// lacks, or when a clone id is already taken by a node of the graph.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "sweep/sweep_plan.h"

namespace sluice::sweep {

struct SweepGraph {
    Graph graph;
    std::vector<Axis> axes;
    std::vector<Combination> combinations;
    std::vector<std::string> clonedNodes;  // original ids cloned, topological order
    // Per combination: original id -> the id that combination uses in
    // `graph` (the cloned nodes only).
    std::vector<std::map<std::string, std::string>> clones;
    // Graph node id -> original id (clones and shared nodes alike).
    std::map<std::string, std::string> originalOf;
    // Clone id -> the combinations that use it.
    std::map<std::string, std::vector<std::size_t>> usedBy;

    bool isShared(const std::string& originalId) const;
};

SweepGraph expandSweep(const Graph& graph, const std::vector<Axis>& axes,
                       const std::vector<Combination>& combinations);
// combinations(spec), then expandSweep.
SweepGraph planSweep(const Graph& graph, const SweepSpec& spec);

}  // namespace sluice::sweep
