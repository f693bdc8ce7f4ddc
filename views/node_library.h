#pragma once

#include <QString>
#include <QWidget>

class QLineEdit;
class QMimeData;
class QTreeWidget;
class QTreeWidgetItem;

namespace sluice {

class NodeRegistry;

// The node library dock: a search box over a tree of node types grouped by
// category (in NodeCategory order, each with its glyph in its colour, as on
// the canvas), with each
// type's description as its tooltip.
//
// Contract:
// - Typing filters with NodeRegistry::search (every word must match); the best
//   match becomes the current item, so typing then Enter adds it. Up/Down in
//   the search box move through the matches. An empty search shows all.
// - Enter (in the search box or the tree) or a double-click on a node type
//   emits nodeChosen(typeId); category rows emit nothing.
// - Dragging a node type starts a QDrag whose mime data holds the type id
//   (UTF-8) under kMimeType; whoever accepts the drop adds the node.
// - The library only reads the registry, which must outlive it.
class NodeLibrary : public QWidget {
    Q_OBJECT

public:
    static constexpr const char* kMimeType = "application/x-sluice-node-type";

    explicit NodeLibrary(const NodeRegistry& registry, QWidget* parent = nullptr);

    // Mime data naming one node type, as a drag from the library carries it.
    static QMimeData* mimeDataFor(const QString& typeId);
    // The type id a drop carries, or empty when it holds none.
    static QString typeIdFrom(const QMimeData* data);

    QString filterText() const;
    void setFilterText(const QString& text);
    // The type id of the current item, empty for a category or nothing.
    QString currentTypeId() const;
    // Puts the cursor in the search box, its text selected (quick add).
    void focusSearch();

signals:
    void nodeChosen(const QString& typeId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void populate(const QString& query);
    void chooseCurrent();
    void chooseItem(QTreeWidgetItem* item);

    const NodeRegistry& registry_;
    QLineEdit* search_;
    QTreeWidget* tree_;
};

}  // namespace sluice
