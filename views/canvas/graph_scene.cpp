// The mirroring half of GraphScene: items that follow the document's signals,
// badges, style and grid. Gestures are in graph_scene_input.cpp.
#include "views/canvas/graph_scene.h"

#include <QEvent>

#include <cmath>
#include <functional>
#include <unordered_set>

#include "nodes/node_registry.h"
#include "views/canvas/connection_drag.h"
#include "views/canvas/edge_item.h"
#include "views/canvas/node_item.h"
#include "views/canvas/port_item.h"
#include "views/canvas_view.h"
#include "views/graph_document.h"

namespace sluice {

namespace {

// The scene always spans at least this square around the origin, so panning
// never hits an edge in practice; it grows when nodes are placed beyond it.
constexpr qreal kMinExtent = 20000.0;
constexpr qreal kGrowMargin = 2000.0;

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

QPointF modelPosition(const GraphNode& node) {
    return QPointF(node.x, node.y);
}

}  // namespace

std::size_t GraphScene::EdgeHash::operator()(const GraphEdge& e) const {
    const std::hash<std::string> h;
    std::size_t seed = h(e.from.node);
    for (const std::string* s : {&e.from.port, &e.to.node, &e.to.port}) {
        seed ^= h(*s) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    }
    return seed;
}

GraphScene::GraphScene(GraphDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document), style_(CanvasStyle::from(palette(), font())) {
    setSceneRect(-kMinExtent / 2, -kMinExtent / 2, kMinExtent, kMinExtent);
    connect(document_, &GraphDocument::nodeAdded, this, &GraphScene::onNodeAdded);
    connect(document_, &GraphDocument::nodeRemoved, this, &GraphScene::onNodeRemoved);
    connect(document_, &GraphDocument::nodeChanged, this, &GraphScene::onNodeChanged);
    connect(document_, &GraphDocument::nodeMoved, this, &GraphScene::onNodeMoved);
    connect(document_, &GraphDocument::edgesChanged, this, &GraphScene::syncEdges);
    connect(document_, &GraphDocument::graphReset, this, &GraphScene::rebuild);
    rebuild();
}

GraphScene::~GraphScene() {
    emit aboutToBeDestroyed();
    // The base class deletes the items; forget them first so nothing reaches
    // a half-deleted item through the maps.
    drag_.reset();
    nodes_.clear();
    edges_.clear();
}

// --- Items -------------------------------------------------------------

NodeItem* GraphScene::nodeItem(std::string_view id) const {
    const auto it = nodes_.find(std::string(id));
    return it == nodes_.end() ? nullptr : it->second;
}

EdgeItem* GraphScene::edgeItem(const GraphEdge& edge) const {
    const auto it = edges_.find(edge);
    return it == edges_.end() ? nullptr : it->second;
}

std::vector<NodeItem*> GraphScene::nodeItems() const {
    std::vector<NodeItem*> items;
    items.reserve(nodes_.size());
    for (const GraphNode& node : document_->graph().nodes()) {
        if (NodeItem* item = nodeItem(node.id)) {
            items.push_back(item);
        }
    }
    return items;
}

QRectF GraphScene::nodesBoundingRect() const {
    QRectF rect;
    for (const auto& [id, item] : nodes_) {
        rect |= item->mapRectToScene(item->cardRect());
    }
    return rect;
}

NodeItem* GraphScene::createNodeItem(const GraphNode& node) {
    auto* item = new NodeItem(node, document_->registry().find(node.type), &style_);
    nodes_[node.id] = item;
    return item;
}

EdgeItem* GraphScene::createEdgeItem(const GraphEdge& edge) {
    NodeItem* from = nodeItem(edge.from.node);
    NodeItem* to = nodeItem(edge.to.node);
    PortItem* out = from ? from->port(edge.from.port, PortDirection::Output) : nullptr;
    PortItem* in = to ? to->port(edge.to.port, PortDirection::Input) : nullptr;
    if (!out || !in) {
        // An edge to a port this build does not know (a placeholder node, an
        // old file): validation reports it; there is nothing to draw it to.
        return nullptr;
    }
    auto* item = new EdgeItem(edge, out, in);
    edges_[edge] = item;
    return item;
}

void GraphScene::deleteEdgeItem(EdgeItem* item) {
    // A deleted item gets no hover-leave: its ports must not stay lit.
    if (item->isHovered()) {
        item->fromPort()->setEdgeHovered(false);
        item->toPort()->setEdgeHovered(false);
    }
    edges_.erase(item->edge());
    item->fromPort()->node()->detachEdge(item);
    item->toPort()->node()->detachEdge(item);
    delete item;  // also removes it from the scene
}

void GraphScene::deleteNodeItem(NodeItem* item) {
    // The drag points at ports all over the graph; a graph change ends it.
    cancelConnection();
    const std::vector<EdgeItem*> attached = item->edges();
    for (EdgeItem* edge : attached) {
        deleteEdgeItem(edge);
    }
    nodes_.erase(item->id());
    delete item;
}

void GraphScene::rebuild() {
    cancelConnection();
    // Qt deletes the items; our maps only need forgetting.
    nodes_.clear();
    edges_.clear();
    clear();

    // Build every item first, then add the top-level ones: no item is
    // announced before the whole graph exists, and edges find their ports.
    const Graph& graph = document_->graph();
    std::vector<QGraphicsItem*> created;
    created.reserve(graph.nodes().size() + graph.edges().size());
    for (const GraphNode& node : graph.nodes()) {
        created.push_back(createNodeItem(node));
    }
    for (const GraphEdge& edge : graph.edges()) {
        if (EdgeItem* item = createEdgeItem(edge)) {
            created.push_back(item);
        }
    }
    for (QGraphicsItem* item : created) {
        addItem(item);
    }
    // Routing round cards needs them in the scene: now they are.
    for (const auto& [edge, item] : edges_) {
        item->updatePath();
    }
    growSceneRect(nodesBoundingRect());
    emit contentsChanged();
}

void GraphScene::onNodeAdded(const QString& qid) {
    const std::string id = qid.toStdString();
    const GraphNode* node = document_->graph().node(id);
    if (!node || nodeItem(id)) {
        return;
    }
    NodeItem* item = createNodeItem(*node);
    addItem(item);
    growSceneRect(item->sceneBoundingRect());
    // A node restored by undo comes back with its edges.
    syncEdges();
    emit contentsChanged();
}

void GraphScene::onNodeRemoved(const QString& qid) {
    if (NodeItem* item = nodeItem(qid.toStdString())) {
        deleteNodeItem(item);
        emit contentsChanged();
    }
}

void GraphScene::onNodeChanged(const QString& qid) {
    const std::string id = qid.toStdString();
    const GraphNode* node = document_->graph().node(id);
    NodeItem* item = nodeItem(id);
    if (node && item) {
        item->setTitle(fromStd(node->title.empty() ? node->id : node->title));
    }
}

void GraphScene::onNodeMoved(const QString& qid) {
    const std::string id = qid.toStdString();
    const GraphNode* node = document_->graph().node(id);
    NodeItem* item = nodeItem(id);
    if (node && item) {
        const QRectF before = item->sceneBoundingRect();
        item->setPositionFromModel(modelPosition(*node));
        rerouteEdgesNear(before);
        rerouteEdgesNear(item->sceneBoundingRect());
        growSceneRect(item->sceneBoundingRect());
        emit contentsChanged();
    }
}

void GraphScene::syncEdges() {
    const std::vector<GraphEdge>& wanted = document_->graph().edges();
    const std::unordered_set<GraphEdge, EdgeHash> wantedSet(wanted.begin(), wanted.end());
    std::vector<EdgeItem*> stale;
    for (const auto& [edge, item] : edges_) {
        if (!wantedSet.count(edge)) {
            stale.push_back(item);
        }
    }
    for (EdgeItem* item : stale) {
        deleteEdgeItem(item);
    }
    for (const GraphEdge& edge : wanted) {
        if (!edges_.count(edge)) {
            if (EdgeItem* item = createEdgeItem(edge)) {
                addItem(item);
                item->updatePath();
            }
        }
    }
}

void GraphScene::rerouteEdgesNear(const QRectF& rect) {
    // A card moved into (or out of) an edge's way: that edge re-routes.
    for (QGraphicsItem* item : items(rect, Qt::IntersectsItemBoundingRect)) {
        if (item->type() == EdgeItem::Type) {
            static_cast<EdgeItem*>(item)->updatePath();
        }
    }
}

void GraphScene::growSceneRect(const QRectF& rect) {
    if (rect.isNull() || sceneRect().contains(rect)) {
        return;
    }
    setSceneRect(sceneRect() | rect.adjusted(-kGrowMargin, -kGrowMargin, kGrowMargin, kGrowMargin));
}

// --- Run status --------------------------------------------------------

void GraphScene::setBadge(const QString& id, const NodeBadge& badge) {
    if (NodeItem* item = nodeItem(id.toStdString())) {
        item->setBadge(badge);
    }
}

NodeBadge GraphScene::badge(const QString& id) const {
    const NodeItem* item = nodeItem(id.toStdString());
    return item ? item->badge() : NodeBadge{};
}

void GraphScene::setSparkline(const QString& id, const QVector<double>& values,
                              const QString& label) {
    if (NodeItem* item = nodeItem(id.toStdString())) {
        item->setSparkline(values, label);
    }
}

QVector<double> GraphScene::sparkline(const QString& id) const {
    const NodeItem* item = nodeItem(id.toStdString());
    return item ? item->sparkline() : QVector<double>{};
}

void GraphScene::clearBadges() {
    for (const auto& [id, item] : nodes_) {
        item->setBadge(NodeBadge{});
    }
}

// --- Style -------------------------------------------------------------

bool GraphScene::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        restyle();
    }
    return QGraphicsScene::event(event);
}

void GraphScene::restyle() {
    style_ = CanvasStyle::from(palette(), font());
    for (const auto& [id, item] : nodes_) {
        item->refreshStyle();
    }
    for (const auto& [edge, item] : edges_) {
        item->refreshStyle();
    }
}

// --- Grid --------------------------------------------------------------

qreal GraphScene::gridSpacing() {
    return CanvasView::kGridSpacing;
}

QPointF GraphScene::snapped(QPointF position) const {
    const qreal g = gridSpacing();
    return QPointF(std::round(position.x() / g) * g, std::round(position.y() / g) * g);
}

}  // namespace sluice
