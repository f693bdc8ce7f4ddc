// Document's edit requests and clipboard; files and recovery copies are in
// document_files.cpp.
#include "app/document.h"

#include <QUuid>

#include <algorithm>
#include <set>

#include "app/clipboard_format.h"
#include "app/document_commands.h"
#include "graph/connection_rules.h"

namespace sluice {
namespace {

// Ids "n<k>" free in `graph` and not handed out before; `k` carries on from
// the last call so pasting many nodes stays linear in the nodes pasted.
std::string freshId(const Graph& graph, std::set<std::string>& taken, std::size_t& k) {
    for (;; ++k) {
        std::string id = "n" + std::to_string(k);
        if (!graph.node(id) && !taken.count(id)) {
            taken.insert(id);
            return id;
        }
    }
}

// Whole numbers typed into a float field arrive as 3.0; an int parameter
// stores them as 3 so that files keep the value's kind.
nlohmann::json normalised(const ParamSpec& spec, const nlohmann::json& value) {
    if (spec.kind == ParamKind::Int && value.is_number_float())
        return static_cast<long long>(value.get<double>());
    return value;
}

// How a node is named in undo texts: its title, else its id.
QString nodeName(const GraphNode& node) {
    return QString::fromStdString(node.title.empty() ? node.id : node.title);
}

}  // namespace

Document::Document(QObject* parent) : Document(builtinNodes(), parent) {}

Document::Document(const NodeRegistry& registry, QObject* parent)
    : GraphDocument(parent),
      registry_(registry),
      undoStack_(new QUndoStack(this)),
      recoveryTag_(QUuid::createUuid().toString(QUuid::Id128).left(8)) {
    connect(undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

// The stack is a child, deleted (with its commands) by ~QObject after graph_
// is gone; that is safe because a command touches nothing when deleted.
Document::~Document() = default;

EditTarget Document::target() {
    return {graph_, *this};
}

void Document::push(QUndoCommand* command) {
    undoStack_->push(command);  // runs redo(), which announces the change
}

QString Document::nameOf(const std::string& node) const {
    const GraphNode* n = graph_.node(node);
    return n ? nodeName(*n) : QString::fromStdString(node);
}

std::string Document::addNode(const std::string& type, QPointF position) {
    const NodeType* nodeType = registry_.find(type);
    if (!nodeType)
        return {};
    GraphNode node;
    node.id = graph_.freshId();
    node.type = type;
    node.title = nodeType->info().displayName;
    node.x = position.x();
    node.y = position.y();
    node.params = nodeType->withDefaults(nlohmann::json::object());
    const std::string id = node.id;
    push(new ItemsCommand(target(), itemsToAppend(graph_, {std::move(node)}, {}),
                          ItemsCommand::Action::Insert,
                          tr("Add %1").arg(QString::fromStdString(nodeType->info().displayName))));
    return id;
}

void Document::removeItems(const std::vector<std::string>& nodes,
                           const std::vector<GraphEdge>& edges) {
    PlacedItems items = itemsToRemove(graph_, nodes, edges);
    if (items.empty())
        return;
    const QString text =
        items.nodes.empty()
            ? tr("Disconnect")
            : (items.nodes.size() == 1 ? tr("Delete %1").arg(nameOf(items.nodes[0].second.id))
                                       : tr("Delete %n nodes", nullptr, int(items.nodes.size())));
    push(new ItemsCommand(target(), std::move(items), ItemsCommand::Action::Remove, text));
}

std::optional<std::string> Document::whyNotConnect(const Endpoint& from, const Endpoint& to) const {
    const ConnectVerdict verdict = canConnect(graph_, {from, to}, registry_);
    if (verdict)
        return std::nullopt;
    return verdict.reason;
}

std::optional<std::string> Document::connectPorts(const Endpoint& from, const Endpoint& to) {
    if (auto why = whyNotConnect(from, to))
        return why;
    push(new ItemsCommand(target(), itemsToAppend(graph_, {}, {GraphEdge{from, to}}),
                          ItemsCommand::Action::Insert, tr("Connect")));
    return std::nullopt;
}

void Document::moveNodes(const std::map<std::string, QPointF>& positions) {
    std::map<std::string, MoveCommand::Move> moves;
    for (const auto& [id, to] : positions)
        if (const GraphNode* n = graph_.node(id); n && (n->x != to.x() || n->y != to.y()))
            moves[id] = {n->x, n->y, to.x(), to.y()};
    if (moves.empty())
        return;
    const QString text = moves.size() == 1 ? tr("Move %1").arg(nameOf(moves.begin()->first))
                                           : tr("Move %n nodes", nullptr, int(moves.size()));
    push(new MoveCommand(target(), std::move(moves), text));
}

std::optional<std::string> Document::setParam(const std::string& node, const std::string& name,
                                              const nlohmann::json& value) {
    const GraphNode* n = graph_.node(node);
    if (!n)
        return "there is no node '" + node + "'";
    const NodeType* type = registry_.find(n->type);
    if (!type)
        return "the node '" + node + "' has the unknown type '" + n->type +
               "', so its parameters cannot be edited";
    const ParamSpec* spec = type->param(name);
    if (!spec)
        return "'" + type->info().displayName + "' has no parameter '" + name + "'";
    if (auto problem = spec->problemWith(value))
        return (spec->label.empty() ? spec->name : spec->label) + ": " + *problem;

    GraphNode after = *n;
    after.params[name] = normalised(*spec, value);
    if (after.params == n->params)
        return std::nullopt;
    push(new NodeEditCommand(
        target(), *n, std::move(after),
        tr("Change %1 of %2")
            .arg(QString::fromStdString(spec->label.empty() ? spec->name : spec->label),
                 nameOf(node))));
    return std::nullopt;
}

void Document::renameNode(const std::string& node, const std::string& title) {
    const GraphNode* n = graph_.node(node);
    if (!n || n->title == title)
        return;
    GraphNode after = *n;
    after.title = title;
    push(new NodeEditCommand(
        target(), *n, std::move(after),
        tr("Rename %1 to %2").arg(nameOf(node), QString::fromStdString(title))));
}

QString Document::copyNodes(const std::vector<std::string>& ids) const {
    const bool any = std::any_of(ids.begin(), ids.end(),
                                 [this](const std::string& id) { return graph_.node(id); });
    if (!any)
        return {};
    try {
        return QString::fromStdString(clipboardText(graph_, ids, registry_));
    } catch (const ClipboardError&) {
        return {};  // text the Graph should never hold (it came from QStrings)
    }
}

PasteResult Document::pasteNodes(const QString& text, QPointF offset) {
    try {
        const Graph pasted = graphFromClipboard(text.toStdString(), registry_);
        const QString label = pasted.nodes().size() == 1
                                  ? tr("Paste %1").arg(nodeName(pasted.nodes()[0]))
                                  : tr("Paste %n nodes", nullptr, int(pasted.nodes().size()));
        return {insertCopies(pasted, offset, label), {}};
    } catch (const ClipboardError& e) {
        return {{}, QString::fromUtf8(e.what())};
    }
}

std::optional<QRectF> Document::clipboardBounds(const QString& text) const {
    try {
        const Graph copied = graphFromClipboard(text.toStdString(), registry_);
        QPointF low(copied.nodes()[0].x, copied.nodes()[0].y);  // never empty
        QPointF high = low;
        for (const auto& n : copied.nodes()) {
            low = {std::min(low.x(), n.x), std::min(low.y(), n.y)};
            high = {std::max(high.x(), n.x), std::max(high.y(), n.y)};
        }
        return QRectF(low, high);
    } catch (const ClipboardError&) {
        return std::nullopt;
    }
}

std::vector<std::string> Document::duplicate(const std::vector<std::string>& ids) {
    std::set<std::string> wanted(ids.begin(), ids.end());
    Graph copies;
    for (const auto& n : graph_.nodes())
        if (wanted.count(n.id))
            copies.addNode(n);
    if (copies.empty())
        return {};
    for (const auto& e : graph_.edges())
        if (copies.node(e.from.node) && copies.node(e.to.node))
            copies.addEdge(e);
    const QString label = copies.nodes().size() == 1
                              ? tr("Duplicate %1").arg(nodeName(copies.nodes()[0]))
                              : tr("Duplicate %n nodes", nullptr, int(copies.nodes().size()));
    return insertCopies(copies, kDuplicateOffset, label);
}

std::vector<std::string> Document::insertCopies(const Graph& copies, QPointF offset,
                                                const QString& label) {
    std::map<std::string, std::string> newIds;
    std::set<std::string> taken;
    std::size_t k = 1;
    std::vector<GraphNode> nodes;
    std::vector<std::string> ids;
    for (GraphNode n : copies.nodes()) {
        n.id = newIds[n.id] = freshId(graph_, taken, k);
        n.x += offset.x();
        n.y += offset.y();
        ids.push_back(n.id);
        nodes.push_back(std::move(n));
    }
    // Only edges among the copies come along, and they obeyed the connection
    // rules among themselves; the new nodes have no other edges, so they still do.
    std::vector<GraphEdge> edges;
    for (GraphEdge e : copies.edges()) {
        e.from.node = newIds.at(e.from.node);
        e.to.node = newIds.at(e.to.node);
        edges.push_back(std::move(e));
    }
    push(new ItemsCommand(target(), itemsToAppend(graph_, std::move(nodes), std::move(edges)),
                          ItemsCommand::Action::Insert, label));
    return ids;
}

}  // namespace sluice
