#include "views/canvas/connection_drag.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QPen>

#include <algorithm>
#include <limits>

#include "views/canvas/canvas_style.h"
#include "views/canvas/edge_item.h"
#include "views/canvas/node_item.h"
#include "views/canvas/port_item.h"
#include "views/graph_document.h"

namespace sluice {

ConnectionDrag::ConnectionDrag(QGraphicsScene* scene, const GraphDocument& document,
                               PortItem* origin, const std::vector<NodeItem*>& nodes)
    : scene_(scene), origin_(origin), preview_(new QGraphicsPathItem) {
    origin_->setHighlight(PortItem::Highlight::Origin);
    for (NodeItem* node : nodes) {
        for (PortItem* port : node->ports()) {
            if (port->direction() == origin_->direction()) {
                continue;
            }
            const GraphEdge edge = edgeTo(port);
            if (const auto why = document.whyNotConnect(edge.from, edge.to)) {
                refused_.push_back(port);
                port->setRefusal(QString::fromStdString(*why));
            } else {
                compatible_.push_back(port);
                port->setHighlight(PortItem::Highlight::Compatible);
            }
        }
    }
    std::sort(compatible_.begin(), compatible_.end());  // for isCompatible()

    const CanvasColors& colors = origin_->node()->style().colors;
    QPen pen(portColor(origin_->portType(), colors.dark), 2.0, Qt::DashLine, Qt::RoundCap);
    preview_->setPen(pen);
    preview_->setZValue(10);  // over everything while it lasts
    // The preview must never be what a drop or a hover finds.
    preview_->setAcceptedMouseButtons(Qt::NoButton);
    preview_->setAcceptHoverEvents(false);
    scene_->addItem(preview_);
    moveTo(origin_->sceneAnchor());
}

ConnectionDrag::~ConnectionDrag() {
    origin_->setHighlight(PortItem::Highlight::None);
    for (PortItem* port : compatible_) {
        port->setHighlight(PortItem::Highlight::None);
    }
    for (PortItem* port : refused_) {
        port->setRefusal({});
    }
    scene_->removeItem(preview_);
    delete preview_;
}

bool ConnectionDrag::isCompatible(const PortItem* port) const {
    return std::binary_search(compatible_.begin(), compatible_.end(), port);
}

void ConnectionDrag::moveTo(QPointF scenePos) {
    QPointF end = scenePos;
    if (const PortItem* target = dropAt(scenePos).port; target && isCompatible(target)) {
        end = target->sceneAnchor();
    }
    const QPointF anchor = origin_->sceneAnchor();
    preview_->setPath(origin_->isInput() ? EdgeItem::curve(end, anchor)
                                         : EdgeItem::curve(anchor, end));
}

ConnectionDrag::Drop ConnectionDrag::dropAt(QPointF scenePos) const {
    Drop drop;
    for (QGraphicsItem* item : scene_->items(scenePos)) {
        if (item == preview_ || item == origin_) {
            continue;
        }
        if (item->type() == PortItem::Type) {
            drop.port = static_cast<PortItem*>(item);
            drop.node = drop.port->node();
            return drop;
        }
        if (item->type() == NodeItem::Type) {
            drop.node = static_cast<NodeItem*>(item);
            break;
        }
    }
    if (!drop.node) {
        return drop;
    }
    // Over a card but not a port: be forgiving and pick the port meant.
    qreal best = std::numeric_limits<qreal>::max();
    for (PortItem* port : drop.node->ports()) {
        if (port->direction() == origin_->direction()) {
            continue;
        }
        if (isCompatible(port)) {
            drop.port = port;
            return drop;
        }
        const qreal d = QLineF(port->sceneAnchor(), scenePos).length();
        if (d < best) {
            best = d;
            drop.port = port;
        }
    }
    return drop;
}

GraphEdge ConnectionDrag::edgeTo(const PortItem* target) const {
    if (origin_->isInput()) {
        return GraphEdge{target->endpoint(), origin_->endpoint()};
    }
    return GraphEdge{origin_->endpoint(), target->endpoint()};
}

Endpoint ConnectionDrag::pendingFrom() const {
    return origin_->isInput() ? Endpoint{} : origin_->endpoint();
}

Endpoint ConnectionDrag::pendingTo() const {
    return origin_->isInput() ? origin_->endpoint() : Endpoint{};
}

}  // namespace sluice
