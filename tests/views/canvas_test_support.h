// Shared set-up for the canvas tests: a small sample pipeline, a view showing
// it through a PlainDocument, and helpers to find items and their on-screen
// positions.
#pragma once

#include <QApplication>
#include <QTest>

#include <string>

#include "plain_document.h"
#include "views/canvas/edge_item.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas/node_item.h"
#include "views/canvas/port_item.h"
#include "views/canvas_view.h"

namespace sluice::test {

inline GraphNode makeNode(const std::string& id, const std::string& type, double x, double y,
                          const std::string& title = {}) {
    GraphNode node;
    node.id = id;
    node.type = type;
    node.title = title;
    node.x = x;
    node.y = y;
    return node;
}

// read -> split -> logistic regression -> predict -> score, plus the test
// rows from the split into predict: five nodes, five edges.
inline Graph sampleGraph() {
    Graph g;
    g.addNode(makeNode("read", "data.read_csv", 0, 40, "Iris"));
    g.addNode(makeNode("split", "transform.train_test_split", 240, 40, "Split"));
    g.addNode(makeNode("logreg", "train.logistic_regression", 480, -60, "Logistic regression"));
    g.addNode(makeNode("predict", "evaluate.predict", 720, 40, "Predict"));
    g.addNode(makeNode("score", "evaluate.score", 960, 40, "Score"));
    g.addEdge({{"read", "table"}, {"split", "table"}});
    g.addEdge({{"split", "train"}, {"logreg", "train"}});
    g.addEdge({{"logreg", "model"}, {"predict", "model"}});
    g.addEdge({{"split", "test"}, {"predict", "table"}});
    g.addEdge({{"predict", "predictions"}, {"score", "predictions"}});
    return g;
}

// A document, its scene and a shown view of it, 1:1 zoom.
struct Canvas {
    PlainDocument document;
    GraphScene scene{&document};
    CanvasView view;
    bool exposed = false;

    explicit Canvas(Graph graph = sampleGraph(), QSize size = QSize(1200, 500)) {
        document.reset(std::move(graph));
        view.setGraphScene(&scene);
        view.resize(size);
        view.show();
        exposed = QTest::qWaitForWindowExposed(&view);
        view.centerOn(scene.nodesBoundingRect().center());
    }

    QWidget* viewport() { return view.viewport(); }
    NodeItem* node(const std::string& id) { return scene.nodeItem(id); }
    PortItem* output(const std::string& node, const std::string& port) {
        return scene.nodeItem(node)->port(port, PortDirection::Output);
    }
    PortItem* input(const std::string& node, const std::string& port) {
        return scene.nodeItem(node)->port(port, PortDirection::Input);
    }
    // Where a scene point is in viewport pixels.
    QPoint at(QPointF scenePos) { return view.mapFromScene(scenePos); }
    QPoint at(const PortItem* port) { return at(port->sceneAnchor()); }
    // A point on a node's header, away from ports and the badge.
    QPoint atHeader(const std::string& id) {
        const NodeItem* item = node(id);
        return at(item->mapToScene(QPointF(NodeItem::kWidth / 2, NodeItem::kHeaderHeight / 2)));
    }
};

// Drags with the left button from `from` to `to` in a few steps, as a hand would.
inline void drag(QWidget* viewport, QPoint from, QPoint to,
                 Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, from);
    constexpr int kSteps = 4;
    for (int i = 1; i <= kSteps; ++i) {
        QTest::mouseMove(viewport, from + (to - from) * i / kSteps);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, to);
}

}  // namespace sluice::test
