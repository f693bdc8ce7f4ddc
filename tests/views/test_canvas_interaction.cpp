// Editing on the canvas with real mouse and key events on the view: every
// gesture becomes one document request, refused connections leave the graph
// alone and say why, and quick-add places and connects nodes.
#include <QSignalSpy>
#include <QTest>

#include "canvas_test_support.h"
#include "support/test_registry.h"
#include "views/canvas/quick_add_popup.h"

using namespace sluice;
using namespace sluice::test;

namespace {

struct QuickAddRequest {
    int count = 0;
    QPointF scenePos;
    Endpoint from;
    Endpoint to;
};

// Records quickAddRequested with its arguments as they are (no QVariant round trip).
void record(GraphScene& scene, QuickAddRequest& request) {
    QObject::connect(&scene, &GraphScene::quickAddRequested,
                     [&request](QPointF pos, const Endpoint& from, const Endpoint& to) {
                         ++request.count;
                         request.scenePos = pos;
                         request.from = from;
                         request.to = to;
                     });
}

bool hasEdge(const Graph& graph, const GraphEdge& edge) {
    const auto& edges = graph.edges();
    return std::find(edges.begin(), edges.end(), edge) != edges.end();
}

// A graph with free ports to connect: a reader, a scaler, a learner.
Graph looseGraph() {
    Graph g;
    g.addNode(makeNode("read", "data.read_csv", 0, 0, "Iris"));
    g.addNode(makeNode("scale", "transform.scale", 300, 0, "Scale"));
    g.addNode(makeNode("learn", "train.logistic_regression", 600, 0, "Logistic regression"));
    g.addNode(makeNode("predict", "evaluate.predict", 900, 0, "Predict"));
    return g;
}

}  // namespace

class TestCanvasInteraction : public QObject {
    Q_OBJECT

private slots:
    void dragOutputToCompatibleInputConnects();
    void dragInputToOutputConnects();
    void compatiblePortsLightUpWhileDragging();
    void incompatibleDropExplainsAndChangesNothing();
    void takenInputIsRefusedWithReason();
    void dropOnEmptyCanvasAsksForQuickAdd();
    void clickOnPortDoesNothing();
    void draggingTwoSelectedNodesIsOneMove();
    void dragWithoutSnapKeepsExactDelta();
    void deleteRemovesSelectionInOneRequest();
    void arrowKeysNudgeByOneGridStep();
    void ctrlClickTogglesSelection();
    void rubberBandSelects();
    void clickSelectsEdge();
    void doubleClickNodeActivatesIt();
    void doubleClickEmptyCanvasOpensQuickAdd();
    void tabOpensQuickAdd();
    void quickAddPlacesAndConnectsPendingOutput();
    void quickAddFiltersByPendingInput();
    void tabAfterASelectedNodeOffersWhatFitsAndConnects();
    void unconnectedRequiredInputsAreMarked();
    void hoveringAnEdgeLightsItAndItsPorts();
};

void TestCanvasInteraction::dragOutputToCompatibleInputConnects() {
    Canvas canvas(looseGraph());
    QVERIFY(canvas.exposed);
    drag(canvas.viewport(), canvas.at(canvas.output("read", "table")),
         canvas.at(canvas.input("scale", "train")));
    QCOMPARE(canvas.document.connectCalls, 1);
    const GraphEdge edge{{"read", "table"}, {"scale", "train"}};
    QVERIFY(hasEdge(canvas.document.graph(), edge));
    QVERIFY(canvas.scene.edgeItem(edge) != nullptr);
    QVERIFY(!canvas.scene.isConnecting());
}

void TestCanvasInteraction::dragInputToOutputConnects() {
    Canvas canvas(looseGraph());
    drag(canvas.viewport(), canvas.at(canvas.input("predict", "model")),
         canvas.at(canvas.output("learn", "model")));
    QVERIFY(hasEdge(canvas.document.graph(), {{"learn", "model"}, {"predict", "model"}}));
}

