#include "graph/graph.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "util/stable_hash.h"

namespace sluice {

const GraphNode* Graph::node(std::string_view id) const {
    for (const auto& n : nodes_)
        if (n.id == id)
            return &n;
    return nullptr;
}

GraphNode& Graph::mutableNode(std::string_view id) {
    for (auto& n : nodes_)
        if (n.id == id)
            return n;
    throw std::out_of_range("no node with id '" + std::string(id) + "'");
}

void Graph::addNode(GraphNode node) {
    if (node.id.empty())
        throw std::invalid_argument("a node needs an id");
    if (this->node(node.id))
        throw std::invalid_argument("the id '" + node.id + "' is taken");
    if (!node.params.is_object())
        node.params = nlohmann::json::object();
    nodes_.push_back(std::move(node));
}

bool Graph::removeNode(std::string_view id) {
    const auto it = std::find_if(nodes_.begin(), nodes_.end(), [&](auto& n) { return n.id == id; });
    if (it == nodes_.end())
        return false;
    nodes_.erase(it);
    std::erase_if(edges_, [&](const GraphEdge& e) { return e.from.node == id || e.to.node == id; });
    return true;
}

std::string Graph::freshId(std::string_view prefix) const {
    for (std::size_t k = 1;; ++k) {
        std::string id = std::string(prefix) + std::to_string(k);
        if (!node(id))
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
}

bool Graph::removeEdge(const GraphEdge& edge) {
    const auto it = std::find(edges_.begin(), edges_.end(), edge);
    if (it == edges_.end())
        return false;
    edges_.erase(it);
    return true;
}

const GraphEdge* Graph::edgeInto(const Endpoint& input) const {
    for (const auto& e : edges_)
        if (e.to == input)
            return &e;
    return nullptr;
}

std::vector<GraphEdge> Graph::edgesFrom(std::string_view node) const {
    std::vector<GraphEdge> out;
    for (const auto& e : edges_)
        if (e.from.node == node)
            out.push_back(e);
    return out;
}

std::vector<GraphEdge> Graph::edgesInto(std::string_view node) const {
    std::vector<GraphEdge> out;
    for (const auto& e : edges_)
        if (e.to.node == node)
            out.push_back(e);
    return out;
}

std::vector<std::string> Graph::topologicalOrder() const {
    // Kahn's algorithm, always taking the earliest inserted ready node.
    std::map<std::string, std::size_t> position, waiting;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        position[nodes_[i].id] = i;
        waiting[nodes_[i].id] = 0;
    }
    for (const auto& e : edges_)
        if (position.count(e.from.node) && position.count(e.to.node))
            ++waiting[e.to.node];
    std::set<std::size_t> ready;
    for (const auto& [id, count] : waiting)
        if (count == 0)
            ready.insert(position[id]);
    std::vector<std::string> order;
    while (!ready.empty()) {
        const std::string id = nodes_[*ready.begin()].id;
        ready.erase(ready.begin());
        order.push_back(id);
        for (const auto& e : edges_)
            if (e.from.node == id && position.count(e.to.node) && --waiting[e.to.node] == 0)
                ready.insert(position[e.to.node]);
    }
    if (order.size() != nodes_.size()) {
        for (const auto& n : nodes_)
            if (waiting[n.id] > 0)
                throw std::logic_error("the graph has a cycle through node '" + n.id + "'");
    }
    return order;
}

namespace {

// Every node reachable from `id` by following edges backwards (upstream) or
// forwards (downstream), not counting `id` itself.
std::set<std::string> reachable(const std::vector<GraphEdge>& edges, std::string_view id,
                                bool backwards) {
    std::set<std::string> seen;
    std::vector<std::string> todo{std::string(id)};
    while (!todo.empty()) {
        const std::string at = todo.back();
        todo.pop_back();
        for (const auto& e : edges) {
            const Endpoint& near = backwards ? e.to : e.from;
            const Endpoint& far = backwards ? e.from : e.to;
            if (near.node == at && seen.insert(far.node).second)
                todo.push_back(far.node);
        }
    }
    seen.erase(std::string(id));
    return seen;
}

}  // namespace

std::set<std::string> Graph::upstream(std::string_view id) const {
    return reachable(edges_, id, true);
}

std::set<std::string> Graph::downstream(std::string_view id) const {
    return reachable(edges_, id, false);
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
