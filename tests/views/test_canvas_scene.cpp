// GraphScene as a mirror of the document: items after every document signal,
// what badges change on a node, restyling, and how fast a big graph builds.
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include "canvas_test_support.h"
#include "support/test_registry.h"
#include "views/canvas/minimap.h"

using namespace sluice;
using namespace sluice::test;

namespace {

// The node's card and surroundings rendered through the scene, as the view would.
QImage renderNode(GraphScene& scene, const NodeItem* node) {
    const QRectF rect = node->sceneBoundingRect();
    QImage image(rect.size().toSize() * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(), rect);
    return image;
}

// True when every edge item joins the ports its edge names.
bool edgesMatch(const GraphScene& scene, const Graph& graph) {
    if (scene.edgeCount() != graph.edges().size()) {
        return false;
    }
    for (const GraphEdge& edge : graph.edges()) {
        const EdgeItem* item = scene.edgeItem(edge);
        if (!item || item->fromPort()->endpoint() != edge.from ||
            item->toPort()->endpoint() != edge.to || item->fromPort()->isInput() ||
            !item->toPort()->isInput()) {
            return false;
        }
    }
    return true;
}

bool nodesMatch(const GraphScene& scene, const Graph& graph) {
    if (scene.nodeCount() != graph.nodes().size()) {
        return false;
    }
    for (const GraphNode& node : graph.nodes()) {
        const NodeItem* item = scene.nodeItem(node.id);
        if (!item || item->pos() != QPointF(node.x, node.y) ||
            item->title() != QString::fromStdString(node.title.empty() ? node.id : node.title)) {
            return false;
        }
    }
    return true;
}

}  // namespace

class TestCanvasScene : public QObject {
    Q_OBJECT

private slots:
    void resetBuildsEveryItem();
    void nodeSignalsUpdateItems();
    void edgesChangedDiffsEdgeItems();
    void removingNodeTakesItsEdges();
    void unknownTypeIsPlaceholder();
    void portsFollowTheType();
    void edgeCurveJoinsItsPorts();
    void badgesChangeWhatNodeShows();
    void badgeForUnknownIdIsIgnored();
    void paletteChangeRestyles();
    void buildsFiveHundredNodesQuickly();
    void cardsGrowToShowTheirTitle();
    void edgesGoRoundCardsInTheirWay();
};

void TestCanvasScene::resetBuildsEveryItem() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    QVERIFY(nodesMatch(scene, document.graph()));
    QVERIFY(edgesMatch(scene, document.graph()));

    // A second reset replaces everything.
    Graph other;
    other.addNode(makeNode("a", "data.read_csv", 100, 100));
    QSignalSpy changed(&scene, &GraphScene::contentsChanged);
    document.reset(other);
    QCOMPARE(changed.count(), 1);  // one announcement for the whole rebuild
    QVERIFY(nodesMatch(scene, document.graph()));
    QCOMPARE(scene.edgeCount(), std::size_t(0));
    QVERIFY(scene.nodeItem("read") == nullptr);
}

void TestCanvasScene::nodeSignalsUpdateItems() {
    PlainDocument document;
    GraphScene scene(&document);
    QCOMPARE(scene.nodeCount(), std::size_t(0));

    const std::string id = document.addNode("transform.scale", QPointF(60, 80));
    QVERIFY(scene.nodeItem(id) != nullptr);
    QVERIFY(nodesMatch(scene, document.graph()));

    document.renameNode(id, "Standardise");
    QCOMPARE(scene.nodeItem(id)->title(), QStringLiteral("Standardise"));
    QVERIFY(scene.nodeItem(id)->toolTip().contains(QStringLiteral("Standardise")));

    // A position from the document is taken as is, even off the grid.
    document.moveNodes({{id, QPointF(13, 27)}});
    QCOMPARE(scene.nodeItem(id)->pos(), QPointF(13, 27));

    document.removeItems({id}, {});
    QVERIFY(scene.nodeItem(id) == nullptr);
    QCOMPARE(scene.nodeCount(), std::size_t(0));
    QVERIFY(scene.items().isEmpty());
}

