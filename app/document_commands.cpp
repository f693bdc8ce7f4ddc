#include "app/document_commands.h"

#include <algorithm>
#include <set>

namespace sluice {
namespace {

// `existing` with `placed` put back at their indices: the list before the
// placed items were taken out (or, for indices past the end, appended).
template <class T>
std::vector<T> mergePlaced(const std::vector<T>& existing,
                           const std::vector<std::pair<std::size_t, T>>& placed) {
    std::vector<T> merged;
    merged.reserve(existing.size() + placed.size());
    std::size_t next = 0, k = 0;
    while (next < existing.size() || k < placed.size()) {
        const bool placedHere =
            k < placed.size() && (placed[k].first <= merged.size() || next == existing.size());
        merged.push_back(placedHere ? placed[k++].second : existing[next++]);
    }
    return merged;
}

bool touches(const GraphEdge& edge, const std::set<std::string>& nodes) {
    return nodes.count(edge.from.node) || nodes.count(edge.to.node);
}

}  // namespace

PlacedItems itemsToRemove(const Graph& graph, const std::vector<std::string>& nodes,
                          const std::vector<GraphEdge>& edges) {
    const std::set<std::string> ids(nodes.begin(), nodes.end());
    PlacedItems items;
    for (std::size_t i = 0; i < graph.nodes().size(); ++i)
        if (ids.count(graph.nodes()[i].id))
            items.nodes.emplace_back(i, graph.nodes()[i]);
    for (std::size_t i = 0; i < graph.edges().size(); ++i) {
        const GraphEdge& e = graph.edges()[i];
        if (touches(e, ids) || std::find(edges.begin(), edges.end(), e) != edges.end())
            items.edges.emplace_back(i, e);
    }
    return items;
}

PlacedItems itemsToAppend(const Graph& graph, std::vector<GraphNode> nodes,
                          std::vector<GraphEdge> edges) {
    PlacedItems items;
    for (auto& n : nodes)
        items.nodes.emplace_back(graph.nodes().size() + items.nodes.size(), std::move(n));
    for (auto& e : edges)
        items.edges.emplace_back(graph.edges().size() + items.edges.size(), std::move(e));
    return items;
}

ItemsCommand::ItemsCommand(EditTarget target, PlacedItems items, Action action, const QString& text)
    : QUndoCommand(text), target_(target), items_(std::move(items)), action_(action) {}

void ItemsCommand::redo() {
    action_ == Action::Insert ? insert() : remove();
}

void ItemsCommand::undo() {
    action_ == Action::Insert ? remove() : insert();
}

// Graph can only append, so putting items back in the middle rebuilds the
// lists; pipelines are small enough (hundreds of nodes) for that to be cheap.
void ItemsCommand::insert() {
    Graph& graph = target_.graph;
    std::vector<GraphNode> nodes = mergePlaced(graph.nodes(), items_.nodes);
    std::vector<GraphEdge> edges = mergePlaced(graph.edges(), items_.edges);
    Graph rebuilt;
    rebuilt.meta = std::move(graph.meta);
    for (auto& n : nodes)
        rebuilt.addNode(std::move(n));
    for (auto& e : edges)
        rebuilt.addEdge(std::move(e));
    graph = std::move(rebuilt);

    // Nodes first, so that receivers find both ends of every new edge.
    for (const auto& [index, node] : items_.nodes)
        emit target_.announcer.nodeAdded(QString::fromStdString(node.id));
    if (!items_.edges.empty())
        emit target_.announcer.edgesChanged();
}

void ItemsCommand::remove() {
    Graph& graph = target_.graph;
    for (const auto& [index, edge] : items_.edges)
        graph.removeEdge(edge);
    for (const auto& [index, node] : items_.nodes)
        graph.removeNode(node.id);

    // Edges first, mirroring insert(): no receiver sees an edge whose node is gone.
    if (!items_.edges.empty())
        emit target_.announcer.edgesChanged();
    for (const auto& [index, node] : items_.nodes)
        emit target_.announcer.nodeRemoved(QString::fromStdString(node.id));
}

NodeEditCommand::NodeEditCommand(EditTarget target, GraphNode before, GraphNode after,
                                 const QString& text)
    : QUndoCommand(text), target_(target), before_(std::move(before)), after_(std::move(after)) {}

void NodeEditCommand::redo() {
    apply(after_);
}

void NodeEditCommand::undo() {
    apply(before_);
}

void NodeEditCommand::apply(const GraphNode& state) {
    target_.graph.setTitle(state.id, state.title);
    target_.graph.setParams(state.id, state.params);
    emit target_.announcer.nodeChanged(QString::fromStdString(state.id));
}

MoveCommand::MoveCommand(EditTarget target, std::map<std::string, Move> moves, const QString& text)
    : QUndoCommand(text),
      target_(target),
      moves_(std::move(moves)),
      last_(std::chrono::steady_clock::now()) {}

void MoveCommand::redo() {
    for (const auto& [id, m] : moves_) {
        target_.graph.setPosition(id, m.toX, m.toY);
        emit target_.announcer.nodeMoved(QString::fromStdString(id));
    }
}

void MoveCommand::undo() {
    for (const auto& [id, m] : moves_) {
        target_.graph.setPosition(id, m.fromX, m.fromY);
        emit target_.announcer.nodeMoved(QString::fromStdString(id));
    }
}

bool MoveCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const MoveCommand*>(other);  // same id() as ours
    if (next->last_ - last_ > kMergeWindow || next->moves_.size() != moves_.size())
        return false;
    for (const auto& [id, m] : next->moves_)
        if (!moves_.count(id))
            return false;
    bool backWhereItStarted = true;
    for (auto& [id, m] : moves_) {
        const Move& later = next->moves_.at(id);
        m.toX = later.toX;
        m.toY = later.toY;
        backWhereItStarted = backWhereItStarted && m.toX == m.fromX && m.toY == m.fromY;
    }
    last_ = next->last_;
    setObsolete(backWhereItStarted);
    return true;
}

}  // namespace sluice
