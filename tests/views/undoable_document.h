// UndoableDocument: a GraphDocument for the inspector's tests. Like
// PlainDocument it edits its Graph directly, but it also refuses parameter
// values their ParamSpec rejects (with the reason, as app/Document does),
// keeps whole-graph snapshots for undo(), and records every setParam and
// renameNode call.
#pragma once

#include <vector>

#include "nodes/node_registry.h"
#include "views/graph_document.h"

namespace sluice::testing {

class UndoableDocument : public GraphDocument {
public:
    struct ParamCall {
        std::string node, name;
        nlohmann::json value;
    };

    explicit UndoableDocument(Graph graph = {}, const NodeRegistry& registry = builtinNodes())
        : graph_(std::move(graph)), registry_(registry) {}

    const Graph& graph() const override { return graph_; }
    const NodeRegistry& registry() const override { return registry_; }

    std::string addNode(const std::string& type, QPointF position) override {
        if (!registry_.find(type))
            return {};
        push({});
        GraphNode node{graph_.freshId(), type, type, position.x(), position.y()};
        graph_.addNode(node);
        emit nodeAdded(QString::fromStdString(node.id));
        return node.id;
    }

    void removeItems(const std::vector<std::string>& nodes,
                     const std::vector<GraphEdge>& edges) override {
        push({});
        for (const GraphEdge& edge : edges)
            graph_.removeEdge(edge);
        for (const std::string& id : nodes)
            if (graph_.removeNode(id))
                emit nodeRemoved(QString::fromStdString(id));
        emit edgesChanged();
    }

    std::optional<std::string> connectPorts(const Endpoint& from, const Endpoint& to) override {
        push({});
        graph_.addEdge({from, to});
        emit edgesChanged();
        return std::nullopt;
    }

    std::optional<std::string> whyNotConnect(const Endpoint&, const Endpoint&) const override {
        return std::nullopt;
    }

    void moveNodes(const std::map<std::string, QPointF>& positions) override {
        push({});
        for (const auto& [id, p] : positions) {
            graph_.setPosition(id, p.x(), p.y());
            emit nodeMoved(QString::fromStdString(id));
        }
    }

    std::optional<std::string> setParam(const std::string& node, const std::string& name,
                                        const nlohmann::json& value) override {
        paramCalls.push_back({node, name, value});
        const GraphNode* n = graph_.node(node);
        if (!n)
            return std::nullopt;
        if (const NodeType* type = registry_.find(n->type))
            if (const ParamSpec* spec = type->param(name))
                if (auto problem = spec->problemWith(value))
                    return spec->label + ": " + *problem;
        push(node);
        nlohmann::json params = n->params;
        params[name] = value;
        graph_.setParams(node, params);
        emit nodeChanged(QString::fromStdString(node));
        return std::nullopt;
    }

    void renameNode(const std::string& node, const std::string& title) override {
        renameCalls.push_back(title);
        if (!graph_.node(node))
            return;
        push(node);
        graph_.setTitle(node, title);
        emit nodeChanged(QString::fromStdString(node));
    }

    bool undo() {
        if (history_.empty())
            return false;
        auto [graph, node] = std::move(history_.back());
        history_.pop_back();
        graph_ = std::move(graph);
        if (node.empty())
            emit graphReset();
        else
            emit nodeChanged(QString::fromStdString(node));
        return true;
    }

    // Replaces the graph the way File > Open does.
    void reset(Graph graph) {
        graph_ = std::move(graph);
        history_.clear();
        emit graphReset();
    }

    std::vector<ParamCall> paramCalls;
    std::vector<std::string> renameCalls;

private:
    // An empty node id: the undo step resets the whole graph.
    void push(const std::string& node) { history_.push_back({graph_, node}); }

    Graph graph_;
    const NodeRegistry& registry_;
    std::vector<std::pair<Graph, std::string>> history_;
};

}  // namespace sluice::testing
