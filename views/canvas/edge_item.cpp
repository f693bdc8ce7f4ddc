#include "views/canvas/edge_item.h"

#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>

#include "views/canvas/canvas_style.h"
#include "views/canvas/node_item.h"
#include "views/canvas/port_item.h"

namespace sluice {

namespace {

constexpr qreal kWidth = 2.0;
constexpr qreal kSelectedWidth = 2.5;
constexpr qreal kSelectedGapWidth = 4.5;
constexpr qreal kSelectedHaloWidth = 8.0;

}  // namespace

EdgeItem::EdgeItem(const GraphEdge& edge, PortItem* from, PortItem* to)
    : edge_(edge), from_(from), to_(to) {
    setFlags(ItemIsSelectable);
    // Under the cards, so a curve never hides a node or a port.
    setZValue(-1);
    from_->node()->attachEdge(this);
    to_->node()->attachEdge(this);
    updatePath();
    refreshStyle();
}

void EdgeItem::refreshStyle() {
    const CanvasColors& c = from_->node()->style().colors;
    pen_ = QPen(portColor(from_->portType(), c.dark), isSelected() ? kSelectedWidth : kWidth,
                Qt::SolidLine, Qt::RoundCap);
    // Selected: the type colour stays, on a thin strip of canvas colour inside
    // a glow of the selection colour (colour on colour would turn muddy).
    QColor halo = c.selection;
    halo.setAlphaF(0.55f);
    haloPen_ = QPen(halo, kSelectedHaloWidth, Qt::SolidLine, Qt::RoundCap);
    gapPen_ = QPen(c.canvas, kSelectedGapWidth, Qt::SolidLine, Qt::RoundCap);
    update();
}

QVariant EdgeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemSelectedHasChanged) {
        refreshStyle();
    }
    return QGraphicsItem::itemChange(change, value);
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to) {
    // Horizontal tangents at both ends; the handle length grows with the
    // distance so long edges sweep and backward edges loop round visibly.
    const qreal dx = std::abs(to.x() - from.x());
    const qreal dy = std::abs(to.y() - from.y());
    const qreal handle = std::max({40.0, dx * 0.5, to.x() < from.x() ? std::min(dy, 160.0) : 0.0});
    QPainterPath path(from);
    path.cubicTo(from + QPointF(handle, 0), to - QPointF(handle, 0), to);
    return path;
}

void EdgeItem::updatePath() {
    prepareGeometryChange();
    path_ = curve(from_->sceneAnchor(), to_->sceneAnchor());
    const qreal margin = std::max(kHitWidth, kSelectedHaloWidth) / 2 + 1;
    bounds_ = path_.boundingRect().adjusted(-margin, -margin, margin, margin);
    shapeDirty_ = true;
}

QRectF EdgeItem::boundingRect() const {
    return bounds_;
}

QPainterPath EdgeItem::shape() const {
    if (shapeDirty_) {
        QPainterPathStroker stroker;
        stroker.setWidth(kHitWidth);
        stroker.setCapStyle(Qt::RoundCap);
        shape_ = stroker.createStroke(path_);
        shapeDirty_ = false;
    }
    return shape_;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    if (isSelected()) {
        painter->setPen(haloPen_);
        painter->drawPath(path_);
        painter->setPen(gapPen_);
        painter->drawPath(path_);
    }
    painter->setPen(pen_);
    painter->drawPath(path_);
}

}  // namespace sluice
