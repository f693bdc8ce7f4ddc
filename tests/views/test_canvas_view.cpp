// CanvasView over a GraphScene: zoom (wheel around the cursor, slots,
// clamping), fit, panning, the minimap, and screenshots of a sample graph in
// the light and dark palettes (/tmp/canvas_light.png, /tmp/canvas_dark.png).
#include <QContextMenuEvent>
#include <QGraphicsRectItem>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include "canvas_test_support.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "views/canvas/minimap.h"
#include "views/canvas/quick_add_popup.h"

using namespace sluice;
using namespace sluice::test;

namespace {

void wheel(QWidget* viewport, QPoint at, int delta) {
    QWheelEvent event(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

QPalette lightPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, QColor(0xfa, 0xfa, 0xfa));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    return p;
}

// Every state a badge can show, spread over the sample pipeline and two extras.
void showEveryBadge(Canvas& canvas) {
    using S = NodeBadge::State;
    GraphScene& s = canvas.scene;
    s.setBadge("read", NodeBadge{.state = S::Done, .seconds = 0.4});
    s.setBadge("split", NodeBadge{.state = S::Done, .cached = true});
    s.setBadge("logreg", NodeBadge{.state = S::Running, .progress = 0.62, .text = "epoch 31/50"});
    s.setBadge("predict", NodeBadge{.state = S::Queued});
    s.setBadge("score", NodeBadge{.state = S::Stale});
    s.setBadge("forest", NodeBadge{.state = S::Failed, .message = "no target column"});
    s.setBadge("importance", NodeBadge{.state = S::Skipped, .message = "'Forest' failed"});
    s.setBadge("save", NodeBadge{.state = S::Cancelled});
}

Graph screenshotGraph() {
    Graph g = sampleGraph();
    g.addNode(makeNode("forest", "train.random_forest_classifier", 480, 140, "Random forest"));
    g.addNode(makeNode("importance", "evaluate.feature_importance", 720, 220, "Importances"));
    g.addNode(makeNode("save", "output.save_model", 720, 320, "Save model"));
    g.addEdge({{"split", "train"}, {"forest", "train"}});
    g.addEdge({{"forest", "model"}, {"importance", "model"}});
    g.addEdge({{"forest", "model"}, {"save", "model"}});
    return g;
}

}  // namespace

class TestCanvasView : public QObject {
    Q_OBJECT

private slots:
    void wheelZoomsAroundTheCursor();
    void zoomIsClamped();
    void fitToViewShowsEveryNode();
    void openingShowsReadableText();
    void middleButtonPans();
    void spaceDragPans();
    void rightClickOnNodeAsksForItsMenu();
    void emptyHintOnlyWithoutNodes();
    void withoutGraphSceneGridAndHintStay();
    void minimapShowsGraphAndMovesView();
    void screenshots();
};

void TestCanvasView::wheelZoomsAroundTheCursor() {
    Canvas canvas;
    QSignalSpy zoomed(&canvas.view, &CanvasView::zoomChanged);
    const QPoint cursor(300, 200);
    const QPointF under = canvas.view.mapToScene(cursor);
    wheel(canvas.viewport(), cursor, 120);
    QVERIFY(canvas.view.zoom() > 1.1);
    QCOMPARE(zoomed.count(), 1);
    // The scene point under the cursor stays under it (to a pixel).
    QVERIFY(QLineF(canvas.view.mapFromScene(under), cursor).length() <= 1.5);
    wheel(canvas.viewport(), cursor, -240);
    QVERIFY(canvas.view.zoom() < 1.0);
    QVERIFY(QLineF(canvas.view.mapFromScene(under), cursor).length() <= 1.5);
}

