#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

// What the editor's widgets observe and ask: a pipeline Graph behind an
// interface, so views/ never edits a Graph itself and never depends on app/.
// app/Document implements it, turning every request into one undo command
// on the Graph by id; widget tests may implement it plainly.
//
// Contract:
// - graph() is the current Graph; it changes only inside the requests below
//   (or undo/redo/open), and every change is announced by exactly one of the
//   signals, after the Graph holds it.
// - Each request is one undo step (a multi-node removal restores its edges
//   in one step). Requests for unknown ids do nothing.
// - Signals carry ids, never pointers into the Graph: receivers look the
//   node up again in graph().
class GraphDocument : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual const Graph& graph() const = 0;
    virtual const NodeRegistry& registry() const = 0;

    // Adds a node of `type` with default parameters at `position` (scene
    // coordinates of its top-left corner); returns its new id, or empty for
    // an unknown type.
    virtual std::string addNode(const std::string& type, QPointF position) = 0;
    // Removes the nodes (with every edge touching them) and the edges, as
    // one step.
    virtual void removeItems(const std::vector<std::string>& nodes,
                             const std::vector<GraphEdge>& edges) = 0;
    // Connects an output to an input. Returns nullopt on success, otherwise
    // the connection rule's reason for the status bar (nothing changes).
    virtual std::optional<std::string> connectPorts(const Endpoint& from, const Endpoint& to) = 0;
    // Why the two ports cannot be connected, without changing anything.
    virtual std::optional<std::string> whyNotConnect(const Endpoint& from,
                                                     const Endpoint& to) const = 0;
    // Moves nodes to new positions as one step (a whole drag is one call).
    virtual void moveNodes(const std::map<std::string, QPointF>& positions) = 0;
    // Sets one parameter; returns the reason when the value is refused.
    virtual std::optional<std::string> setParam(const std::string& node, const std::string& name,
                                                const nlohmann::json& value) = 0;
    virtual void renameNode(const std::string& node, const std::string& title) = 0;
    // Requests between these two calls make one undo step (e.g. quick-add
    // placing a node and connecting it). Groups do not nest.
    virtual void beginEditGroup(const QString& text) { Q_UNUSED(text); }
    virtual void endEditGroup() {}

signals:
    void nodeAdded(const QString& id);
    void nodeRemoved(const QString& id);
    // Title or parameters changed.
    void nodeChanged(const QString& id);
    void nodeMoved(const QString& id);
    // Edges were added or removed; receivers compare with graph().edges().
    void edgesChanged();
    // The whole graph was replaced (new, open): rebuild from graph().
    void graphReset();
};

}  // namespace sluice
