// The input half of GraphScene: mouse and key gestures on the canvas, each
// turned into one GraphDocument request (or a signal for the window). The
// mirroring half is graph_scene.cpp.
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>

#include <algorithm>
#include <map>

#include "views/canvas/connection_drag.h"
#include "views/canvas/edge_item.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas/node_item.h"
#include "views/canvas/port_item.h"
#include "views/graph_document.h"

namespace sluice {

namespace {

QPointF modelPosition(const GraphNode& node) {
    return QPointF(node.x, node.y);
}

}  // namespace

// --- Selection ---------------------------------------------------------

std::vector<std::string> GraphScene::selectedNodeIds() const {
    std::vector<std::string> ids;
    for (const GraphNode& node : document_->graph().nodes()) {
        if (const NodeItem* item = nodeItem(node.id); item && item->isSelected()) {
            ids.push_back(node.id);
        }
    }
    return ids;
}

std::vector<GraphEdge> GraphScene::selectedEdges() const {
    std::vector<GraphEdge> result;
    for (const GraphEdge& edge : document_->graph().edges()) {
        if (const EdgeItem* item = edgeItem(edge); item && item->isSelected()) {
            result.push_back(edge);
        }
    }
    return result;
}

void GraphScene::deleteSelection() {
    const std::vector<std::string> nodes = selectedNodeIds();
    std::vector<GraphEdge> edges;
    // Edges of removed nodes go with them; naming them again would be noise.
    for (const GraphEdge& edge : selectedEdges()) {
        const auto removed = [&](const std::string& id) {
            return std::find(nodes.begin(), nodes.end(), id) != nodes.end();
        };
        if (!removed(edge.from.node) && !removed(edge.to.node)) {
            edges.push_back(edge);
        }
    }
    if (!nodes.empty() || !edges.empty()) {
        document_->removeItems(nodes, edges);
    }
}

void GraphScene::nudgeSelection(int stepsX, int stepsY) {
    const QPointF delta(stepsX * gridSpacing(), stepsY * gridSpacing());
    std::map<std::string, QPointF> positions;
    for (const std::string& id : selectedNodeIds()) {
        positions[id] = modelPosition(*document_->graph().node(id)) + delta;
    }
    if (!positions.empty()) {
        document_->moveNodes(positions);
    }
}

std::vector<PortItem*> GraphScene::compatiblePorts() const {
    return drag_ ? drag_->compatiblePorts() : std::vector<PortItem*>{};
}

std::vector<PortItem*> GraphScene::refusedPorts() const {
    return drag_ ? drag_->refusedPorts() : std::vector<PortItem*>{};
}

void GraphScene::commitMoves() {
    std::map<std::string, QPointF> positions;
    std::vector<QRectF> left;  // where the dragged cards were
    for (const std::string& id : selectedNodeIds()) {
        const NodeItem* item = nodeItem(id);
        const QPointF was = modelPosition(*document_->graph().node(id));
        if (item->pos() != was) {
            positions[id] = item->pos();
            left.push_back(item->sceneBoundingRect().translated(was - item->pos()));
        }
    }
    if (!positions.empty()) {
        document_->moveNodes(positions);
    }
    // Edges that went round a dragged card's old place may go straight now.
    for (const QRectF& rect : left) {
        rerouteEdgesNear(rect);
    }
}

// --- Input -------------------------------------------------------------

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (drag_) {  // a second button during a connection drag: ignore it
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        QGraphicsItem* item = itemAt(event->scenePos(), QTransform());
        // A hovered edge is drawn over the cards, so it may cover the very
        // port it ends at: a port under the press wins over it.
        if (item && item->type() == EdgeItem::Type) {
            for (QGraphicsItem* under : items(event->scenePos())) {
                if (under->type() == PortItem::Type) {
                    item = under;
                    break;
                }
            }
        }
        if (item && item->type() == PortItem::Type) {
            drag_ = std::make_unique<ConnectionDrag>(this, *document_, static_cast<PortItem*>(item),
                                                     nodeItems());
            event->accept();
            return;
        }
        movingNodes_ = item && (item->type() == NodeItem::Type);
    }
    QGraphicsScene::mousePressEvent(event);
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (drag_) {
        drag_->moveTo(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (drag_) {
        if (event->button() == Qt::LeftButton) {
            finishConnection(event->scenePos());
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (movingNodes_ && event->button() == Qt::LeftButton) {
        movingNodes_ = false;
        commitMoves();
    }
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mouseDoubleClickEvent(event);
        return;
    }
    QGraphicsItem* item = itemAt(event->scenePos(), QTransform());
    if (item && item->type() == PortItem::Type) {
        item = static_cast<PortItem*>(item)->node();
    }
    if (!item) {
        emit quickAddRequested(event->scenePos(), Endpoint{}, Endpoint{});
    } else if (item->type() == NodeItem::Type) {
        emit nodeActivated(static_cast<NodeItem*>(item)->qid());
    }
    event->accept();
}

void GraphScene::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            deleteSelection();
            break;
        case Qt::Key_Left:
            nudgeSelection(-1, 0);
            break;
        case Qt::Key_Right:
            nudgeSelection(1, 0);
            break;
        case Qt::Key_Up:
            nudgeSelection(0, -1);
            break;
        case Qt::Key_Down:
            nudgeSelection(0, 1);
            break;
        case Qt::Key_Escape:
            if (drag_) {
                cancelConnection();
            } else {
                clearSelection();
            }
            break;
        default:
            QGraphicsScene::keyPressEvent(event);
            return;
    }
    event->accept();
}

void GraphScene::finishConnection(QPointF scenePos) {
    // Take everything needed from the drag, then end it before asking the
    // document: its signals may rebuild or delete items the drag points to.
    PortItem* origin = drag_->origin();
    const bool onOrigin = origin->contains(origin->mapFromScene(scenePos));
    const bool fromInput = origin->isInput();
    const ConnectionDrag::Drop drop = drag_->dropAt(scenePos);
    const bool sameDirection = drop.port && drop.port->direction() == origin->direction();
    const GraphEdge edge = drop.port && !sameDirection ? drag_->edgeTo(drop.port) : GraphEdge{};
    const QString nodeTitle = drop.node ? drop.node->title() : QString();
    const Endpoint pendingFrom = drag_->pendingFrom();
    const Endpoint pendingTo = drag_->pendingTo();
    drag_.reset();

    if (onOrigin) {
        return;  // a click on the port, not a drag
    }
    if (sameDirection) {
        emit statusMessage(fromInput ? tr("Connect an input to an output")
                                     : tr("Connect an output to an input"));
    } else if (drop.port) {
        if (const auto reason = document_->connectPorts(edge.from, edge.to)) {
            emit statusMessage(tr("Cannot connect: %1").arg(QString::fromStdString(*reason)));
        }
    } else if (drop.node) {
        emit statusMessage(fromInput ? tr("%1 has no outputs").arg(nodeTitle)
                                     : tr("%1 has no inputs").arg(nodeTitle));
    } else {
        emit quickAddRequested(scenePos, pendingFrom, pendingTo);
    }
}

void GraphScene::cancelConnection() {
    drag_.reset();
}

}  // namespace sluice
