#include "graph/graph.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "util/stable_hash.h"

namespace sluice {

const GraphNode* Graph::findNode(std::string_view id) const {
    const auto it = nodeAt_.find(id);
    return it == nodeAt_.end() ? nullptr : &nodes_[it->second];
}

const GraphNode* Graph::node(std::string_view id) const {
    return findNode(id);
}

GraphNode& Graph::mutableNode(std::string_view id) {
    const auto it = nodeAt_.find(id);
    if (it == nodeAt_.end())
        throw std::out_of_range("no node with id '" + std::string(id) + "'");
    return nodes_[it->second];
}

void Graph::indexEdge(std::size_t at) {
    const GraphEdge& e = edges_[at];
    edgesFrom_[e.from.node].push_back(at);
    edgesInto_[e.to.node].push_back(at);
}

void Graph::reindex() {
    nodeAt_.clear();
    edgesFrom_.clear();
    edgesInto_.clear();
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        nodeAt_.emplace(nodes_[i].id, i);
    for (std::size_t i = 0; i < edges_.size(); ++i)
        indexEdge(i);
}

const Graph::EdgeList& Graph::edgesOf(const IdMap<EdgeList>& map, std::string_view node) const {
    static const EdgeList none;
    const auto it = map.find(node);
    return it == map.end() ? none : it->second;
}

void Graph::addNode(GraphNode node) {
    if (node.id.empty())
        throw std::invalid_argument("a node needs an id");
    if (findNode(node.id))
        throw std::invalid_argument("the id '" + node.id + "' is taken");
    if (!node.params.is_object())
        node.params = nlohmann::json::object();
    nodeAt_.emplace(node.id, nodes_.size());
    nodes_.push_back(std::move(node));
}

bool Graph::removeNode(std::string_view id) {
    const auto it = nodeAt_.find(id);
    if (it == nodeAt_.end())
        return false;
    const std::string removed = nodes_[it->second].id;
    nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(it->second));
    std::erase_if(
        edges_, [&](const GraphEdge& e) { return e.from.node == removed || e.to.node == removed; });
    reindex();
    return true;
}

std::string Graph::freshId(std::string_view prefix) const {
    for (std::size_t k = 1;; ++k) {
        std::string id = std::string(prefix) + std::to_string(k);
        if (!findNode(id))
            return id;
    }
}

void Graph::setParams(std::string_view id, nlohmann::json params) {
    mutableNode(id).params = params.is_object() ? std::move(params) : nlohmann::json::object();
}

void Graph::setTitle(std::string_view id, std::string title) {
    mutableNode(id).title = std::move(title);
}

void Graph::setPosition(std::string_view id, double x, double y) {
    GraphNode& n = mutableNode(id);
    n.x = x;
    n.y = y;
}

void Graph::addEdge(GraphEdge edge) {
    edges_.push_back(std::move(edge));
    indexEdge(edges_.size() - 1);
}

bool Graph::removeEdge(const GraphEdge& edge) {
    for (std::size_t at : edgesOf(edgesInto_, edge.to.node)) {
        if (edges_[at] == edge) {
            edges_.erase(edges_.begin() + static_cast<std::ptrdiff_t>(at));
            reindex();
            return true;
        }
    }
    return false;
}

const GraphEdge* Graph::edgeInto(const Endpoint& input) const {
    for (std::size_t at : edgesOf(edgesInto_, input.node))
        if (edges_[at].to.port == input.port)
            return &edges_[at];
    return nullptr;
}

std::vector<GraphEdge> Graph::edgesFrom(std::string_view node) const {
    std::vector<GraphEdge> out;
    for (std::size_t at : edgesOf(edgesFrom_, node))
        out.push_back(edges_[at]);
    return out;
}

std::vector<GraphEdge> Graph::edgesInto(std::string_view node) const {
    std::vector<GraphEdge> out;
    for (std::size_t at : edgesOf(edgesInto_, node))
        out.push_back(edges_[at]);
    return out;
}

std::vector<std::string> Graph::topologicalOrder() const {
    // Kahn's algorithm, always taking the earliest inserted ready node.
    // Edges to or from ids that are not nodes do not count.
    const std::size_t n = nodes_.size();
    std::vector<std::size_t> waiting(n, 0);
    for (const auto& e : edges_) {
        const auto from = nodeAt_.find(e.from.node), to = nodeAt_.find(e.to.node);
        if (from != nodeAt_.end() && to != nodeAt_.end())
            ++waiting[to->second];
    }
    std::set<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (waiting[i] == 0)
            ready.insert(i);
    std::vector<std::string> order;
    order.reserve(n);
    while (!ready.empty()) {
        const std::size_t at = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(nodes_[at].id);
        for (std::size_t edge : edgesOf(edgesFrom_, nodes_[at].id)) {
            const auto to = nodeAt_.find(edges_[edge].to.node);
            if (to != nodeAt_.end() && --waiting[to->second] == 0)
                ready.insert(to->second);
        }
    }
    if (order.size() != n) {
        for (std::size_t i = 0; i < n; ++i)
            if (waiting[i] > 0)
                throw std::logic_error("the graph has a cycle through node '" + nodes_[i].id + "'");
    }
    return order;
}

std::set<std::string> Graph::reachable(std::string_view id, bool backwards) const {
    std::set<std::string> seen;
    std::vector<std::string_view> todo{id};
    while (!todo.empty()) {
        const std::string_view at = todo.back();
        todo.pop_back();
        for (std::size_t edge : edgesOf(backwards ? edgesInto_ : edgesFrom_, at)) {
            const std::string& far = backwards ? edges_[edge].from.node : edges_[edge].to.node;
            if (seen.insert(far).second)
                todo.push_back(far);
        }
    }
    seen.erase(std::string(id));
    return seen;
}

std::set<std::string> Graph::upstream(std::string_view id) const {
    return reachable(id, true);
}

std::set<std::string> Graph::downstream(std::string_view id) const {
    return reachable(id, false);
}

bool Graph::reaches(std::string_view from, std::string_view to) const {
    return from == to || downstream(from).count(std::string(to)) > 0;
}

std::string nodeContentHash(const GraphNode& node) {
    // The parameters' canonical JSON: nlohmann writes object keys sorted, so
    // equal parameters give equal text.
    return StableHash().add(node.type + '\n' + node.params.dump()).hex();
}

}  // namespace sluice