void TestCanvasInteraction::compatiblePortsLightUpWhileDragging() {
    Canvas canvas(looseGraph());
    QWidget* vp = canvas.viewport();
    const QPoint start = canvas.at(canvas.output("read", "table"));
    QTest::mousePress(vp, Qt::LeftButton, {}, start);
    QTest::mouseMove(vp, start + QPoint(60, 40));
    QVERIFY(canvas.scene.isConnecting());
    const auto ports = canvas.scene.compatiblePorts();
    const auto lit = [&](PortItem* p) {
        return std::find(ports.begin(), ports.end(), p) != ports.end() &&
               p->highlight() == PortItem::Highlight::Compatible;
    };
    // Table inputs light up; a Model input and the node's own ports do not.
    QVERIFY(lit(canvas.input("scale", "train")));
    QVERIFY(lit(canvas.input("learn", "train")));
    QVERIFY(lit(canvas.input("predict", "table")));
    QVERIFY(!lit(canvas.input("predict", "model")));
    QCOMPARE(canvas.output("read", "table")->highlight(), PortItem::Highlight::Origin);
    // A port the drag cannot reach is dimmed before the drop, and its
    // tooltip says why (issue 25, item 9).
    PortItem* model = canvas.input("predict", "model");
    const QString helpTip = canvas.input("scale", "train")->toolTip();
    QCOMPARE(model->highlight(), PortItem::Highlight::Refused);
    QVERIFY2(model->toolTip().contains("Cannot connect here:"), qPrintable(model->toolTip()));
    QVERIFY2(model->toolTip().contains("Model", Qt::CaseInsensitive), qPrintable(model->toolTip()));
    const auto refused = canvas.scene.refusedPorts();
    QVERIFY(std::find(refused.begin(), refused.end(), model) != refused.end());
    QVERIFY(std::find(refused.begin(), refused.end(), canvas.input("scale", "train")) ==
            refused.end());
    // The preview curve is in the scene while dragging.
    const auto hasPreview = [&] {
        for (QGraphicsItem* item : canvas.scene.items()) {
            if (item->type() == QGraphicsPathItem::Type) {
                return true;
            }
        }
        return false;
    };
    QVERIFY(hasPreview());

    QTest::mouseRelease(vp, Qt::LeftButton, {}, start + QPoint(60, 40));
    QVERIFY(!canvas.scene.isConnecting());
    QVERIFY(!hasPreview());
    QCOMPARE(canvas.input("scale", "train")->highlight(), PortItem::Highlight::None);
    QCOMPARE(model->highlight(), PortItem::Highlight::None);
    QVERIFY(!model->toolTip().contains("Cannot connect here:"));
    QCOMPARE(canvas.input("scale", "train")->toolTip(), helpTip);
    QVERIFY(canvas.scene.refusedPorts().empty());
}

void TestCanvasInteraction::incompatibleDropExplainsAndChangesNothing() {
    Canvas canvas(looseGraph());
    QSignalSpy status(&canvas.scene, &GraphScene::statusMessage);
    QuickAddRequest quickAdd;
    record(canvas.scene, quickAdd);
    const Graph before = canvas.document.graph();

    // A Table output onto a Model input.
    drag(canvas.viewport(), canvas.at(canvas.output("read", "table")),
         canvas.at(canvas.input("predict", "model")));
    QCOMPARE(canvas.document.graph().edges().size(), before.edges().size());
    QCOMPARE(canvas.scene.edgeCount(), std::size_t(0));
    QCOMPARE(status.count(), 1);
    const QString message = status.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("Table")) && message.contains(QStringLiteral("Model")),
             qPrintable(message));
    QCOMPARE(quickAdd.count, 0);
}

