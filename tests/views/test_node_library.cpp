// The node library: every builtin node type listed by category, search,
// Enter and double-click choosing a type, and drags carrying the type id.
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include <set>

#include "nodes/node_registry.h"
#include "support/test_registry.h"
#include "views/node_library.h"

using namespace sluice;

namespace {

QTreeWidget* treeOf(const NodeLibrary& library) {
    return library.findChild<QTreeWidget*>(QStringLiteral("nodeLibraryTree"));
}

QLineEdit* searchOf(const NodeLibrary& library) {
    return library.findChild<QLineEdit*>(QStringLiteral("nodeLibrarySearch"));
}

// Type ids of the listed items, in tree order.
QStringList listedTypes(const QTreeWidget& tree) {
    QStringList ids;
    for (int i = 0; i < tree.topLevelItemCount(); ++i) {
        const QTreeWidgetItem* heading = tree.topLevelItem(i);
        for (int j = 0; j < heading->childCount(); ++j)
            ids << heading->child(j)->data(0, Qt::UserRole).toString();
    }
    return ids;
}

QTreeWidgetItem* itemFor(const QTreeWidget& tree, const QString& typeId) {
    for (int i = 0; i < tree.topLevelItemCount(); ++i) {
        QTreeWidgetItem* heading = tree.topLevelItem(i);
        for (int j = 0; j < heading->childCount(); ++j)
            if (heading->child(j)->data(0, Qt::UserRole).toString() == typeId)
                return heading->child(j);
    }
    return nullptr;
}

}  // namespace

class TestNodeLibrary : public QObject {
    Q_OBJECT

private slots:
    void listsEveryBuiltinTypeByCategory() {
        NodeLibrary library(builtinNodes());
        const QTreeWidget* tree = treeOf(library);
        QVERIFY(tree);
        const QStringList ids = listedTypes(*tree);
        QCOMPARE(ids.size(), int(builtinNodes().all().size()));
        for (const NodeType* type : builtinNodes().all())
            QVERIFY2(ids.contains(QString::fromStdString(type->id())), type->id().c_str());

        // Headings follow NodeCategory order, each holding only its own types.
        QStringList headings;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* heading = tree->topLevelItem(i);
            headings << heading->text(0);
            QVERIFY(!heading->icon(0).isNull());
            for (int j = 0; j < heading->childCount(); ++j) {
                const auto* type = builtinNodes().find(
                    heading->child(j)->data(0, Qt::UserRole).toString().toStdString());
                QCOMPARE(QString::fromUtf8(categoryName(type->info().category).data()),
                         heading->text(0));
                QVERIFY(heading->child(j)->toolTip(0).contains(
                    QString::fromStdString(type->info().description).toHtmlEscaped()));
            }
        }
        QCOMPARE(headings.first(), QString("Data"));
        QVERIFY(headings.indexOf("Transform") < headings.indexOf("Train"));
        QVERIFY(headings.indexOf("Train") < headings.indexOf("Evaluate"));
        QCOMPARE(headings.last(), QString("Output"));
    }

    void searchFilters() {
        NodeLibrary library(builtinNodes());
        library.setFilterText("forest");
        const QStringList ids = listedTypes(*treeOf(library));
        QVERIFY2(ids.contains("train.random_forest_classifier"), qPrintable(ids.join(",")));
        QVERIFY(ids.contains("train.random_forest_regressor"));
        QVERIFY(!ids.contains("data.read_csv"));
        for (const QString& id : ids)
            QVERIFY2(id.contains("forest") ||
                         QString::fromStdString(
                             builtinNodes().find(id.toStdString())->info().description)
                             .contains("forest", Qt::CaseInsensitive),
                     qPrintable(id));

        library.setFilterText("no such node xyz");
        QVERIFY(listedTypes(*treeOf(library)).isEmpty());
        library.setFilterText("");
        QCOMPARE(listedTypes(*treeOf(library)).size(), int(builtinNodes().all().size()));
    }

    void enterInSearchChoosesBestMatch() {
        NodeLibrary library(builtinNodes());
        library.show();
        QVERIFY(QTest::qWaitForWindowExposed(&library));
        QSignalSpy chosen(&library, &NodeLibrary::nodeChosen);
        QLineEdit* search = searchOf(library);
        search->setFocus();
        QTest::keyClicks(search, "read csv");
        QCOMPARE(library.currentTypeId(), QString("data.read_csv"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QString("data.read_csv"));

        // Down moves to the next match without leaving the search box.
        library.setFilterText("forest");
        const QString first = library.currentTypeId();
        QTest::keyClick(search, Qt::Key_Down);
        QVERIFY(!library.currentTypeId().isEmpty());
        QVERIFY(library.currentTypeId() != first);
        QVERIFY(search->hasFocus());
    }

    void enterAndDoubleClickInTreeChoose() {
        NodeLibrary library(builtinNodes());
        library.show();
        QVERIFY(QTest::qWaitForWindowExposed(&library));
        QSignalSpy chosen(&library, &NodeLibrary::nodeChosen);
        QTreeWidget* tree = treeOf(library);
        QTreeWidgetItem* scale = itemFor(*tree, "transform.scale");
        QVERIFY(scale);
        tree->setCurrentItem(scale);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.last().at(0).toString(), QString("transform.scale"));

        const QRect rect = tree->visualItemRect(scale);
        // A real double-click starts with a press (item views require it).
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(chosen.count(), 1);  // a single click chooses nothing
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(chosen.count(), 2);
        QCOMPARE(chosen.last().at(0).toString(), QString("transform.scale"));

        // A category heading is no node type.
        tree->setCurrentItem(tree->topLevelItem(0));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(chosen.count(), 2);
    }

    void dragCarriesTheTypeId() {
        NodeLibrary library(builtinNodes());
        QTreeWidget* tree = treeOf(library);
        QTreeWidgetItem* item = itemFor(*tree, "train.random_forest_classifier");
        QVERIFY(item);
        QVERIFY(item->flags() & Qt::ItemIsDragEnabled);
        QVERIFY(!(tree->topLevelItem(0)->flags() & Qt::ItemIsDragEnabled));
        QCOMPARE(tree->dragDropMode(), QAbstractItemView::DragOnly);

        // What QAbstractItemView::startDrag puts on the QDrag.
        const QModelIndex index = tree->indexFromItem(item);
        std::unique_ptr<QMimeData> data(tree->model()->mimeData({index}));
        QVERIFY(data);
        QVERIFY(data->hasFormat(NodeLibrary::kMimeType));
        QCOMPARE(QString::fromUtf8(data->data(NodeLibrary::kMimeType)),
                 QString("train.random_forest_classifier"));
        QCOMPARE(NodeLibrary::typeIdFrom(data.get()), QString("train.random_forest_classifier"));
        QVERIFY(NodeLibrary::typeIdFrom(nullptr).isEmpty());
    }
};

SLUICE_TEST_MAIN(TestNodeLibrary)
#include "test_node_library.moc"