void TestCanvasView::zoomIsClamped() {
    Canvas canvas;
    for (int i = 0; i < 40; ++i) {
        wheel(canvas.viewport(), QPoint(100, 100), 120);
    }
    QCOMPARE(canvas.view.zoom(), CanvasView::kMaxZoom);
    canvas.view.zoomIn();
    QCOMPARE(canvas.view.zoom(), CanvasView::kMaxZoom);
    for (int i = 0; i < 40; ++i) {
        canvas.view.zoomOut();
    }
    QCOMPARE(canvas.view.zoom(), CanvasView::kMinZoom);
    wheel(canvas.viewport(), QPoint(100, 100), -1200);
    QCOMPARE(canvas.view.zoom(), CanvasView::kMinZoom);
    canvas.view.resetZoom();
    QCOMPARE(canvas.view.zoom(), 1.0);
    canvas.view.zoomAt(100, QPointF());
    QCOMPARE(canvas.view.zoom(), CanvasView::kMaxZoom);
}

void TestCanvasView::fitToViewShowsEveryNode() {
    Canvas canvas(sampleGraph(), QSize(500, 300));  // too small for the graph at 100 %
    canvas.view.centerOn(5000, 5000);
    canvas.view.fitToView();
    QVERIFY(canvas.view.zoom() < 1.0);
    const QRectF visible = canvas.view.visibleSceneRect();
    for (const NodeItem* node : canvas.scene.nodeItems()) {
        QVERIFY2(visible.contains(node->sceneBoundingRect()), node->id().c_str());
    }
    // A small graph is not blown up past 100 %.
    Canvas small(Graph{}, QSize(800, 600));
    small.document.addNode("data.read_csv", QPointF(0, 0));
    small.view.fitToView();
    QCOMPARE(small.view.zoom(), 1.0);
    QVERIFY(small.view.visibleSceneRect().contains(small.scene.nodesBoundingRect()));
}

// Issue 25, item 5: fit zoom made port labels about 6 px. A pipeline too big
// to fit readably opens at kReadableZoom with its top-left (where the data
// comes in) in view; one that fits readably is simply fitted.
void TestCanvasView::openingShowsReadableText() {
    Canvas big(sampleGraph(), QSize(420, 260));
    big.view.showReadably();
    QCOMPARE(big.view.zoom(), CanvasView::kReadableZoom);
    const QRectF content = big.scene.nodesBoundingRect();
    const QRectF visible = big.view.visibleSceneRect();
    QVERIFY2(visible.contains(content.topLeft()), qPrintable(QString("%1,%2 in %3,%4 %5x%6")
                                                                 .arg(content.left())
                                                                 .arg(content.top())
                                                                 .arg(visible.left())
                                                                 .arg(visible.top())
                                                                 .arg(visible.width())
                                                                 .arg(visible.height())));
    Canvas roomy(sampleGraph(), QSize(1600, 900));
    roomy.view.showReadably();
    QVERIFY(roomy.view.zoom() >= CanvasView::kReadableZoom);
    for (const NodeItem* node : roomy.scene.nodeItems())
        QVERIFY(roomy.view.visibleSceneRect().contains(node->sceneBoundingRect()));
}

void TestCanvasView::middleButtonPans() {
    Canvas canvas;
    const QPointF before = canvas.view.mapToScene(QPoint(0, 0));
    QWidget* vp = canvas.viewport();
    // Starting on a node: the middle button pans anyway, and moves nothing.
    const QPoint start = canvas.atHeader("split");
    QTest::mousePress(vp, Qt::MiddleButton, {}, start);
    QTest::mouseMove(vp, start + QPoint(-40, -10));
    QTest::mouseMove(vp, start + QPoint(-80, -30));
    QTest::mouseRelease(vp, Qt::MiddleButton, {}, start + QPoint(-80, -30));
    const QPointF after = canvas.view.mapToScene(QPoint(0, 0));
    QCOMPARE(after - before, QPointF(80, 30));
    QCOMPARE(canvas.document.moveCalls, 0);
    QCOMPARE(canvas.node("split")->pos(), QPointF(240, 40));
}

