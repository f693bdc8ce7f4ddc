// PlainDocument: the simplest GraphDocument, for widget tests. It applies each
// request straight to its Graph (no undo), emits the signal the contract asks
// for, and counts the requests so tests can check that one gesture is one
// request. Connection requests go through the real connection rules.
#pragma once

#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/connection_rules.h"
#include "nodes/node_registry.h"
#include "views/graph_document.h"

namespace sluice::test {

class PlainDocument : public GraphDocument {
public:
    explicit PlainDocument(const NodeRegistry& registry = builtinNodes()) : registry_(registry) {}

    const Graph& graph() const override { return graph_; }
    const NodeRegistry& registry() const override { return registry_; }

    // Replaces the whole graph, as opening a file would.
    void reset(Graph graph) {
        graph_ = std::move(graph);
        emit graphReset();
    }

    std::string addNode(const std::string& type, QPointF position) override {
        ++addCalls;
        const NodeType* nodeType = registry_.find(type);
        if (!nodeType) {
            return {};
        }
        GraphNode node;
        node.id = graph_.freshId("n");
        node.type = type;
        node.title = nodeType->info().displayName;
        node.x = position.x();
        node.y = position.y();
        graph_.addNode(node);
        emit nodeAdded(QString::fromStdString(node.id));
        return node.id;
    }

    void removeItems(const std::vector<std::string>& nodes,
                     const std::vector<GraphEdge>& edges) override {
        ++removeCalls;
        lastRemovedNodes = nodes;
        lastRemovedEdges = edges;
        bool edgesGone = false;
        for (const GraphEdge& edge : edges) {
            edgesGone = graph_.removeEdge(edge) || edgesGone;
        }
        for (const std::string& id : nodes) {
            if (graph_.removeNode(id)) {
                emit nodeRemoved(QString::fromStdString(id));
            }
        }
        if (edgesGone) {
            emit edgesChanged();
        }
    }

    std::optional<std::string> connectPorts(const Endpoint& from, const Endpoint& to) override {
        ++connectCalls;
        if (auto reason = whyNotConnect(from, to)) {
            return reason;
        }
        graph_.addEdge(GraphEdge{from, to});
        emit edgesChanged();
        return std::nullopt;
    }

    std::optional<std::string> whyNotConnect(const Endpoint& from,
                                             const Endpoint& to) const override {
        try {
            checkConnect(graph_, GraphEdge{from, to}, registry_);
            return std::nullopt;
        } catch (const ConnectionError& e) {
            return std::string(e.what());
        }
    }

    void moveNodes(const std::map<std::string, QPointF>& positions) override {
        ++moveCalls;
        lastMoved = positions;
        std::vector<std::string> moved;
        for (const auto& [id, position] : positions) {
            if (graph_.node(id)) {
                graph_.setPosition(id, position.x(), position.y());
                moved.push_back(id);
            }
        }
        // The graph holds every new position before the first signal.
        for (const std::string& id : moved) {
            emit nodeMoved(QString::fromStdString(id));
        }
    }

    std::optional<std::string> setParam(const std::string& node, const std::string& name,
                                        const nlohmann::json& value) override {
        const GraphNode* n = graph_.node(node);
        if (!n) {
            return std::nullopt;
        }
        nlohmann::json params = n->params;
        params[name] = value;
        graph_.setParams(node, params);
        emit nodeChanged(QString::fromStdString(node));
        return std::nullopt;
    }

    void renameNode(const std::string& node, const std::string& title) override {
        if (graph_.node(node)) {
            graph_.setTitle(node, title);
            emit nodeChanged(QString::fromStdString(node));
        }
    }

    int addCalls = 0;
    int removeCalls = 0;
    int connectCalls = 0;
    int moveCalls = 0;
    std::map<std::string, QPointF> lastMoved;
    std::vector<std::string> lastRemovedNodes;
    std::vector<GraphEdge> lastRemovedEdges;

private:
    const NodeRegistry& registry_;
    Graph graph_;
};

}  // namespace sluice::test
