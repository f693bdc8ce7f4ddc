#include "views/canvas/port_item.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "views/canvas/canvas_style.h"
#include "views/canvas/node_item.h"

namespace sluice {

PortItem::PortItem(NodeItem* node, const PortSpec& spec, PortDirection direction, QPointF centre)
    : QGraphicsItem(node),
      node_(node),
      name_(spec.name),
      label_(QString::fromStdString(spec.label.empty() ? spec.name : spec.label)),
      portType_(spec.type),
      direction_(direction) {
    setPos(centre);
    setAcceptHoverEvents(true);
    // Above the card (a child draws over its parent anyway) and its edges.
    setZValue(1);
    const QString typeName = QString::fromUtf8(
        portTypeName(spec.type).data(), static_cast<qsizetype>(portTypeName(spec.type).size()));
    QString tip = QStringLiteral("<b>%1</b> &middot; %2 %3")
                      .arg(label_.toHtmlEscaped(), typeName,
                           isInput() ? QObject::tr("input") : QObject::tr("output"));
    if (!spec.help.empty()) {
        tip += QStringLiteral("<br>") + QString::fromStdString(spec.help).toHtmlEscaped();
    }
    if (isInput() && !spec.required) {
        tip += QStringLiteral("<br><i>%1</i>").arg(QObject::tr("optional"));
    }
    setToolTip(tip);
}

Endpoint PortItem::endpoint() const {
    return Endpoint{node_->id(), name_};
}

void PortItem::setHighlight(Highlight highlight) {
    if (highlight_ != highlight) {
        highlight_ = highlight;
        update();
    }
}

QRectF PortItem::boundingRect() const {
    return QRectF(-kHitRadius, -kHitRadius, 2 * kHitRadius, 2 * kHitRadius);
}

QPainterPath PortItem::shape() const {
    QPainterPath path;
    path.addEllipse(boundingRect());
    return path;
}

void PortItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const CanvasColors& colors = node_->style().colors;
    const QColor color = portColor(portType_, colors.dark);

    if (highlight_ != Highlight::None) {
        // A soft halo says "you can drop here" without hiding the dot.
        QColor halo = color;
        halo.setAlphaF(highlight_ == Highlight::Origin ? 0.25f : 0.35f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(halo);
        painter->drawEllipse(QPointF(0, 0), kHitRadius, kHitRadius);
    }
    const qreal r = (hovered_ || highlight_ == Highlight::Compatible) ? kDotRadius + 1 : kDotRadius;
    // The ring in the card colour separates the dot from the card border
    // and from edges arriving at it.
    painter->setPen(QPen(colors.card, 2.0));
    painter->setBrush(color);
    painter->drawEllipse(QPointF(0, 0), r, r);
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = true;
    update();
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = false;
    update();
}

}  // namespace sluice
