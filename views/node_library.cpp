#include "views/node_library.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

#include "nodes/node_registry.h"
#include "views/canvas/category_glyph.h"
#include "views/node_category_style.h"
#include "views/qt_text.h"

namespace sluice {
namespace {

constexpr int kTypeIdRole = Qt::UserRole;

// A tree whose drags carry the node type id, so any widget can accept a node
// without knowing about the library.
class NodeTypeTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(NodeLibrary::kMimeType)}; }

    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        for (const QTreeWidgetItem* item : items) {
            const QString id = item->data(0, kTypeIdRole).toString();
            if (!id.isEmpty())
                return NodeLibrary::mimeDataFor(id);
        }
        return nullptr;
    }
};

QTreeWidgetItem* typeItem(const NodeType& type) {
    const NodeInfo& info = type.info();
    auto* item = new QTreeWidgetItem({qstr(info.displayName)});
    item->setData(0, kTypeIdRole, qstr(info.id));
    item->setIcon(0, categoryGlyphIcon(info.category, categoryColor(info.category)));
    item->setToolTip(0, QStringLiteral("<p><b>%1</b> <code>%2</code></p><p>%3</p>")
                            .arg(qstr(info.displayName).toHtmlEscaped(), qstr(info.id),
                                 qstr(info.description).toHtmlEscaped()));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

QTreeWidgetItem* categoryItem(NodeCategory category) {
    auto* item = new QTreeWidgetItem({categoryTitle(category)});
    item->setIcon(0, categoryGlyphIcon(category, categoryColor(category)));
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    // Headings only: not a drag source, and never the "current" node type.
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

}  // namespace

NodeLibrary::NodeLibrary(const NodeRegistry& registry, QWidget* parent)
    : QWidget(parent), registry_(registry) {
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("nodeLibrarySearch"));
    search_->setPlaceholderText(tr("Search nodes"));
    search_->setClearButtonEnabled(true);
    search_->installEventFilter(this);

    tree_ = new NodeTypeTree(this);
    tree_->setObjectName(QStringLiteral("nodeLibraryTree"));
    tree_->setHeaderHidden(true);
    tree_->setRootIsDecorated(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(search_);
    layout->addWidget(tree_);

    connect(search_, &QLineEdit::textChanged, this, &NodeLibrary::populate);
    connect(search_, &QLineEdit::returnPressed, this, &NodeLibrary::chooseCurrent);
    // Double-click, not itemActivated: some styles activate on a single click,
    // and a stray click must not add a node.
    connect(tree_, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { chooseItem(item); });
    populate({});
}

QMimeData* NodeLibrary::mimeDataFor(const QString& typeId) {
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), typeId.toUtf8());
    return data;
}

QString NodeLibrary::typeIdFrom(const QMimeData* data) {
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(kMimeType)));
}

QString NodeLibrary::filterText() const {
    return search_->text();
}

void NodeLibrary::setFilterText(const QString& text) {
    search_->setText(text);
}

QString NodeLibrary::currentTypeId() const {
    const QTreeWidgetItem* item = tree_->currentItem();
    return item ? item->data(0, kTypeIdRole).toString() : QString();
}

void NodeLibrary::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void NodeLibrary::populate(const QString& query) {
    tree_->clear();
    const bool filtering = !query.trimmed().isEmpty();
    std::vector<const NodeType*> types =
        filtering ? registry_.search(query.toStdString()) : registry_.all();

    // Group by category; within one, search rank order (or registry order).
    std::map<NodeCategory, std::vector<const NodeType*>> byCategory;
    for (const NodeType* type : types)
        byCategory[type->info().category].push_back(type);

    QTreeWidgetItem* best = nullptr;
    for (const NodeCategory category : kNodeCategories) {
        const auto found = byCategory.find(category);
        if (found == byCategory.end())
            continue;
        QTreeWidgetItem* heading = categoryItem(category);
        tree_->addTopLevelItem(heading);
        for (const NodeType* type : found->second) {
            QTreeWidgetItem* item = typeItem(*type);
            heading->addChild(item);
            if (filtering && type == types.front())
                best = item;
        }
        heading->setExpanded(true);
    }

    if (filtering && types.empty()) {
        auto* none = new QTreeWidgetItem({tr("No node type matches \u201c%1\u201d").arg(query)});
        none->setFlags(Qt::NoItemFlags);
        tree_->addTopLevelItem(none);
    }
    if (best)
        tree_->setCurrentItem(best);
}

void NodeLibrary::chooseCurrent() {
    chooseItem(tree_->currentItem());
}

void NodeLibrary::chooseItem(QTreeWidgetItem* item) {
    if (!item)
        return;
    const QString id = item->data(0, kTypeIdRole).toString();
    if (!id.isEmpty())
        emit nodeChosen(id);
}

bool NodeLibrary::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == search_) {
        switch (key->key()) {
            case Qt::Key_Up:
            case Qt::Key_Down:
            case Qt::Key_PageUp:
            case Qt::Key_PageDown:
                // Browse the matches without leaving the search box.
                QApplication::sendEvent(tree_, event);
                return true;
            case Qt::Key_Escape:
                if (!search_->text().isEmpty()) {
                    search_->clear();
                    return true;
                }
                break;
            default:
                break;
        }
    } else if (watched == tree_ && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        chooseCurrent();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace sluice