void TestCanvasInteraction::takenInputIsRefusedWithReason() {
    Canvas canvas(looseGraph());
    QCOMPARE(canvas.document.connectPorts({"read", "table"}, {"scale", "train"}), std::nullopt);
    QSignalSpy status(&canvas.scene, &GraphScene::statusMessage);
    // The taken input does not light up, and dropping there says why.
    drag(canvas.viewport(), canvas.at(canvas.output("scale", "apply")),
         canvas.at(canvas.input("scale", "train")));
    QCOMPARE(canvas.document.graph().edges().size(), std::size_t(1));
    QCOMPARE(status.count(), 1);
    QVERIFY(!status.at(0).at(0).toString().isEmpty());
}

void TestCanvasInteraction::dropOnEmptyCanvasAsksForQuickAdd() {
    Canvas canvas(looseGraph());
    QuickAddRequest quickAdd;
    record(canvas.scene, quickAdd);
    const QPointF empty(150, 300);
    drag(canvas.viewport(), canvas.at(canvas.output("read", "table")), canvas.at(empty));
    QCOMPARE(quickAdd.count, 1);
    QVERIFY(QLineF(quickAdd.scenePos, empty).length() < 2);
    QCOMPARE(quickAdd.from, (Endpoint{"read", "table"}));
    QCOMPARE(quickAdd.to, Endpoint{});
    QCOMPARE(canvas.document.connectCalls, 0);
    // The view answers with the popup, filtered to what takes a Table.
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    QVERIFY(popup && popup->isVisible());
    QVERIFY(popup->listedTypeIds().contains(QStringLiteral("transform.scale")));
    QVERIFY(!popup->listedTypeIds().contains(QStringLiteral("data.read_csv")));
    popup->hide();

    // From an input, the pending endpoint is the input.
    drag(canvas.viewport(), canvas.at(canvas.input("predict", "model")), canvas.at(empty));
    QCOMPARE(quickAdd.count, 2);
    QCOMPARE(quickAdd.from, Endpoint{});
    QCOMPARE(quickAdd.to, (Endpoint{"predict", "model"}));
    popup->hide();
}

void TestCanvasInteraction::clickOnPortDoesNothing() {
    Canvas canvas(looseGraph());
    QSignalSpy status(&canvas.scene, &GraphScene::statusMessage);
    QuickAddRequest quickAdd;
    record(canvas.scene, quickAdd);
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {},
                      canvas.at(canvas.input("scale", "train")));
    QCOMPARE(status.count(), 0);
    QCOMPARE(quickAdd.count, 0);
    QCOMPARE(canvas.document.connectCalls, 0);
}

void TestCanvasInteraction::draggingTwoSelectedNodesIsOneMove() {
    Canvas canvas(looseGraph());
    canvas.node("read")->setSelected(true);
    canvas.node("scale")->setSelected(true);
    const QPoint start = canvas.atHeader("scale");
    drag(canvas.viewport(), start, start + QPoint(47, 18));

    QCOMPARE(canvas.document.moveCalls, 1);
    const auto& moved = canvas.document.lastMoved;
    QCOMPARE(moved.size(), std::size_t(2));
    // Snapped to the grid: 47 px right is 2 grid steps, 18 px down is 1.
    QCOMPARE(moved.at("read"), QPointF(40, 20));
    QCOMPARE(moved.at("scale"), QPointF(340, 20));
    QCOMPARE(canvas.node("scale")->pos(), QPointF(340, 20));
    // Edges of moved nodes follow.
    QCOMPARE(canvas.document.graph().node("read")->x, 40.0);

    // A plain click moves nothing and asks nothing.
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.atHeader("scale"));
    QCOMPARE(canvas.document.moveCalls, 1);
}

void TestCanvasInteraction::dragWithoutSnapKeepsExactDelta() {
    Canvas canvas(looseGraph());
    canvas.scene.setSnapToGrid(false);
    const QPoint start = canvas.atHeader("learn");
    drag(canvas.viewport(), start, start + QPoint(13, 7));
    QCOMPARE(canvas.document.moveCalls, 1);
    QCOMPARE(canvas.document.lastMoved.size(), std::size_t(1));
    QCOMPARE(canvas.document.lastMoved.at("learn"), QPointF(613, 7));
}