void TestCanvasScene::edgesChangedDiffsEdgeItems() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    const GraphEdge kept{{"read", "table"}, {"split", "table"}};
    const EdgeItem* keptItem = scene.edgeItem(kept);
    QVERIFY(keptItem != nullptr);

    const GraphEdge gone{{"split", "test"}, {"predict", "table"}};
    document.removeItems({}, {gone});
    QVERIFY(scene.edgeItem(gone) == nullptr);
    QVERIFY(edgesMatch(scene, document.graph()));
    // Unchanged edges keep their items (no rebuild behind the diff).
    QCOMPARE(scene.edgeItem(kept), keptItem);

    QCOMPARE(document.connectPorts({"read", "table"}, {"predict", "table"}), std::nullopt);
    QVERIFY(scene.edgeItem({{"read", "table"}, {"predict", "table"}}) != nullptr);
    QVERIFY(edgesMatch(scene, document.graph()));
}

void TestCanvasScene::removingNodeTakesItsEdges() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    document.removeItems({"predict"}, {});
    QVERIFY(nodesMatch(scene, document.graph()));
    QVERIFY(edgesMatch(scene, document.graph()));
    QCOMPARE(scene.edgeCount(), std::size_t(2));
    // Moving a neighbour must not touch the deleted edges (they are detached).
    document.moveNodes({{"split", QPointF(300, 300)}});
    QCOMPARE(scene.nodeItem("split")->pos(), QPointF(300, 300));
    QCOMPARE(scene.nodeItem("split")->edges().size(), std::size_t(2));
}

void TestCanvasScene::unknownTypeIsPlaceholder() {
    Graph graph;
    graph.addNode(makeNode("x", "plugin.mystery", 0, 0, "Mystery"));
    PlainDocument document;
    document.reset(graph);
    GraphScene scene(&document);
    const NodeItem* item = scene.nodeItem("x");
    QVERIFY(item != nullptr);
    QVERIFY(!item->hasKnownType());
    QVERIFY(item->ports().empty());
    QVERIFY(item->toolTip().contains(QStringLiteral("plugin.mystery")));
}

void TestCanvasScene::portsFollowTheType() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    const NodeItem* predict = scene.nodeItem("predict");
    const NodeType* type = document.registry().find("evaluate.predict");
    QCOMPARE(predict->ports().size(), type->info().inputs.size() + type->info().outputs.size());
    const PortItem* model = predict->port("model", PortDirection::Input);
    const PortItem* out = predict->port("predictions", PortDirection::Output);
    QVERIFY(model && out);
    QCOMPARE(model->portType(), PortType::Model);
    // Inputs on the left edge, outputs on the right, rows under the header.
    QCOMPARE(model->pos().x(), 0.0);
    QCOMPARE(out->pos().x(), predict->width());
    QVERIFY(model->pos().y() > NodeItem::kHeaderHeight);
    // The tooltip names the port and its type.
    QVERIFY(model->toolTip().contains(QStringLiteral("Model")));
    QVERIFY(model->toolTip().contains(QStringLiteral("input")));
    // On the grid when the node is: every port row is a whole grid step down.
    QCOMPARE(std::fmod(model->pos().y(), CanvasView::kGridSpacing), 0.0);
}

void TestCanvasScene::edgeCurveJoinsItsPorts() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    const GraphEdge edge{{"read", "table"}, {"split", "table"}};
    EdgeItem* item = scene.edgeItem(edge);
    const QPainterPath path = item->shape();
    QVERIFY(path.contains(item->fromPort()->sceneAnchor() + QPointF(2, 0)));
    QVERIFY(path.contains(item->toPort()->sceneAnchor() - QPointF(2, 0)));
    // The hit area is wider than the line: 4 px off the curve still hits.
    const QPointF middle = (item->fromPort()->sceneAnchor() + item->toPort()->sceneAnchor()) / 2;
    QVERIFY(path.contains(middle + QPointF(0, 4)));
    QVERIFY(!path.contains(middle + QPointF(0, 20)));

    // Moving an end re-routes the curve.
    document.moveNodes({{"split", QPointF(240, 240)}});
    QVERIFY(item->shape().contains(item->toPort()->sceneAnchor() - QPointF(2, 0)));
    QVERIFY(item->boundingRect().contains(item->toPort()->sceneAnchor()));
}