void TestCanvasView::rightClickOnNodeAsksForItsMenu() {
    Canvas canvas;
    QSignalSpy asked(&canvas.view, &CanvasView::nodeContextMenuRequested);
    canvas.node("read")->setSelected(true);
    QWidget* vp = canvas.viewport();
    const QPoint at = canvas.atHeader("split");
    QContextMenuEvent onSplit(QContextMenuEvent::Mouse, at, vp->mapToGlobal(at));
    QApplication::sendEvent(vp, &onSplit);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QString("split"));
    QCOMPARE(asked.at(0).at(1).toPoint(), vp->mapToGlobal(at));
    // The clicked node alone is selected, so menu actions act on it.
    QVERIFY(canvas.node("split")->isSelected());
    QVERIFY(!canvas.node("read")->isSelected());

    // On empty canvas there is no node menu.
    const QPoint empty(5, 5);
    QContextMenuEvent onEmpty(QContextMenuEvent::Mouse, empty, vp->mapToGlobal(empty));
    QApplication::sendEvent(vp, &onEmpty);
    QCOMPARE(asked.count(), 1);
}

void TestCanvasView::spaceDragPans() {
    Canvas canvas;
    canvas.view.setFocus();
    const QPointF before = canvas.view.mapToScene(QPoint(0, 0));
    QTest::keyPress(&canvas.view, Qt::Key_Space);
    const QPoint start = canvas.atHeader("split");
    drag(canvas.viewport(), start, start + QPoint(60, 20));
    QTest::keyRelease(&canvas.view, Qt::Key_Space);
    QCOMPARE(canvas.view.mapToScene(QPoint(0, 0)) - before, QPointF(-60, -20));
    QCOMPARE(canvas.document.moveCalls, 0);
    QVERIFY(canvas.scene.selectedNodeIds().empty());
    // Without Space the same drag moves the node.
    const QPoint onNode = canvas.atHeader("split");
    drag(canvas.viewport(), onNode, onNode + QPoint(60, 20));
    QCOMPARE(canvas.document.moveCalls, 1);
}

void TestCanvasView::emptyHintOnlyWithoutNodes() {
    Canvas canvas(Graph{}, QSize(400, 300));
    canvas.view.setPalette(lightPalette());
    const QRect middle(100, 130, 200, 40);
    const QImage hint = canvas.viewport()->grab(middle).toImage();
    // A node far away: the hint goes, though the node is not visible.
    canvas.document.addNode("data.read_csv", QPointF(5000, 5000));
    const QImage noHint = canvas.viewport()->grab(middle).toImage();
    QVERIFY(hint != noHint);
    canvas.document.removeItems({canvas.document.graph().nodes().front().id}, {});
    QCOMPARE(canvas.viewport()->grab(middle).toImage(), hint);
}

void TestCanvasView::withoutGraphSceneGridAndHintStay() {
    CanvasView view;
    view.resize(400, 300);
    view.setPalette(lightPalette());
    const QImage light = view.viewport()->grab().toImage();
    // Dots: many pixels differ from the background (the hint alone is far fewer).
    int unlike = 0;
    const QRgb base = lightPalette().color(QPalette::Base).rgb();
    for (int y = 0; y < light.height(); ++y) {
        for (int x = 0; x < light.width(); ++x) {
            unlike += light.pixel(x, y) != base;
        }
    }
    QVERIFY2(unlike > 200, "no dot grid drawn");
    QVERIFY(view.graphScene() == nullptr);
    QVERIFY(!view.minimap()->isVisible());

    const QRect middle(100, 130, 200, 40);
    const QImage hint = view.viewport()->grab(middle).toImage();
    view.scene()->addItem(new QGraphicsRectItem(5000, 5000, 10, 10));
    QVERIFY(view.viewport()->grab(middle).toImage() != hint);

    // A graph scene set and taken away again leaves the view's own scene.
    PlainDocument document;
    GraphScene scene(&document);
    view.setGraphScene(&scene);
    QCOMPARE(view.scene(), &scene);
    view.setGraphScene(nullptr);
    QVERIFY(view.scene() != &scene);
    QVERIFY(view.graphScene() == nullptr);
}

