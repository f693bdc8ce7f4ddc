#include "graph/connection_rules.h"

namespace sluice {
namespace {

using Rule = ConnectionError::Rule;

std::string name(const GraphNode& n) {
    return n.title.empty() ? n.id : "'" + n.title + "' (" + n.id + ")";
}

const NodeType* typeOf(const Graph& g, const std::string& id, const NodeRegistry& registry,
                       const GraphNode*& node) {
    node = g.node(id);
    if (!node)
        throw ConnectionError(Rule::UnknownNode, "there is no node '" + id + "'");
    const NodeType* type = registry.find(node->type);
    if (!type)
        throw ConnectionError(Rule::UnknownNode,
                              "node " + name(*node) + " has the unknown type '" + node->type + "'");
    return type;
}

void requirePorts(const NodeType& fromType, const GraphNode& from, const NodeType& toType,
                  const GraphNode& to, const GraphEdge& e, const PortSpec*& out,
                  const PortSpec*& in) {
    out = fromType.output(e.from.port);
    if (!out)
        throw ConnectionError(Rule::UnknownPort,
                              name(from) + " has no output '" + e.from.port + "'");
    in = toType.input(e.to.port);
    if (!in)
        throw ConnectionError(Rule::UnknownPort, name(to) + " has no input '" + e.to.port + "'");
}

void requireSameType(const PortSpec& out, const PortSpec& in) {
    if (out.type != in.type)
        throw ConnectionError(Rule::TypeMismatch,
                              "cannot connect a " + std::string(portTypeName(out.type)) +
                                  " output to a " + std::string(portTypeName(in.type)) + " input");
}

void requireFreeInput(const Graph& g, const GraphEdge& e, const GraphNode& to) {
    if (g.edgeInto(e.to))
        throw ConnectionError(Rule::InputTaken, "the input '" + e.to.port + "' of " + name(to) +
                                                    " is already connected; disconnect it first");
}

void requireNoSelfLoop(const GraphEdge& e) {
    if (e.from.node == e.to.node)
        throw ConnectionError(Rule::SelfLoop, "a node cannot feed its own input");
}

void requireNoCycle(const Graph& g, const GraphEdge& e) {
    if (g.reaches(e.to.node, e.from.node))
        throw ConnectionError(Rule::Cycle, "this connection would make a loop: '" + e.to.node +
                                               "' already feeds '" + e.from.node + "'");
}

}  // namespace

void checkConnect(const Graph& graph, const GraphEdge& edge, const NodeRegistry& registry) {
    const GraphNode *from = nullptr, *to = nullptr;
    const NodeType* fromType = typeOf(graph, edge.from.node, registry, from);
    const NodeType* toType = typeOf(graph, edge.to.node, registry, to);
    const PortSpec *out = nullptr, *in = nullptr;
    requirePorts(*fromType, *from, *toType, *to, edge, out, in);
    requireSameType(*out, *in);
    requireNoSelfLoop(edge);
    requireFreeInput(graph, edge, *to);
    requireNoCycle(graph, edge);
}

ConnectVerdict canConnect(const Graph& graph, const GraphEdge& edge, const NodeRegistry& registry) {
    try {
        checkConnect(graph, edge, registry);
        return {};
    } catch (const ConnectionError& e) {
        return {false, e.what()};
    }
}

void connect(Graph& graph, const GraphEdge& edge, const NodeRegistry& registry) {
    checkConnect(graph, edge, registry);
    graph.addEdge(edge);
}

std::vector<GraphProblem> validate(const Graph& graph, const NodeRegistry& registry) {
    std::vector<GraphProblem> problems;
    for (const auto& n : graph.nodes()) {
        const NodeType* type = registry.find(n.type);
        if (!type) {
            problems.push_back({n.id, "type", "unknown node type '" + n.type + "'"});
            continue;
        }
        for (const auto& p : type->info().inputs)
            if (p.required && !graph.edgeInto({n.id, p.name}))
                problems.push_back(
                    {n.id, p.name, "the required input '" + p.label + "' is not connected"});
        for (const auto& problem : type->paramProblems(n.params)) {
            const auto colon = problem.find(':');
            problems.push_back({n.id, problem.substr(0, colon), "parameter " + problem});
        }
    }
    // Edges checked one by one against the graph without them.
    Graph partial;
    for (const auto& n : graph.nodes())
        partial.addNode(n);
    for (const auto& e : graph.edges()) {
        try {
            checkConnect(partial, e, registry);
            partial.addEdge(e);
        } catch (const ConnectionError& err) {
            problems.push_back({e.to.node, e.to.port, err.what()});
        }
    }
    return problems;
}

}  // namespace sluice
