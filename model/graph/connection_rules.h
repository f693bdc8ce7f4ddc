// The rules for connecting an output to an input, as small named checks with
// one error each, and whole-graph validation.
//
// checkConnect() applies, in order: both nodes exist, the output and input
// ports exist (unknown port), the types match (both named), the edge is no
// self-loop, the input is free (already connected), and it closes no cycle.
// canConnect() answers yes/no with the reason; connect() checks and adds.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

class ConnectionError : public std::runtime_error {
public:
    enum class Rule { UnknownNode, UnknownPort, TypeMismatch, InputTaken, SelfLoop, Cycle };
    ConnectionError(Rule rule, const std::string& message)
        : std::runtime_error(message), rule_(rule) {}
    Rule rule() const { return rule_; }

private:
    Rule rule_;
};

void checkConnect(const Graph& graph, const GraphEdge& edge, const NodeRegistry& registry);

struct ConnectVerdict {
    bool ok = true;
    std::string reason;  // empty when ok
    explicit operator bool() const { return ok; }
};
ConnectVerdict canConnect(const Graph& graph, const GraphEdge& edge, const NodeRegistry& registry);

void connect(Graph& graph, const GraphEdge& edge, const NodeRegistry& registry);

// A problem validate() found; node is empty for graph-wide problems.
struct GraphProblem {
    std::string node;
    std::string field;  // parameter or port name, when about one
    std::string message;
};

// Every problem at once: unknown node types, edges to unknown nodes or ports,
// type mismatches, inputs fed twice, cycles, required inputs left
// unconnected, parameter values out of range.
std::vector<GraphProblem> validate(const Graph& graph, const NodeRegistry& registry);

}  // namespace sluice
