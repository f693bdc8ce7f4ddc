#pragma once

#include <map>
#include <string>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

// Per node id, a key over everything inside the graph that its result
// depends on: its type, its parameters (defaults filled, so spelling out a
// default changes nothing) and, through its input edges, the keys of the
// nodes upstream. Titles and positions do not count.
//
// Two graphs give a node the same key exactly when it would compute the same
// thing from the same files, which is how the run controller tells that a
// node was edited while a run of an older snapshot was computing it. Unlike
// the engine's cache key it never touches the file system, so it is cheap
// enough to compute after every edit. In a graph with a cycle a key covers
// the node and the ids of the nodes feeding it.
std::map<std::string, std::string> lineageKeys(const Graph& graph, const NodeRegistry& registry);

}  // namespace sluice