void TestCanvasInteraction::deleteRemovesSelectionInOneRequest() {
    Canvas canvas;  // the sample pipeline
    canvas.view.setFocus();
    canvas.node("predict")->setSelected(true);
    canvas.node("score")->setSelected(true);
    const GraphEdge readToSplit{{"read", "table"}, {"split", "table"}};
    const GraphEdge splitToPredict{{"split", "test"}, {"predict", "table"}};  // goes with predict
    canvas.scene.edgeItem(readToSplit)->setSelected(true);
    canvas.scene.edgeItem(splitToPredict)->setSelected(true);

    QTest::keyClick(canvas.viewport(), Qt::Key_Delete);
    QCOMPARE(canvas.document.removeCalls, 1);
    QCOMPARE(canvas.document.lastRemovedNodes, (std::vector<std::string>{"predict", "score"}));
    QCOMPARE(canvas.document.lastRemovedEdges, (std::vector<GraphEdge>{readToSplit}));
    QVERIFY(canvas.node("predict") == nullptr);
    QVERIFY(canvas.scene.edgeItem(readToSplit) == nullptr);
    QCOMPARE(canvas.scene.edgeCount(), canvas.document.graph().edges().size());

    // Backspace does the same; with nothing selected it asks nothing.
    canvas.node("read")->setSelected(true);
    QTest::keyClick(canvas.viewport(), Qt::Key_Backspace);
    QCOMPARE(canvas.document.removeCalls, 2);
    QTest::keyClick(canvas.viewport(), Qt::Key_Delete);
    QCOMPARE(canvas.document.removeCalls, 2);
}

void TestCanvasInteraction::arrowKeysNudgeByOneGridStep() {
    Canvas canvas(looseGraph());
    canvas.view.setFocus();
    canvas.node("read")->setSelected(true);
    canvas.node("scale")->setSelected(true);
    QTest::keyClick(canvas.viewport(), Qt::Key_Right);
    QCOMPARE(canvas.document.moveCalls, 1);
    QCOMPARE(canvas.document.lastMoved.size(), std::size_t(2));
    QCOMPARE(canvas.node("read")->pos(), QPointF(CanvasView::kGridSpacing, 0));
    QTest::keyClick(canvas.viewport(), Qt::Key_Up);
    QCOMPARE(canvas.document.moveCalls, 2);
    QCOMPARE(canvas.node("scale")->pos(),
             QPointF(300 + CanvasView::kGridSpacing, -CanvasView::kGridSpacing));
}

void TestCanvasInteraction::ctrlClickTogglesSelection() {
    Canvas canvas(looseGraph());
    QWidget* vp = canvas.viewport();
    QTest::mouseClick(vp, Qt::LeftButton, {}, canvas.atHeader("read"));
    QCOMPARE(canvas.scene.selectedNodeIds(), std::vector<std::string>{"read"});
    QTest::mouseClick(vp, Qt::LeftButton, Qt::ControlModifier, canvas.atHeader("learn"));
    QCOMPARE(canvas.scene.selectedNodeIds(), (std::vector<std::string>{"read", "learn"}));
    QTest::mouseClick(vp, Qt::LeftButton, Qt::ControlModifier, canvas.atHeader("read"));
    QCOMPARE(canvas.scene.selectedNodeIds(), std::vector<std::string>{"learn"});
    // A plain click elsewhere selects only that node.
    QTest::mouseClick(vp, Qt::LeftButton, {}, canvas.atHeader("scale"));
    QCOMPARE(canvas.scene.selectedNodeIds(), std::vector<std::string>{"scale"});
    QCOMPARE(canvas.document.moveCalls, 0);
}