void TestCanvasScene::badgesChangeWhatNodeShows() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    NodeItem* node = scene.nodeItem("logreg");
    const QImage idle = renderNode(scene, node);
    QCOMPARE(node->badgeText(), QString());

    using S = NodeBadge::State;
    scene.setBadge("logreg", NodeBadge{.state = S::Stale});
    QCOMPARE(node->badgeText(), QStringLiteral("stale"));
    QVERIFY(node->toolTip().contains(QStringLiteral("Stale")));
    QVERIFY(renderNode(scene, node) != idle);

    scene.setBadge("logreg", NodeBadge{.state = S::Queued});
    QCOMPARE(node->badgeText(), QStringLiteral("queued"));

    scene.setBadge("logreg", NodeBadge{.state = S::Running, .progress = 0.1, .text = "epoch 1"});
    const QImage early = renderNode(scene, node);
    scene.setBadge("logreg", NodeBadge{.state = S::Running, .progress = 0.42, .text = "epoch 4"});
    QCOMPARE(node->badgeText(), QStringLiteral("42 %"));
    QVERIFY(node->toolTip().contains(QStringLiteral("epoch 4")));
    QVERIFY2(renderNode(scene, node) != early, "progress does not show");

    scene.setBadge("logreg", NodeBadge{.state = S::Done, .seconds = 0.4});
    QCOMPARE(node->badgeText(), QStringLiteral("0.4 s"));
    scene.setBadge("logreg", NodeBadge{.state = S::Done, .seconds = 0.01, .cached = true});
    QCOMPARE(node->badgeText(), QStringLiteral("cached"));
    QVERIFY(node->toolTip().contains(QStringLiteral("cached")));

    scene.setBadge("logreg", NodeBadge{.state = S::Failed, .message = "no target column"});
    QCOMPARE(node->badgeText(), QStringLiteral("failed"));
    QVERIFY(node->toolTip().contains(QStringLiteral("no target column")));
    // The failed border is red: more reddish pixels than in the idle card.
    const auto reddish = [](const QImage& image) {
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                count += c.red() > 180 && c.green() < 100 && c.blue() < 100;
            }
        }
        return count;
    };
    QVERIFY(reddish(renderNode(scene, node)) > reddish(idle) + 100);

    scene.setBadge("logreg", NodeBadge{.state = S::Skipped, .message = "'Iris' failed"});
    QCOMPARE(node->badgeText(), QStringLiteral("skipped"));
    QVERIFY(node->toolTip().contains(QStringLiteral("Iris")));
    scene.setBadge("logreg", NodeBadge{.state = S::Cancelled});
    QCOMPARE(node->badgeText(), QStringLiteral("cancelled"));

    QCOMPARE(NodeItem::formatDuration(12.4), QStringLiteral("12 s"));
    QCOMPARE(NodeItem::formatDuration(125), QStringLiteral("2 min 5 s"));

    scene.clearBadges();
    QCOMPARE(scene.badge("logreg"), NodeBadge{});
    QCOMPARE(node->badgeText(), QString());
    QCOMPARE(renderNode(scene, node), idle);
}

void TestCanvasScene::badgeForUnknownIdIsIgnored() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    scene.setBadge("nope", NodeBadge{.state = NodeBadge::State::Failed});
    QCOMPARE(scene.badge("nope"), NodeBadge{});
}

void TestCanvasScene::paletteChangeRestyles() {
    PlainDocument document;
    document.reset(sampleGraph());
    GraphScene scene(&document);
    CanvasView view;
    view.setGraphScene(&scene);
    QPalette light = view.palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    view.setPalette(light);
    QVERIFY(!scene.colors().dark);
    const QImage before = renderNode(scene, scene.nodeItem("read"));

    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(30, 30, 34));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    view.setPalette(dark);
    QVERIFY(scene.colors().dark);
    QCOMPARE(scene.colors().canvas, QColor(30, 30, 34));
    QVERIFY(renderNode(scene, scene.nodeItem("read")) != before);
}

