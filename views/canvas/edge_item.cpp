#include "views/canvas/edge_item.h"

#include <QGraphicsScene>
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
constexpr qreal kHoverWidth = 3.5;
constexpr qreal kBend = 30.0;        // horizontal run of a bend to or from a lane
constexpr qreal kLaneGap = 18.0;     // a lane's distance from the cards it avoids
constexpr int kSamples = 48;         // points of a curve tested against cards
constexpr qreal kLaneReach = 400.0;  // how far above or below a lane is looked for
// Above the cards (which are at 0) while hovered; under them otherwise.
constexpr qreal kHoverZ = 5.0;
constexpr qreal kRestZ = -1.0;

QPointF bezier(QPointF p0, QPointF p1, QPointF p2, QPointF p3, qreal t) {
    const qreal u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

// The handle length of curve(): it grows with the distance so long edges
// sweep and backward edges loop round visibly.
qreal handleFor(QPointF from, QPointF to) {
    const qreal dx = std::abs(to.x() - from.x());
    const qreal dy = std::abs(to.y() - from.y());
    return std::max({40.0, dx * 0.5, to.x() < from.x() ? std::min(dy, 160.0) : 0.0});
}

// The cards curve(from, to) passes through (a card touched only at its
// edge, as the ends' own cards are, does not count).
std::vector<QRectF> crossed(QPointF from, QPointF to, const std::vector<QRectF>& cards) {
    const qreal h = handleFor(from, to);
    const QPointF c1 = from + QPointF(h, 0), c2 = to - QPointF(h, 0);
    std::vector<QRectF> hit;
    for (const QRectF& card : cards) {
        const QRectF inner = card.adjusted(2, 2, -2, -2);
        for (int i = 1; i < kSamples; ++i)
            if (inner.contains(bezier(from, c1, c2, to, qreal(i) / kSamples))) {
                hit.push_back(card);
                break;
            }
    }
    return hit;
}

// A path through a lane at height `lane`: bend, run, bend.
QPainterPath viaLane(QPointF from, QPointF to, qreal lane) {
    QPainterPath path(from);
    path.cubicTo(from + QPointF(kBend, 0), QPointF(from.x() + kBend, lane),
                 QPointF(from.x() + 2 * kBend, lane));
    path.lineTo(to.x() - 2 * kBend, lane);
    path.cubicTo(QPointF(to.x() - kBend, lane), to - QPointF(kBend, 0), to);
    return path;
}

}  // namespace

EdgeItem::EdgeItem(const GraphEdge& edge, PortItem* from, PortItem* to)
    : edge_(edge), from_(from), to_(to) {
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    // Under the cards, so a curve never hides a node or a port.
    setZValue(kRestZ);
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
    hoverPen_ =
        QPen(portColor(from_->portType(), c.dark), kHoverWidth, Qt::SolidLine, Qt::RoundCap);
    update();
}

QVariant EdgeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemSelectedHasChanged) {
        refreshStyle();
    }
    return QGraphicsItem::itemChange(change, value);
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to) {
    // Horizontal tangents at both ends.
    const qreal handle = handleFor(from, to);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(handle, 0), to - QPointF(handle, 0), to);
    return path;
}

QPainterPath EdgeItem::route(QPointF from, QPointF to, const std::vector<QRectF>& cards) {
    if (cards.empty() || to.x() - from.x() < 4 * kBend)
        return curve(from, to);
    const std::vector<QRectF> blockers = crossed(from, to, cards);
    if (blockers.empty())
        return curve(from, to);
    // Push each lane outwards until its straight run clears every card.
    const auto clearLane = [&](bool above) {
        qreal lane = from.y();
        for (const QRectF& b : blockers)
            lane =
                above ? std::min(lane, b.top() - kLaneGap) : std::max(lane, b.bottom() + kLaneGap);
        for (int pass = 0; pass < 8; ++pass) {
            const QRectF run(QPointF(from.x() + kBend, lane - 1),
                             QPointF(to.x() - kBend, lane + 1));
            bool moved = false;
            for (const QRectF& card : cards)
                if (card.intersects(run)) {
                    lane = above ? card.top() - kLaneGap : card.bottom() + kLaneGap;
                    moved = true;
                }
            if (!moved)
                break;
        }
        return lane;
    };
    const qreal up = clearLane(true);
    const qreal down = clearLane(false);
    const auto travel = [&](qreal lane) {
        return std::abs(from.y() - lane) + std::abs(to.y() - lane);
    };
    return viaLane(from, to, travel(up) <= travel(down) ? up : down);
}

void EdgeItem::updatePath() {
    prepareGeometryChange();
    const QPointF from = from_->sceneAnchor();
    const QPointF to = to_->sceneAnchor();
    std::vector<QRectF> cards;
    if (const QGraphicsScene* s = scene()) {
        // Cards near the plain curve may be in its way; those above and below
        // it may be in the way of a lane round them.
        const QRectF near = curve(from, to).boundingRect().adjusted(-2, -kLaneReach, 2, kLaneReach);
        for (QGraphicsItem* item : s->items(near, Qt::IntersectsItemBoundingRect)) {
            if (item->type() != NodeItem::Type || item == from_->node() || item == to_->node())
                continue;
            const auto* node = static_cast<const NodeItem*>(item);
            cards.push_back(node->mapRectToScene(node->cardRect()));
        }
    }
    path_ = route(from, to, cards);
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
    painter->setPen(hovered_ ? hoverPen_ : pen_);
    painter->drawPath(path_);
}

void EdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = true;
    setZValue(kHoverZ);  // the whole curve shows, over any card it passes
    from_->setEdgeHovered(true);
    to_->setEdgeHovered(true);
    update();
}

void EdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = false;
    setZValue(kRestZ);
    from_->setEdgeHovered(false);
    to_->setEdgeHovered(false);
    update();
}

}  // namespace sluice
