#include "views/canvas/port_item.h"

#include <QPainter>

#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include "views/canvas/canvas_style.h"
#include "views/canvas/edge_item.h"
#include "views/canvas/node_item.h"

namespace sluice {

PortItem::PortItem(NodeItem* node, const PortSpec& spec, PortDirection direction, QPointF centre)
    : QGraphicsItem(node),
      node_(node),
      name_(spec.name),
      label_(QString::fromStdString(spec.label.empty() ? spec.name : spec.label)),
      portType_(spec.type),
      direction_(direction),
      required_(spec.required) {
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
    helpTip_ = tip;
    setToolTip(tip);
}

Endpoint PortItem::endpoint() const {
    return Endpoint{node_->id(), name_};
}

void PortItem::setEdgeHovered(bool on) {
    if (edgeHovered_ != on) {
        edgeHovered_ = on;
        update();
    }
}

bool PortItem::isMissingInput() const {
    if (!isInput() || !required_)
        return false;
    const auto& edges = node_->edges();
    return std::none_of(edges.begin(), edges.end(),
                        [this](const EdgeItem* e) { return e->toPort() == this; });
}

void PortItem::setHighlight(Highlight highlight) {
    if (highlight_ != highlight) {
        highlight_ = highlight;
        update();
    }
}

void PortItem::setRefusal(const QString& reason) {
    if (reason.isEmpty()) {
        setToolTip(helpTip_);
        if (highlight_ == Highlight::Refused) {
            setHighlight(Highlight::None);
            node_->update();
        }
        return;
    }
    setToolTip(QStringLiteral("%1<br><b>%2</b> %3")
                   .arg(helpTip_, QObject::tr("Cannot connect here:"), reason.toHtmlEscaped()));
    setHighlight(Highlight::Refused);
    node_->update();  // the card draws the port's label, faded too
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

    if (highlight_ == Highlight::Refused) {
        // Faded and hollow: plainly not a place to drop this connection.
        painter->setOpacity(0.3);
        painter->setPen(QPen(color, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(0, 0), kDotRadius - 1, kDotRadius - 1);
        return;
    }
    if (highlight_ != Highlight::None || edgeHovered_) {
        // A soft halo says "you can drop here" without hiding the dot.
        QColor halo = color;
        halo.setAlphaF(highlight_ == Highlight::Compatible || edgeHovered_ ? 0.35f : 0.25f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(halo);
        painter->drawEllipse(QPointF(0, 0), kHitRadius, kHitRadius);
    }
    const qreal r = (hovered_ || edgeHovered_ || highlight_ == Highlight::Compatible)
                        ? kDotRadius + 1
                        : kDotRadius;
    if (highlight_ == Highlight::None && isMissingInput()) {
        // Hollow with a red ring: this input still needs a connection.
        painter->setPen(QPen(colors.failed, 2.0));
        painter->setBrush(colors.card);
        painter->drawEllipse(QPointF(0, 0), r, r);
        return;
    }
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