// Issue 25, item 5: fixed-width cards cut "Random forest cla…" and renamed
// titles. A card grows in grid steps to show its title whole, up to
// kMaxWidth; its outputs and their edges follow the right edge.
void TestCanvasScene::cardsGrowToShowTheirTitle() {
    Graph g;
    g.addNode(makeNode("short", "transform.scale", 0, 0, "Scale"));
    g.addNode(makeNode("long", "train.gradient_boosting_classifier", 0, 200,
                       "Gradient-boosted trees classifier"));
    g.addNode(makeNode("huge", "transform.scale", 0, 400, QString(200, 'W').toStdString()));
    g.addNode(makeNode("next", "transform.scale", 600, 200, "Next"));
    g.addEdge({{"long", "model"}, {"next", "train"}});
    PlainDocument document;
    document.reset(g);
    GraphScene scene(&document);
    const NodeItem* small = scene.nodeItem("short");
    QCOMPARE(small->width(), NodeItem::kWidth);  // a short title keeps the usual card
    NodeItem* wide = scene.nodeItem("long");
    QVERIFY2(wide->width() > NodeItem::kWidth, qPrintable(QString::number(wide->width())));
    QCOMPARE(std::fmod(wide->width(), NodeItem::kWidthStep), 0.0);
    QCOMPARE(scene.nodeItem("huge")->width(), NodeItem::kMaxWidth);
    for (const PortItem* p : wide->ports())
        QCOMPARE(p->pos().x(), p->isInput() ? 0.0 : wide->width());
    QVERIFY(wide->boundingRect().width() > wide->width());

    // Renaming to something short narrows the card; the edge follows its port.
    document.renameNode("long", "GBT");
    QCOMPARE(wide->width(), NodeItem::kWidth);
    const EdgeItem* edge = scene.edgeItem({{"long", "model"}, {"next", "train"}});
    QVERIFY(edge);
    const QPointF anchor = wide->port("model", PortDirection::Output)->sceneAnchor();
    QCOMPARE(anchor.x(), NodeItem::kWidth);
    QVERIFY(edge->shape().contains(anchor + QPointF(2, 0)));
}

// Issue 25, item 6: in breast_cancer an edge passed under a card and seemed
// to leave from that card's port. An edge now goes round a card in its way,
// both ways about, and keeps the plain curve when nothing is in the way.
void TestCanvasScene::edgesGoRoundCardsInTheirWay() {
    const QPointF from(0, 100), to(600, 110);
    const QRectF card(250, 60, 180, 110);  // straddles the straight line
    const auto touches = [](const QPainterPath& path, const QRectF& rect) {
        for (int i = 0; i <= 200; ++i)
            if (rect.adjusted(2, 2, -2, -2).contains(path.pointAtPercent(i / 200.0)))
                return true;
        return false;
    };
    QVERIFY(touches(EdgeItem::curve(from, to), card));
    const QPainterPath round = EdgeItem::route(from, to, {card});
    QVERIFY(!touches(round, card));
    QCOMPARE(round.pointAtPercent(0), from);
    QCOMPARE(round.pointAtPercent(1), to);
    // Above: the card sits a little below the line's middle.
    QVERIFY(round.boundingRect().top() < card.top());
    // A card lower down sends it the other way, under the card.
    const QRectF high(250, 40, 180, 150);
    const QPainterPath under = EdgeItem::route(QPointF(0, 170), QPointF(600, 170), {high});
    QVERIFY(!touches(under, high));
    QVERIFY(under.boundingRect().bottom() > high.bottom());
    // Two cards stacked in the way: the lane clears both.
    const QRectF second(300, card.top() - 90, 180, 80);
    QVERIFY(!touches(EdgeItem::route(from, to, {card, second}), second));
    // Nothing in the way, or a backward edge: the plain curve.
    QCOMPARE(EdgeItem::route(from, to, {QRectF(250, 400, 180, 80)}), EdgeItem::curve(from, to));
    QCOMPARE(EdgeItem::route(to, from, {card}), EdgeItem::curve(to, from));

    // In a scene: an edge routes round the card between its nodes, and when
    // that card moves away the edge goes back to the plain curve.
    Graph g;
    g.addNode(makeNode("a", "data.read_csv", 0, 100, "A"));
    g.addNode(makeNode("mid", "transform.scale", 300, 80, "In the way"));
    g.addNode(makeNode("b", "transform.scale", 700, 90, "B"));
    g.addEdge({{"a", "table"}, {"b", "train"}});
    PlainDocument document;
    document.reset(g);
    GraphScene scene(&document);
    EdgeItem* edge = scene.edgeItem({{"a", "table"}, {"b", "train"}});
    NodeItem* mid = scene.nodeItem("mid");
    const QRectF midCard = mid->mapRectToScene(mid->cardRect());
    QVERIFY(!edge->shape().intersects(midCard.adjusted(8, 8, -8, -8)));
    document.moveNodes({{"mid", QPointF(300, 600)}});
    QVERIFY(edge->shape().contains(QPointF(
        450, (edge->fromPort()->sceneAnchor().y() + edge->toPort()->sceneAnchor().y()) / 2)));
}