void TestCanvasView::minimapShowsGraphAndMovesView() {
    Canvas canvas(sampleGraph(), QSize(600, 400));
    Minimap* minimap = canvas.view.minimap();
    QVERIFY(minimap->isVisible());
    // In the bottom-right corner, inside the view.
    QVERIFY(canvas.view.rect().contains(minimap->geometry()));
    QVERIFY(minimap->geometry().right() > canvas.view.width() - 40);
    QVERIFY(minimap->geometry().bottom() > canvas.view.height() - 40);

    // Every node maps inside the minimap.
    const QTransform toMinimap = minimap->sceneToMinimap();
    for (const NodeItem* node : canvas.scene.nodeItems()) {
        QVERIFY(QRectF(minimap->rect()).contains(toMinimap.mapRect(node->sceneBoundingRect())));
    }
    // A click centres the view on that point of the overview.
    const QPointF target = canvas.scene.nodeItem("score")->sceneBoundingRect().center();
    QTest::mouseClick(minimap, Qt::LeftButton, {}, toMinimap.map(target).toPoint());
    const QPointF centre = canvas.view.visibleSceneRect().center();
    QVERIFY2(QLineF(centre, target).length() < 20,
             qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));

    canvas.view.setMinimapEnabled(false);
    QVERIFY(!minimap->isVisible());
    canvas.view.setMinimapEnabled(true);
    QVERIFY(minimap->isVisible());
    // Nothing to overview: hidden.
    canvas.document.reset(Graph{});
    QVERIFY(!minimap->isVisible());
}

void TestCanvasView::screenshots() {
    Canvas canvas(screenshotGraph(), QSize(1240, 560));
    showEveryBadge(canvas);
    canvas.scene.nodeItem("split")->setSelected(true);
    canvas.scene.edgeItem({{"forest", "model"}, {"save", "model"}})->setSelected(true);
    canvas.view.fitToView();

    canvas.view.setPalette(lightPalette());
    const QImage light = canvas.view.grab().toImage();
    QVERIFY(light.save(QStringLiteral("/tmp/canvas_light.png")));
    canvas.view.setPalette(darkPalette());
    const QImage dark = canvas.view.grab().toImage();
    QVERIFY(dark.save(QStringLiteral("/tmp/canvas_dark.png")));
    QVERIFY(light != dark);
    qInfo("saved /tmp/canvas_light.png and /tmp/canvas_dark.png");

    // Zoomed out, text gives way to plain cards; the quick-add list, filtered
    // for a dropped Model output.
    canvas.view.zoomAt(0.35, QRectF(canvas.viewport()->rect()).center());
    QVERIFY(canvas.view.grab().save(QStringLiteral("/tmp/canvas_zoomed_out.png")));
    canvas.view.setPalette(lightPalette());
    canvas.view.resetZoom();
    canvas.view.openQuickAdd(QPointF(1000, 300), Endpoint{"forest", "model"});
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    popup->setPalette(lightPalette());
    QVERIFY(popup->grab().save(QStringLiteral("/tmp/canvas_quick_add.png")));
    popup->hide();

    // A real example pipeline as the editor opens it, for a look at spacing.
    PlainDocument example;
    example.reset(loadPipeline(SLUICE_DATASETS_DIR "/../examples/iris.sluice").graph);
    GraphScene exampleScene(&example);
    canvas.view.setGraphScene(&exampleScene);
    canvas.view.fitToView();
    QVERIFY(canvas.view.grab().save(QStringLiteral("/tmp/canvas_iris.png")));
}

SLUICE_TEST_MAIN(TestCanvasView)
#include "test_canvas_view.moc"