void TestCanvasInteraction::rubberBandSelects() {
    Canvas canvas(looseGraph());
    // From empty canvas above-left of "read" to below the middle of "scale".
    drag(canvas.viewport(), canvas.at(QPointF(-30, -30)), canvas.at(QPointF(400, 60)));
    QCOMPARE(canvas.scene.selectedNodeIds(), (std::vector<std::string>{"read", "scale"}));
    QCOMPARE(canvas.document.moveCalls, 0);
}

void TestCanvasInteraction::clickSelectsEdge() {
    Canvas canvas(looseGraph());
    QCOMPARE(canvas.document.connectPorts({"read", "table"}, {"scale", "train"}), std::nullopt);
    EdgeItem* edge = canvas.scene.edgeItem({{"read", "table"}, {"scale", "train"}});
    QVERIFY(edge);
    // The curve's middle, clicked 4 px off: the wide hit area still takes it.
    const QPointF middle = edge->shape().pointAtPercent(0.5);
    const QPointF a = edge->fromPort()->sceneAnchor(), b = edge->toPort()->sceneAnchor();
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {},
                      canvas.at((a + b) / 2 + QPointF(0, 4)));
    Q_UNUSED(middle);
    QVERIFY(edge->isSelected());
    QCOMPARE(canvas.scene.selectedEdges().size(), std::size_t(1));
}

void TestCanvasInteraction::doubleClickNodeActivatesIt() {
    Canvas canvas(looseGraph());
    QSignalSpy activated(&canvas.scene, &GraphScene::nodeActivated);
    QTest::mouseDClick(canvas.viewport(), Qt::LeftButton, {}, canvas.atHeader("learn"));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("learn"));
}

void TestCanvasInteraction::doubleClickEmptyCanvasOpensQuickAdd() {
    Canvas canvas(looseGraph());
    QuickAddRequest quickAdd;
    record(canvas.scene, quickAdd);
    QTest::mouseDClick(canvas.viewport(), Qt::LeftButton, {}, canvas.at(QPointF(200, 300)));
    QCOMPARE(quickAdd.count, 1);
    QCOMPARE(quickAdd.from, Endpoint{});
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    QVERIFY(popup->isVisible());
    // Unfiltered: the whole catalog.
    QCOMPARE(popup->listedTypeIds().size(),
             static_cast<qsizetype>(canvas.document.registry().all().size()));
    popup->setQuery(QStringLiteral("scale"));
    QCOMPARE(popup->listedTypeIds().value(0), QStringLiteral("transform.scale"));
    const QString id = popup->acceptCurrent();
    QVERIFY(!popup->isVisible());
    const GraphNode* node = canvas.document.graph().node(id.toStdString());
    QVERIFY(node);
    QCOMPARE(node->type, std::string("transform.scale"));
    // At the double-click, on the grid.
    QCOMPARE(QPointF(node->x, node->y), QPointF(200, 300));
    QVERIFY(canvas.node(id.toStdString()) != nullptr);
}

