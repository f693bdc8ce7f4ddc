// EdgeItem: one graph edge on the canvas, a cubic Bezier curve from an output
// port to an input port, coloured by the port type, selectable by clicking
// anywhere near it.
//
// An edge whose curve would pass under another card goes round it instead
// (route()), so it never seems to leave from a port it does not touch; under
// the pointer it is drawn thicker, over the cards, with both of its ports
// lit (issue 25, item 6).
//
// Contract:
// - The item mirrors a GraphEdge and never edits the graph. GraphScene
//   creates and deletes it; on creation it attaches itself to both nodes so a
//   node move re-routes only its own edges (updatePath()).
// - Its destructor does not touch the nodes (the scene may delete them in any
//   order); GraphScene::deleteEdge detaches it first.
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>

#include <vector>

#include "graph/graph.h"

namespace sluice {

class PortItem;

class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    // Width of the invisible band around the curve that accepts clicks.
    static constexpr qreal kHitWidth = 12.0;

    EdgeItem(const GraphEdge& edge, PortItem* from, PortItem* to);

    int type() const override { return Type; }
    const GraphEdge& edge() const { return edge_; }
    PortItem* fromPort() const { return from_; }
    PortItem* toPort() const { return to_; }

    // Re-routes the curve after an end moved.
    void updatePath();
    // The style (palette) changed: pick the pens again and repaint.
    void refreshStyle();
    // The curve between two scene points, leaving `from` to the right and
    // entering `to` from the left (shared with the connection preview).
    static QPainterPath curve(QPointF from, QPointF to);
    // curve(), unless it crosses one of `cards`: then a path that bends to a
    // horizontal lane above or below them (the shorter way), runs along it
    // and bends down to `to`, with horizontal tangents at both ends. A
    // backward edge, or one too short to bend, keeps the plain curve.
    static QPainterPath route(QPointF from, QPointF to, const std::vector<QRectF>& cards);
    // Whether the pointer is over it.
    bool isHovered() const { return hovered_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    GraphEdge edge_;
    PortItem* from_;
    PortItem* to_;
    QPainterPath path_;
    // The hit area is costly to stroke, so it is built only when asked for
    // (clicks, rubber band), not on every move of a dragged node.
    mutable QPainterPath shape_;
    mutable bool shapeDirty_ = true;
    QRectF bounds_;
    // Pens are built when style or selection changes, not on every paint.
    QPen pen_;
    QPen haloPen_;
    QPen gapPen_;
    QPen hoverPen_;
    bool hovered_ = false;
};

}  // namespace sluice
