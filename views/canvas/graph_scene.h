// GraphScene: the canvas scene, a mirror of a GraphDocument's graph made of
// NodeItem, PortItem and EdgeItem, and the place where mouse and key input on
// the canvas turns into document requests.
//
// Contract:
// - The scene observes the document and never edits a Graph: every edit is
//   one GraphDocument request (a node drag is one moveNodes on release, a
//   deletion is one removeItems), so each user gesture is one undo step.
// - Items follow the document's signals incrementally (nodeAdded/Removed/
//   Changed/Moved, edgesChanged diffs the edge items against graph().edges());
//   graphReset rebuilds every item in one pass.
// - Beyond what it mirrors it holds only item geometry (a node being dragged),
//   the selection and the run badges given with setBadge() (badges are not in
//   the graph; a rebuild clears them).
// - Items look themselves up in graph() by id; signals carry ids.
#pragma once

#include <QGraphicsScene>
#include <QString>
#include <QVector>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.h"
#include "views/canvas/canvas_style.h"
#include "views/node_badge.h"

namespace sluice {

class ConnectionDrag;
class EdgeItem;
class GraphDocument;
class NodeItem;
class PortItem;

class GraphScene : public QGraphicsScene {
    Q_OBJECT

public:
    // Mirrors `document`'s graph at once and follows it from then on. The
    // document must outlive the scene.
    explicit GraphScene(GraphDocument* document, QObject* parent = nullptr);
    ~GraphScene() override;

    GraphDocument* document() const { return document_; }
    // Colours and fonts every item paints with (from the scene palette and font).
    const CanvasStyle& style() const { return style_; }
    const CanvasColors& colors() const { return style_.colors; }

    // --- Items ---------------------------------------------------------
    NodeItem* nodeItem(std::string_view id) const;
    EdgeItem* edgeItem(const GraphEdge& edge) const;
    // Node items in the graph's node order.
    std::vector<NodeItem*> nodeItems() const;
    std::size_t nodeCount() const { return nodes_.size(); }
    std::size_t edgeCount() const { return edges_.size(); }
    // The cards of all nodes (without edges or badges), null when empty.
    QRectF nodesBoundingRect() const;

    // --- Run status ----------------------------------------------------
    // What node `id` shows about its run; unknown ids are ignored.
    void setBadge(const QString& id, const NodeBadge& badge);
    NodeBadge badge(const QString& id) const;
    // Every node back to idle (e.g. a new run, or a run log cleared).
    void clearBadges();
    // The sparkline of node `id`'s latest training metric (NodeItem::
    // setSparkline); empty values clear it. Unknown ids are ignored; like
    // badges, a rebuild clears them.
    void setSparkline(const QString& id, const QVector<double>& values,
                      const QString& label = QString());
    // What node `id` draws (downsampled), empty when none.
    QVector<double> sparkline(const QString& id) const;

    // --- Editing options -----------------------------------------------
    // Dragged nodes snap their top-left corner to CanvasView::kGridSpacing.
    void setSnapToGrid(bool snap) { snapToGrid_ = snap; }
    bool snapToGrid() const { return snapToGrid_; }
    static qreal gridSpacing();
    QPointF snapped(QPointF position) const;

    // --- Selection and the edits it drives -----------------------------
    // Selected node ids, in graph order.
    std::vector<std::string> selectedNodeIds() const;
    std::vector<GraphEdge> selectedEdges() const;
    // Removes the selected nodes and edges with one document request.
    void deleteSelection();
    // Moves the selected nodes by whole grid steps with one document request.
    void nudgeSelection(int stepsX, int stepsY);
    // True between the press on a port and the drop.
    bool isConnecting() const { return drag_ != nullptr; }
    // Ports the connection being dragged may end on (empty when none is).
    std::vector<PortItem*> compatiblePorts() const;
    // Ports it cannot end on, dimmed with the reason in their tooltip.
    std::vector<PortItem*> refusedPorts() const;

signals:
    // First thing in the destructor, while this is still a GraphScene:
    // views must let go of it now (a view asked during ~QGraphicsScene
    // would call into a half-destroyed object).
    void aboutToBeDestroyed();
    // A short message for the status bar, e.g. why a connection was refused.
    void statusMessage(const QString& text);
    // The user asked to add a node at `scenePos` (double-click or Tab on the
    // empty canvas, or a connection dropped there). When a connection was
    // dropped, one of pendingFrom (an output) / pendingTo (an input) names
    // its origin so the new node can be connected to it; the other is empty.
    void quickAddRequested(QPointF scenePos, const sluice::Endpoint& pendingFrom,
                           const sluice::Endpoint& pendingTo);
    // A node was double-clicked (e.g. to open its output preview).
    void nodeActivated(const QString& id);
    // Nodes were added, removed, moved or rebuilt (the minimap repaints).
    void contentsChanged();

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct EdgeHash {
        std::size_t operator()(const GraphEdge& e) const;
    };

    void onNodeAdded(const QString& id);
    void onNodeRemoved(const QString& id);
    void onNodeChanged(const QString& id);
    void onNodeMoved(const QString& id);
    void rebuild();

    NodeItem* createNodeItem(const GraphNode& node);
    EdgeItem* createEdgeItem(const GraphEdge& edge);
    void deleteNodeItem(NodeItem* item);
    void deleteEdgeItem(EdgeItem* item);
    // Adds and removes edge items until they match graph().edges().
    void syncEdges();
    void growSceneRect(const QRectF& rect);
    void rerouteEdgesNear(const QRectF& rect);
    void restyle();

    // After a drag of nodes: one moveNodes with every node that moved.
    void commitMoves();
    void finishConnection(QPointF scenePos);
    void cancelConnection();

    GraphDocument* document_;
    CanvasStyle style_;
    std::unordered_map<std::string, NodeItem*> nodes_;
    std::unordered_map<GraphEdge, EdgeItem*, EdgeHash> edges_;
    std::unique_ptr<ConnectionDrag> drag_;
    bool snapToGrid_ = true;
    bool movingNodes_ = false;  // a press on a node that may become a drag
};

}  // namespace sluice
