// The editor as a user drives it: open an example, run it to the end, look at
// a node's output, edit with undo and redo, copy and paste between two
// windows, add nodes from the library, save and reopen, stop a long run.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include "../support/test_palettes.h"
#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas/node_item.h"
#include "views/canvas/quick_add_popup.h"
#include "views/canvas_view.h"
#include "views/charts/training_charts_panel.h"
#include "views/inspector.h"
#include "views/node_library.h"
#include "views/param_field.h"
#include "views/preview/output_preview.h"

using namespace sluice;

namespace {

const QString kExamples = QStringLiteral(SLUICE_EXAMPLES_DIR);

// Answers the next modal message box with `button` once it appears.
void answerNextMessageBox(QMessageBox::StandardButton button) {
    QTimer::singleShot(50, [button] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                box->button(button)->click();
                return;
            }
    });
}

bool runToEnd(MainWindow& window, int timeoutMs = 60000) {
    QSignalSpy finished(window.runner(), &RunController::runFinished);
    window.runPipeline();
    return finished.wait(timeoutMs);
}

}  // namespace

class TestEditorWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("SluiceTests");
        QCoreApplication::setApplicationName("test_editor_window");
        QStandardPaths::setTestModeEnabled(true);
    }

    void openExampleShowsEveryNodeAndEdge() {
        MainWindow window;
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        const Graph& g = window.document()->graph();
        QVERIFY(g.nodes().size() >= 8);
        QCOMPARE(window.scene()->nodeCount(), g.nodes().size());
        QCOMPARE(window.scene()->edgeCount(), g.edges().size());
        QVERIFY(window.windowTitle().startsWith(window.document()->displayName()));
        QVERIFY(!window.isWindowModified());
    }

    void runExampleEveryNodeDoneAndPreviewOpens() {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        QVERIFY(runToEnd(window));
        for (const GraphNode& node : window.document()->graph().nodes()) {
            const NodeBadge badge = window.scene()->badge(QString::fromStdString(node.id));
            QVERIFY2(badge.state == NodeBadge::State::Done, node.id.c_str());
        }
        // Double-click equivalent: the score node's preview shows its metrics.
        window.showOutputs("score_logreg");
        QVERIFY(window.preview());
        QVERIFY(window.preview()->isVisible());
        QVERIFY(window.preview()->tabs()->count() >= 1);
        // A second run recomputes nothing: every node comes from the cache.
        QVERIFY(runToEnd(window));
        const NodeBadge again = window.scene()->badge("forest");
        QCOMPARE(again.state, NodeBadge::State::Done);
        QVERIFY(again.cached);
    }

    void nodeContextMenuActsOnTheClickedNode() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        QVERIFY(runToEnd(window));

        // The forest streamed its out-of-bag error: its chart card appears
        // at the charts' next redraw.
        QTRY_VERIFY(window.charts()->chart("forest"));
        // A right-click on the forest selects it and opens its menu.
        NodeItem* forest = window.scene()->nodeItem("forest");
        QVERIFY(forest);
        window.canvas()->centerOn(forest);
        QWidget* viewport = window.canvas()->viewport();
        const QPoint at = window.canvas()->mapFromScene(forest->sceneBoundingRect().center());
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, viewport->mapToGlobal(at));
        QApplication::sendEvent(viewport, &click);
        QCOMPARE(window.scene()->selectedNodeIds(), std::vector<std::string>{"forest"});
        QMenu* popup = nullptr;
        QTRY_VERIFY((popup = qobject_cast<QMenu*>(QApplication::activePopupWidget())));
        QVERIFY(popup->findChild<QAction*>("showOutputAction"));
        QVERIFY(popup->findChild<QAction*>("clearChartAction"));
        QVERIFY(popup->actions().contains(window.actions().runToSelected));
        QVERIFY(window.actions().runToSelected->isEnabled());
        popup->close();

        // Show output opens the node's preview, like a double-click.
        std::unique_ptr<QMenu> menu(window.createNodeMenu("score_logreg"));
        QVERIFY(!menu->findChild<QAction*>("clearChartAction"));  // no training chart
        menu->findChild<QAction*>("showOutputAction")->trigger();
        QVERIFY(window.preview() && window.preview()->isVisible());
        QVERIFY(window.preview()->windowTitle().contains("score_logreg"));
    }

    void editingAfterARunMarksNodesStale() {
        MainWindow window;
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        QVERIFY(runToEnd(window));
        QVERIFY(!window.document()->setParam("forest", "n_estimators", 20));
        QTRY_COMPARE(window.scene()->badge("forest").state, NodeBadge::State::Stale);
        QCOMPARE(window.scene()->badge("score_forest").state, NodeBadge::State::Stale);
        QCOMPARE(window.scene()->badge("logreg").state, NodeBadge::State::Done);
        // Undo brings the cached results back.
        window.actions().undo->trigger();
        QTRY_COMPARE(window.scene()->badge("forest").state, NodeBadge::State::Done);
    }

    void columnPickersOfferTheUpstreamColumnsAfterARun() {
        MainWindow window;
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        QVERIFY(runToEnd(window));
        window.scene()->nodeItem("columns")->setSelected(true);
        QCOMPARE(window.inspector()->node(), QString("columns"));
        ParamField* target = window.inspector()->field("target");
        QVERIFY(target);
        auto* combo = qobject_cast<QComboBox*>(target->editor());
        QVERIFY(combo);
        target->refreshColumns();
        QVERIFY2(combo->findText("petal_length") >= 0, qPrintable(QString::number(combo->count())));
        QVERIFY(combo->findText("species") >= 0);
    }

    // Issue 25, item 3: before any run, pickers list what a peek at the data
    // shows, through readers and transforms; behind a learner they say to run
    // upstream first. The document is left as it was.
    void columnPickersKnowTheColumnsBeforeARun() {
        MainWindow window;
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        const Graph before = window.document()->graph();
        const auto targetCombo = [&](const char* node) {
            window.scene()->clearSelection();
            window.scene()->nodeItem(node)->setSelected(true);
            ParamField* target = window.inspector()->field("target");
            target->refreshColumns();
            return qobject_cast<QComboBox*>(target->editor());
        };
        for (const char* node : {"columns", "forest"}) {  // after the reader; after 3 transforms
            QComboBox* combo = targetCombo(node);
            QVERIFY2(
                combo && combo->findText("petal_length") >= 0 && combo->findText("species") >= 0,
                node);
            QVERIFY(!combo->lineEdit()->placeholderText().contains("run upstream"));
        }
        QComboBox* score = targetCombo("score_forest");  // behind Predict and a learner
        QCOMPARE(score->count(), 0);
        QVERIFY2(score->lineEdit()->placeholderText().contains("run upstream to see columns"),
                 qPrintable(score->lineEdit()->placeholderText()));
        QVERIFY(!window.runner()->outputs("read"));  // nothing ran for real
        QCOMPARE(window.document()->graph().node("read")->params, before.node("read")->params);
        QVERIFY(!window.document()->isModified());
    }

    // A parameter named after one of the node's inputs lists that input's
    // columns: Join's Right keys the right table's, not the left's.
    void columnPickersFollowTheInputTheyNameAfter() {
        MainWindow window;
        Document* doc = window.document();
        const std::string left = doc->addNode("data.read_csv", {0, 0});
        const std::string right = doc->addNode("data.read_csv", {0, 200});
        const std::string join = doc->addNode("transform.join", {300, 0});
        QVERIFY(!doc->setParam(left, "path", kExamples.toStdString() + "/../datasets/iris.csv"));
        QVERIFY(!doc->setParam(right, "path", kExamples.toStdString() + "/../datasets/wine.csv"));
        QVERIFY(!doc->connectPorts({left, "table"}, {join, "left"}));
        QVERIFY(!doc->connectPorts({right, "table"}, {join, "right"}));
        window.scene()->nodeItem(join)->setSelected(true);
        const auto menuOf = [&](const char* param) {
            ParamField* field = window.inspector()->field(param);
            auto* pick = field->findChild<QToolButton*>("pickColumns");
            emit pick->menu()->aboutToShow();
            QStringList names;
            for (QAction* a : pick->menu()->actions())
                names << a->text();
            return names;
        };
        QVERIFY2(menuOf("left_keys").contains("species"),
                 qPrintable(menuOf("left_keys").join(',')));
        const QStringList rightColumns = menuOf("right_keys");
        QVERIFY2(rightColumns.contains("cultivar") && !rightColumns.contains("species"),
                 qPrintable(rightColumns.join(',')));
    }

    void dockLayoutPersists() {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* log = window.findChild<QDockWidget*>("logDock");
            QVERIFY(log && log->isVisible());
            log->hide();
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.findChild<QDockWidget*>("logDock")->isVisible());
        again.findChild<QDockWidget*>("logDock")->show();
        again.close();
    }

    void undoRedoThroughTheActions() {
        MainWindow window;
        const WindowActions& a = window.actions();
        QVERIFY(!a.undo->isEnabled());
        window.library()->setFilterText("scale");
        emit window.library()->nodeChosen("transform.scale");
        QCOMPARE(window.document()->graph().nodes().size(), std::size_t(1));
        QVERIFY(a.undo->isEnabled());
        QVERIFY(window.isWindowModified());
        a.undo->trigger();
        QVERIFY(window.document()->graph().empty());
        QVERIFY(!window.isWindowModified());
        a.redo->trigger();
        QCOMPARE(window.document()->graph().nodes().size(), std::size_t(1));
        QCOMPARE(window.scene()->nodeCount(), std::size_t(1));
    }

    void libraryDropPlacesANodeUnderTheCursor() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget* viewport = window.canvas()->viewport();
        std::unique_ptr<QMimeData> mime(NodeLibrary::mimeDataFor("train.logistic_regression"));
        const QPoint at(200, 150);
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        const auto& nodes = window.document()->graph().nodes();
        QCOMPARE(nodes.size(), std::size_t(1));
        QCOMPARE(nodes[0].type, std::string("train.logistic_regression"));
        const QPointF expected = window.canvas()->mapToScene(at);
        QVERIFY(std::abs(nodes[0].x - expected.x()) <= 20 &&
                std::abs(nodes[0].y - expected.y()) <= 20);
        // The new node is selected, so the inspector shows it.
        QCOMPARE(window.inspector()->node(), QString::fromStdString(nodes[0].id));
    }

    void quickAddWithAPendingConnectionIsOneUndoStep() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Document& doc = *window.document();
        const std::string source = doc.addNode("data.synthetic", {0, 0});
        const int before = doc.undoStack()->count();
        // As if a connection from the table output was dropped on empty canvas.
        window.canvas()->openQuickAdd(QPointF(300, 0), Endpoint{source, "table"});
        QuickAddPopup* popup = window.canvas()->quickAddPopup();
        popup->setQuery("scale");
        QVERIFY(popup->listedTypeIds().contains("transform.scale"));
        QVERIFY(!popup->acceptCurrent().isEmpty());
        QCOMPARE(doc.graph().nodes().size(), std::size_t(2));
        QCOMPARE(doc.graph().edges().size(), std::size_t(1));
        QCOMPARE(doc.undoStack()->count(), before + 1);
        window.actions().undo->trigger();
        QCOMPARE(doc.graph().nodes().size(), std::size_t(1));
        QVERIFY(doc.graph().edges().empty());
    }

    void copyPasteBetweenTwoWindows() {
        MainWindow first, second;
        QVERIFY(first.openFile(kExamples + "/iris.sluice", true));
        first.actions().selectAll->trigger();
        const auto selected = first.scene()->selectedNodeIds().size();
        QCOMPARE(selected, first.document()->graph().nodes().size());
        first.actions().copy->trigger();
        second.actions().paste->trigger();
        const Graph& pasted = second.document()->graph();
        QCOMPARE(pasted.nodes().size(), first.document()->graph().nodes().size());
        QCOMPARE(pasted.edges().size(), first.document()->graph().edges().size());
        // One undo step removes the whole paste.
        second.actions().undo->trigger();
        QVERIFY(second.document()->graph().empty());
        // Junk on the clipboard is refused with a message, nothing changes.
        QApplication::clipboard()->setText("hello");
        second.actions().paste->trigger();
        QVERIFY(second.document()->graph().empty());
        QVERIFY(second.statusBar()->currentMessage().contains("Nothing to paste"));
    }

    // Issue 25, item 9: a paste never lands on top of the original. From the
    // keyboard it goes below the copied nodes; with the pointer on the
    // canvas, at the pointer; again at the same place, a step further.
    void pasteLandsBelowOrAtThePointer() {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const std::string original = window.document()->addNode("transform.scale", {100, 100});
        window.scene()->nodeItem(original)->setSelected(true);
        window.actions().copy->trigger();
        const auto cardOf = [&](const std::string& id) {
            NodeItem* item = window.scene()->nodeItem(id);
            return item->mapRectToScene(item->cardRect());
        };
        const auto newest = [&] { return window.document()->graph().nodes().back().id; };

        QCursor::setPos(window.mapToGlobal(QPoint(-500, -500)));  // off the canvas
        window.actions().paste->trigger();
        const std::string below = newest();
        QVERIFY(below != original);
        QVERIFY(!cardOf(below).intersects(cardOf(original)));
        QCOMPARE(cardOf(below).left(), cardOf(original).left());
        QVERIFY(cardOf(below).top() > cardOf(original).bottom());
        QCOMPARE(window.scene()->selectedNodeIds(), std::vector<std::string>{below});
        window.actions().paste->trigger();
        const std::string further = newest();
        QVERIFY(!cardOf(further).intersects(cardOf(below)));
        QVERIFY(cardOf(further).top() > cardOf(below).bottom());

        QWidget* viewport = window.canvas()->viewport();
        const QPoint pointer(viewport->width() / 2 + 37, viewport->height() / 3 + 11);
        QCursor::setPos(viewport->mapToGlobal(pointer));
        QTest::mouseMove(viewport, pointer);
        QTRY_VERIFY(viewport->underMouse());
        const QPointF target = window.scene()->snapped(window.canvas()->mapToScene(pointer));
        window.actions().paste->trigger();
        const GraphNode* atPointer = window.document()->graph().node(newest());
        QCOMPARE(QPointF(atPointer->x, atPointer->y), target);
        window.actions().paste->trigger();
        const GraphNode* cascaded = window.document()->graph().node(newest());
        QCOMPARE(QPointF(cascaded->x, cascaded->y), target + Document::kDuplicateOffset);
        QCOMPARE(window.document()->graph().nodes().size(), 5u);

        // Edit > Paste with the menu hanging over the canvas: the pointer's
        // spot is the menu item's, not a place on the canvas, so the copies
        // go below the originals as from the keyboard.
        QTest::mouseMove(window.menuBar(), QPoint(10, 5));
        QTRY_VERIFY(!viewport->underMouse());
        QCursor::setPos(viewport->mapToGlobal(pointer));  // where the menu item was
        window.actions().paste->trigger();
        const std::string fromMenu = newest();
        QVERIFY(cardOf(fromMenu).top() > cardOf(original).bottom());
        QCOMPARE(cardOf(fromMenu).left(), cardOf(original).left());
        for (const GraphNode& n : window.document()->graph().nodes())  // on no other card
            if (n.id != fromMenu)
                QVERIFY2(!cardOf(fromMenu).intersects(cardOf(n.id)), n.id.c_str());
    }

    void saveReopenGivesTheSameGraph() {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openFile(kExamples + "/wine_clustering.sluice", true));
        window.document()->renameNode(window.document()->graph().nodes()[0].id, "Renamed");
        QVERIFY(window.isWindowModified());
        const QString path = dir.filePath("copy.sluice");
        QVERIFY(window.document()->saveAs(path).ok());
        QVERIFY(!window.isWindowModified());
        const std::string saved = pipelineToText(window.document()->graph(), path.toStdString());
        MainWindow other;
        QVERIFY(other.openFile(path, true));
        QCOMPARE(pipelineToText(other.document()->graph(), path.toStdString()), saved);
        QCOMPARE(other.document()->graph().nodes()[0].title, std::string("Renamed"));
    }

    void closingWithChangesAsks() {
        MainWindow window;
        window.show();
        emit window.library()->nodeChosen("transform.scale");
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!window.close());  // cancelled: still open, nothing lost
        QVERIFY(window.isVisible());
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window.close());
    }

    void stopEndsALongRunQuickly() {
        MainWindow window;
        QVERIFY(window.openFile(kExamples + "/mlp_synthetic.sluice", true));
        QSignalSpy finished(window.runner(), &RunController::runFinished);
        window.runPipeline();
        QVERIFY(window.actions().stop->isEnabled());
        QTest::qWait(600);
        QElapsedTimer timer;
        timer.start();
        window.actions().stop->trigger();
        QVERIFY(finished.wait(5000));
        qInfo("stopped %lld ms after Stop", timer.elapsed());
        QCOMPARE(finished.first().at(1).toBool(), true);  // cancelled
        QVERIFY(window.statusBar()->currentMessage().contains("stopped"));
        QVERIFY(!window.actions().stop->isEnabled());
    }

    // For a look as a user: the window after a run with a learner selected,
    // and the breast-cancer ROC page, light and dark, at two screen sizes.
    void screenshot_data() {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QSize>("size");
        QTest::newRow("light") << false << QSize(1280, 800);
        QTest::newRow("dark") << true << QSize(1280, 800);
        QTest::newRow("light-1080") << false << QSize(1920, 1080);
        QTest::newRow("dark-1080") << true << QSize(1920, 1080);
    }
    void screenshot() {
        QFETCH(bool, dark);
        QFETCH(QSize, size);
        const QPalette original = QApplication::palette();
        if (dark) {
            QApplication::setPalette(sluice::test::darkTestPalette());
        }
        const QString tag = QStringLiteral("%1_%2").arg(dark ? "dark" : "light").arg(size.width());
        {
            MainWindow window;
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
            QVERIFY(runToEnd(window));
            window.scene()->nodeItem("forest")->setSelected(true);
            QTest::qWait(100);
            window.canvas()->showReadably();
            QCoreApplication::processEvents();
            const QString path = QDir::temp().filePath("sluice_editor_" + tag + ".png");
            QVERIFY(window.grab().save(path));
            qInfo("screenshot: %s", qPrintable(path));
        }
        {
            MainWindow window;
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openFile(kExamples + "/breast_cancer.sluice", true));
            QVERIFY(runToEnd(window));
            window.showOutputs("roc");
            QVERIFY(window.preview());
            window.preview()->resize(900, 640);
            QTest::qWait(200);
            const QString path = QDir::temp().filePath("sluice_roc_" + tag + ".png");
            QVERIFY(window.preview()->grab().save(path));
            qInfo("screenshot: %s", qPrintable(path));
        }
        QApplication::setPalette(original);
    }
};

SLUICE_TEST_MAIN(TestEditorWindow)
#include "test_editor_window.moc"
