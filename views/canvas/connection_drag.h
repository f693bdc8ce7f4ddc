// ConnectionDrag: one connection being dragged out of a port, from the press
// on the port to the drop. It owns the preview curve that follows the mouse,
// lights up every port the document says the origin may connect to (and dims
// the others, their tooltip giving the document's reason), and
// decides what a drop lands on. It changes nothing in the graph: GraphScene
// asks the document to connect (or opens quick-add) with what it finds.
//
// Compatibility is asked once, when the drag starts (GraphDocument::
// whyNotConnect for every port of the other direction), so moving the mouse
// costs no rule checks.
#pragma once

#include <QPointF>

#include <vector>

#include "graph/graph.h"

class QGraphicsPathItem;
class QGraphicsScene;

namespace sluice {

class GraphDocument;
class NodeItem;
class PortItem;

class ConnectionDrag {
public:
    // Starts a drag from `origin`, considering the ports of `nodes`; adds the
    // preview to `scene` and highlights the compatible ports.
    ConnectionDrag(QGraphicsScene* scene, const GraphDocument& document, PortItem* origin,
                   const std::vector<NodeItem*>& nodes);
    // Removes the preview and every highlight.
    ~ConnectionDrag();

    ConnectionDrag(const ConnectionDrag&) = delete;
    ConnectionDrag& operator=(const ConnectionDrag&) = delete;

    PortItem* origin() const { return origin_; }
    const std::vector<PortItem*>& compatiblePorts() const { return compatible_; }
    const std::vector<PortItem*>& refusedPorts() const { return refused_; }
    bool isCompatible(const PortItem* port) const;

    // The preview follows the mouse, and clings to a compatible port under it.
    void moveTo(QPointF scenePos);

    // What a drop at `scenePos` lands on. `port` is the port under the mouse,
    // or, over a node's card, the first of its compatible ports (else its
    // nearest port of the other direction, whose refusal explains why);
    // `node` is the node under the mouse, if any.
    struct Drop {
        PortItem* port = nullptr;
        NodeItem* node = nullptr;
    };
    Drop dropAt(QPointF scenePos) const;

    // The edge from the origin to `target`, ordered output to input.
    GraphEdge edgeTo(const PortItem* target) const;
    // The origin as the output (or input) a quick-added node should connect
    // to; the other one is empty.
    Endpoint pendingFrom() const;
    Endpoint pendingTo() const;

private:
    QGraphicsScene* scene_;
    PortItem* origin_;
    QGraphicsPathItem* preview_;
    std::vector<PortItem*> compatible_;
    std::vector<PortItem*> refused_;  // dimmed, their tooltip says why
};

}  // namespace sluice
