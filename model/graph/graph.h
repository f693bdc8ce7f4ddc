// Graph: a pipeline as a plain value: nodes and edges, copied freely so the
// engine can run a snapshot while the user keeps editing.
//
// Contract:
// - Node ids are unique, non-empty and stable; nodes keep insertion order
//   (files and topological ties follow it).
// - An edge joins an output port to an input port by node id and port name.
//   The Graph itself stores what it is given: the connection rules
//   (connection_rules.h) decide what may be added, validate() reports what a
//   loaded graph gets wrong.
// - removeNode() also removes the node's edges.
// - Lookups by id (node, edgeInto, edgesFrom, edgesInto) take constant time
//   and the graph walks (topologicalOrder, upstream, downstream) time linear
//   in nodes + edges, so a 20,000-node graph loads and plans in milliseconds:
//   the graph keeps indexes beside its two lists. Adding is constant time;
//   removing rebuilds the indexes (linear: removal is an edit, at a person's
//   pace). A const Graph is never written, so threads may share one.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice {

struct GraphNode {
    std::string id;
    std::string type;  // NodeType id, e.g. "transform.scale"
    std::string title;
    double x = 0.0, y = 0.0;  // canvas position
    nlohmann::json params = nlohmann::json::object();
};

struct Endpoint {
    std::string node;
    std::string port;
    bool operator==(const Endpoint&) const = default;
};

struct GraphEdge {
    Endpoint from;  // an output
    Endpoint to;    // an input
    bool operator==(const GraphEdge&) const = default;
};

class Graph {
public:
    const std::vector<GraphNode>& nodes() const { return nodes_; }
    const std::vector<GraphEdge>& edges() const { return edges_; }
    const GraphNode* node(std::string_view id) const;
    bool empty() const { return nodes_.empty(); }

    // Throws std::invalid_argument for an empty or taken id.
    void addNode(GraphNode node);
    // Removes the node and every edge touching it; false if there was none.
    bool removeNode(std::string_view id);
    // An id not in use: prefix followed by the smallest free number.
    std::string freshId(std::string_view prefix = "n") const;

    // Each throws std::out_of_range for an unknown node.
    void setParams(std::string_view id, nlohmann::json params);
    void setTitle(std::string_view id, std::string title);
    void setPosition(std::string_view id, double x, double y);

    void addEdge(GraphEdge edge);
    bool removeEdge(const GraphEdge& edge);
    const GraphEdge* edgeInto(const Endpoint& input) const;
    std::vector<GraphEdge> edgesFrom(std::string_view node) const;
    std::vector<GraphEdge> edgesInto(std::string_view node) const;

    // Every node after all it depends on; among independent nodes, insertion
    // order. Throws std::logic_error naming a node on a cycle.
    std::vector<std::string> topologicalOrder() const;
    // Nodes the given node depends on (directly or not) / that depend on it.
    std::set<std::string> upstream(std::string_view id) const;
    std::set<std::string> downstream(std::string_view id) const;
    // Whether `to` can be reached from `from` along edges.
    bool reaches(std::string_view from, std::string_view to) const;

    // Pipeline metadata ("name", "description", ...), saved as is.
    nlohmann::json meta = nlohmann::json::object();

private:
    // Heterogeneous lookup, so a string_view finds a std::string key.
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    template <typename V>
    using IdMap = std::unordered_map<std::string, V, IdHash, std::equal_to<>>;
    using EdgeList = std::vector<std::size_t>;  // positions in edges_

    GraphNode& mutableNode(std::string_view id);
    const GraphNode* findNode(std::string_view id) const;
    void indexEdge(std::size_t at);
    void reindex();  // all indexes from nodes_ and edges_
    const EdgeList& edgesOf(const IdMap<EdgeList>& map, std::string_view node) const;
    // Every node reachable from `id` along edges, backwards (upstream) or
    // forwards, not counting `id` itself.
    std::set<std::string> reachable(std::string_view id, bool backwards) const;

    std::vector<GraphNode> nodes_;
    std::vector<GraphEdge> edges_;
    IdMap<std::size_t> nodeAt_;  // id -> position in nodes_
    IdMap<EdgeList> edgesFrom_;  // node id -> its outgoing edges, in order
    IdMap<EdgeList> edgesInto_;  // node id -> its incoming edges, in order
};

// A stable hash of a node's type and parameters (hex, 16 digits), the same
// on every platform and run: the base of cache keys.
std::string nodeContentHash(const GraphNode& node);

}  // namespace sluice
