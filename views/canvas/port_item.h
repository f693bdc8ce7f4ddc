// PortItem: one input or output socket of a node on the canvas, a child of its
// NodeItem. It draws a dot coloured by PortType, shows the port's label and
// type as a tooltip, and lights up while a compatible connection is dragged.
//
// Contract:
// - A port never changes the graph: connection drags are run by GraphScene
//   (see connection_drag.h), which asks ports for their endpoint and anchor.
// - While a connection is dragged, ports it cannot reach are dimmed and
//   their tooltip gives the document's reason (setRefusal).
// - Its position is fixed relative to the node (left edge for inputs, right
//   edge for outputs); sceneAnchor() is where edges attach.
#pragma once

#include <QGraphicsItem>

#include <string>

#include "graph/graph.h"
#include "nodes/node_type.h"

namespace sluice {

class NodeItem;

enum class PortDirection { Input, Output };

class PortItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    // Radius of the drawn dot and of the (larger) area that accepts presses.
    static constexpr qreal kDotRadius = 5.0;
    static constexpr qreal kHitRadius = 9.0;

    enum class Highlight {
        None,
        Compatible,  // a connection being dragged may end here
        Origin,      // the connection being dragged starts here
        Refused,     // a connection being dragged cannot end here (dimmed)
    };

    PortItem(NodeItem* node, const PortSpec& spec, PortDirection direction, QPointF centre);

    int type() const override { return Type; }
    NodeItem* node() const { return node_; }
    const std::string& name() const { return name_; }
    const QString& label() const { return label_; }
    PortType portType() const { return portType_; }
    PortDirection direction() const { return direction_; }
    bool isInput() const { return direction_ == PortDirection::Input; }
    // A required input no edge reaches: drawn as a red ring so the gap is
    // seen before a run fails on it (issue 25, item 10).
    bool isMissingInput() const;
    Endpoint endpoint() const;
    // Where edges attach, in scene coordinates.
    QPointF sceneAnchor() const { return scenePos(); }

    Highlight highlight() const { return highlight_; }
    void setHighlight(Highlight highlight);
    // Lit while the pointer is over one of its edges.
    void setEdgeHovered(bool on);
    bool isEdgeHovered() const { return edgeHovered_; }
    // While a connection is dragged: dims the port and makes its tooltip
    // say why the connection cannot end here; an empty reason restores it.
    void setRefusal(const QString& reason);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    NodeItem* node_;
    std::string name_;
    QString label_;
    PortType portType_;
    PortDirection direction_;
    bool required_;
    Highlight highlight_ = Highlight::None;
    QString helpTip_;  // the tooltip outside connection drags
    bool hovered_ = false;
    bool edgeHovered_ = false;
};

}  // namespace sluice