void TestCanvasInteraction::tabOpensQuickAdd() {
    Canvas canvas(looseGraph());
    canvas.view.setFocus();
    QTest::keyClick(&canvas.view, Qt::Key_Tab);
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    QVERIFY(popup->isVisible());
    // Typing goes to the search field; Enter places the first match.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("predict"));
    QCOMPARE(popup->query(), QStringLiteral("predict"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!popup->isVisible());
    QCOMPARE(canvas.document.addCalls, 1);
    QCOMPARE(canvas.document.graph().nodes().back().type, std::string("evaluate.predict"));
}

void TestCanvasInteraction::quickAddPlacesAndConnectsPendingOutput() {
    Canvas canvas(looseGraph());
    canvas.view.openQuickAdd(QPointF(200, 300), Endpoint{"read", "table"});
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    popup->setQuery(QStringLiteral("scale"));
    const std::string id = popup->acceptCurrent().toStdString();
    QVERIFY(!id.empty());
    // Connected to the first compatible input...
    QVERIFY(hasEdge(canvas.document.graph(), {{"read", "table"}, {id, "train"}}));
    // ...and placed so that input's row lines up with the drop point.
    const PortItem* train = canvas.input(id, "train");
    QCOMPARE(train->sceneAnchor(), QPointF(200, 300));
}

void TestCanvasInteraction::quickAddFiltersByPendingInput() {
    Canvas canvas(looseGraph());
    canvas.view.openQuickAdd(QPointF(700, 300), Endpoint{}, Endpoint{"predict", "model"});
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    const QStringList listed = popup->listedTypeIds();
    QVERIFY(!listed.isEmpty());
    // Only types with a Model output: learners (and pass-throughs), no readers.
    for (const QString& type : listed) {
        const NodeType* t = canvas.document.registry().find(type.toStdString());
        const auto& outs = t->info().outputs;
        QVERIFY2(std::any_of(outs.begin(), outs.end(),
                             [](const PortSpec& p) { return p.type == PortType::Model; }),
                 qPrintable(type));
    }
    popup->setQuery(QStringLiteral("logistic"));
    const std::string id = popup->acceptCurrent().toStdString();
    QVERIFY(hasEdge(canvas.document.graph(), {{id, "model"}, {"predict", "model"}}));
    // To the left of the drop, its output at the drop point.
    QCOMPARE(canvas.output(id, "model")->sceneAnchor(), QPointF(700, 300));
}

// Issue 25, item 9: with a node selected, Tab offers only the types that take
// its output, places the choice beside it, connects it, and selects it so the
// inspector shows the new node.
void TestCanvasInteraction::tabAfterASelectedNodeOffersWhatFitsAndConnects() {
    Canvas canvas(looseGraph());
    canvas.scene.nodeItem("read")->setSelected(true);
    canvas.view.setFocus();
    QTest::keyClick(&canvas.view, Qt::Key_Tab);
    QuickAddPopup* popup = canvas.view.quickAddPopup();
    QVERIFY(popup->isVisible());
    const QStringList listed = popup->listedTypeIds();
    QVERIFY(listed.contains("transform.scale"));
    QVERIFY(!listed.contains("data.read_csv"));  // no Table input
    for (const QString& type : listed) {
        const auto& ins = canvas.document.registry().find(type.toStdString())->info().inputs;
        QVERIFY2(std::any_of(ins.begin(), ins.end(),
                             [](const PortSpec& p) { return p.type == PortType::Table; }),
                 qPrintable(type));
    }
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("scale"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!popup->isVisible());
    const std::string id = canvas.document.graph().nodes().back().id;
    QCOMPARE(canvas.document.graph().nodes().back().type, std::string("transform.scale"));
    QVERIFY(hasEdge(canvas.document.graph(), {{"read", "table"}, {id, "train"}}));
    // Beside the reader, its input level with the reader's output.
    const QPointF from = canvas.output("read", "table")->sceneAnchor();
    QCOMPARE(canvas.input(id, "train")->sceneAnchor(), from + QPointF(CanvasView::kNextNodeGap, 0));
    QCOMPARE(canvas.scene.selectedNodeIds(), std::vector<std::string>{id});
    QVERIFY(canvas.view.hasFocus());

    // Tab on a node without outputs, or with none selected: the plain list.
    canvas.scene.clearSelection();
    QTest::keyClick(&canvas.view, Qt::Key_Tab);
    QVERIFY(popup->isVisible());
    QVERIFY(popup->listedTypeIds().contains("data.read_csv"));
}

// Issue 25, item 10: a required input with no edge was reported only when a
// run failed on it. The card marks it and its tooltip lists it; connecting
// clears the mark, disconnecting brings it back. Optional inputs are never
// marked.
void TestCanvasInteraction::unconnectedRequiredInputsAreMarked() {
    Canvas canvas(looseGraph());
    NodeItem* predict = canvas.node("predict");
    QCOMPARE(predict->missingInputs(), (QStringList{"Model", "Data"}));
    QVERIFY(canvas.input("predict", "model")->isMissingInput());
    QVERIFY2(predict->toolTip().contains("Not connected yet: Model, Data"),
             qPrintable(predict->toolTip()));
    QVERIFY(canvas.node("read")->missingInputs().isEmpty());  // a source has no inputs
    const NodeItem* scale = canvas.node("scale");
    for (const PortItem* port : scale->ports())
        if (port->isInput() && port->label() != "Train")
            QVERIFY2(!port->isMissingInput(), qPrintable(port->label()));  // optional

    drag(canvas.viewport(), canvas.at(canvas.output("learn", "model")),
         canvas.at(canvas.input("predict", "model")));
    QCOMPARE(predict->missingInputs(), QStringList{"Data"});
    QVERIFY(!canvas.input("predict", "model")->isMissingInput());
    QVERIFY(predict->toolTip().contains("Not connected yet: Data"));

    canvas.document.removeItems({}, {GraphEdge{{"learn", "model"}, {"predict", "model"}}});
    QCOMPARE(predict->missingInputs(), (QStringList{"Model", "Data"}));
}

// Issue 25, item 6: under the pointer an edge is drawn over the cards, and
// its two ports light up, so which ports it joins is never a guess.
void TestCanvasInteraction::hoveringAnEdgeLightsItAndItsPorts() {
    Graph g = looseGraph();
    g.addEdge({{"read", "table"}, {"scale", "train"}});
    Canvas canvas(std::move(g));
    EdgeItem* edge = canvas.scene.edgeItem({{"read", "table"}, {"scale", "train"}});
    QVERIFY(edge);
    const QPointF middle = (edge->fromPort()->sceneAnchor() + edge->toPort()->sceneAnchor()) / 2;
    QTest::mouseMove(canvas.viewport(), canvas.at(middle + QPointF(0, 300)));
    QVERIFY(!edge->isHovered());
    QTest::mouseMove(canvas.viewport(), canvas.at(middle));
    QTRY_VERIFY(edge->isHovered());
    QVERIFY(edge->zValue() > canvas.node("read")->zValue());
    QVERIFY(edge->fromPort()->isEdgeHovered());
    QVERIFY(edge->toPort()->isEdgeHovered());
    QVERIFY(!canvas.input("learn", "train")->isEdgeHovered());
    QTest::mouseMove(canvas.viewport(), canvas.at(middle + QPointF(0, 300)));
    QTRY_VERIFY(!edge->isHovered());
    QVERIFY(edge->zValue() < canvas.node("read")->zValue());
    QVERIFY(!edge->fromPort()->isEdgeHovered());

    // Along the edge to its port, then a press: the port under the hovered
    // edge starts a connection; the edge is not what gets the press.
    PortItem* train = canvas.input("scale", "train");
    QTest::mouseMove(canvas.viewport(), canvas.at(train->sceneAnchor() - QPointF(12, 0)));
    QTest::mouseMove(canvas.viewport(), canvas.at(train));
    QTRY_VERIFY(edge->isHovered());
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, canvas.at(train));
    QVERIFY(canvas.scene.isConnecting());
    QVERIFY(!edge->isSelected());
    const std::size_t edges = canvas.document.graph().edges().size();
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(train));
    QVERIFY(!canvas.scene.isConnecting());
    QCOMPARE(canvas.document.graph().edges().size(), edges);  // dropped where it began

    // A hovered edge deleted (no hover-leave ever comes) leaves no port lit.
    QTest::mouseMove(canvas.viewport(), canvas.at(middle));
    QTRY_VERIFY(edge->isHovered());
    PortItem* from = edge->fromPort();
    canvas.document.removeItems({}, {GraphEdge{{"read", "table"}, {"scale", "train"}}});
    QVERIFY(!canvas.scene.edgeItem({{"read", "table"}, {"scale", "train"}}));
    QVERIFY(!from->isEdgeHovered());
    QVERIFY(!train->isEdgeHovered());
}

SLUICE_TEST_MAIN(TestCanvasInteraction)
#include "test_canvas_interaction.moc"