void TestCanvasScene::buildsFiveHundredNodesQuickly() {
    // 500 nodes in 25 columns, each column feeding the next: 480 edges.
    Graph graph;
    constexpr int kColumns = 25, kRows = 20;
    const auto id = [](int c, int r) { return "n" + std::to_string(c) + "_" + std::to_string(r); };
    for (int c = 0; c < kColumns; ++c) {
        for (int r = 0; r < kRows; ++r) {
            graph.addNode(makeNode(id(c, r), c == 0 ? "data.read_csv" : "transform.scale",
                                   c * 240.0, r * 120.0, "Step " + std::to_string(c)));
            if (c > 0) {
                graph.addEdge({{id(c - 1, r), c == 1 ? "table" : "train"}, {id(c, r), "train"}});
            }
        }
    }
    PlainDocument document;
    GraphScene scene(&document);
    CanvasView view;
    view.setGraphScene(&scene);
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QElapsedTimer timer;
    timer.start();
    document.reset(graph);
    const qint64 buildMs = timer.elapsed();
    QCOMPARE(scene.nodeCount(), std::size_t(500));
    QCOMPARE(scene.edgeCount(), std::size_t(480));

    // Paint figures: every node visible at once (worst case), then panning
    // and zooming in on part of the graph.
    view.fitToView();
    timer.restart();
    view.viewport()->grab();
    const qint64 firstPaintMs = timer.elapsed();
    timer.restart();
    view.viewport()->grab();
    const qint64 cachedPaintMs = timer.elapsed();

    view.resetZoom();
    view.centerOn(2000, 1000);
    view.viewport()->grab();
    timer.restart();
    constexpr int kPanFrames = 20;
    for (int i = 0; i < kPanFrames; ++i) {
        view.centerOn(2000 + i * 15, 1000 + i * 5);
        view.viewport()->grab();
    }
    const double panFrameMs = static_cast<double>(timer.elapsed()) / kPanFrames;
    timer.restart();
    constexpr int kZoomFrames = 10;
    for (int i = 0; i < kZoomFrames; ++i) {
        view.zoomAt(i % 2 ? 1.0 : 0.8, QPointF(700, 450));
        view.viewport()->grab();
    }
    const double zoomFrameMs = static_cast<double>(timer.elapsed()) / kZoomFrames;

    qInfo(
        "500 nodes, 480 edges: build %lld ms; full-graph paint %lld ms first, %lld ms cached;"
        " pan frame %.1f ms, zoom frame %.1f ms (1400x900 offscreen)",
        buildMs, firstPaintMs, cachedPaintMs, panFrameMs, zoomFrameMs);
    QVERIFY2(buildMs < 1000, qPrintable(QStringLiteral("build took %1 ms").arg(buildMs)));
}

SLUICE_TEST_MAIN(TestCanvasScene)
#include "test_canvas_scene.moc"
