// The undo commands behind Document: every edit of a pipeline is one of these
// on Document's QUndoStack.
//
// Contract:
// - A command holds node ids and plain values (nodes, edges, positions,
//   params), never scene items or pointers into the Graph, so it stays valid
//   whatever the views do in between.
// - redo() and undo() change the Graph and then announce the change through
//   GraphDocument's signals, once per change: nodeAdded / nodeRemoved per
//   node, nodeChanged per edited node, nodeMoved per moved node, and one
//   edgesChanged when any edge came or went.
// - A command is pushed only when its redo() is known to succeed (Document
//   checks the request first); undo() restores the exact previous Graph,
//   including the order of nodes and edges.
#pragma once

#include <QUndoCommand>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "views/graph_document.h"

namespace sluice {

// What commands edit and who announces it: the Document's Graph and the
// Document itself (its GraphDocument signals).
struct EditTarget {
    Graph& graph;
    GraphDocument& announcer;
};

// Nodes and edges together with their places in the Graph's lists, so that
// taking them out and putting them back restores the exact order (files and
// topological ties follow it). Both lists ascend by index; an index is the
// item's place in the Graph that holds the items.
struct PlacedItems {
    std::vector<std::pair<std::size_t, GraphNode>> nodes;
    std::vector<std::pair<std::size_t, GraphEdge>> edges;
    bool empty() const { return nodes.empty() && edges.empty(); }
};

// What removing `nodes` and `edges` from `graph` takes away: the nodes that
// exist, every edge touching them, and the listed edges that exist.
PlacedItems itemsToRemove(const Graph& graph, const std::vector<std::string>& nodes,
                          const std::vector<GraphEdge>& edges);

// New nodes and edges placed after everything `graph` holds.
PlacedItems itemsToAppend(const Graph& graph, std::vector<GraphNode> nodes,
                          std::vector<GraphEdge> edges);

// Adds or removes a set of placed items: add node, paste and duplicate insert;
// delete and disconnect remove; connect inserts one edge.
class ItemsCommand : public QUndoCommand {
public:
    enum class Action { Insert, Remove };
    ItemsCommand(EditTarget target, PlacedItems items, Action action, const QString& text);

    void redo() override;
    void undo() override;

private:
    void insert();
    void remove();

    EditTarget target_;
    PlacedItems items_;
    Action action_;
};

// Changes one node's title and parameters from `before` to `after` (only
// those two fields of the GraphNodes are used).
class NodeEditCommand : public QUndoCommand {
public:
    NodeEditCommand(EditTarget target, GraphNode before, GraphNode after, const QString& text);

    void redo() override;
    void undo() override;

private:
    void apply(const GraphNode& state);

    EditTarget target_;
    GraphNode before_, after_;
};

// Moves nodes. Consecutive moves of the same set of nodes less than
// kMergeWindow apart merge into one step, so holding an arrow key to nudge a
// selection undoes in one go; a merge that ends where it started leaves no
// step at all.
class MoveCommand : public QUndoCommand {
public:
    struct Move {
        double fromX = 0, fromY = 0, toX = 0, toY = 0;
    };
    static constexpr auto kMergeWindow = std::chrono::milliseconds(500);
    static constexpr int kId = 1;

    MoveCommand(EditTarget target, std::map<std::string, Move> moves, const QString& text);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    EditTarget target_;
    std::map<std::string, Move> moves_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace sluice
