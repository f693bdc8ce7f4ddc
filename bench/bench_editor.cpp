// Editor benchmarks (Qt widgets, run offscreen or under xvfb); prints figures.
//
// 1. Open a generated 500-node pipeline: from openFile() to the window
//    painted once (target < 1 s to interactive).
// 2. Frame times while panning and zooming that pipeline: each step scrolls
//    or zooms the canvas and repaints its viewport synchronously (target
//    < 16 ms a frame; worst and median printed).
// 3. The longest GUI-thread stall while a 1M-row training runs: a 5 ms timer
//    records the largest gap between its ticks (target < 50 ms).
// Usage: QT_QPA_PLATFORM=offscreen bench_editor
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "pipeline_io/pipeline_file.h"
#include "views/canvas_view.h"

using namespace sluice;

namespace {

// 100 independent 5-node chains (synthetic -> split -> scale -> tree ->
// predict), laid out in a grid: 500 nodes, 500 edges.
Graph fiveHundredNodes() {
    Graph g;
    for (int c = 0; c < 100; ++c) {
        const std::string p = "c" + std::to_string(c) + "_";
        const double y = 140.0 * c;
        auto add = [&](const std::string& id, const std::string& type, double x) {
            GraphNode n;
            n.id = p + id;
            n.type = type;
            n.title = id + " " + std::to_string(c);
            n.x = x;
            n.y = y;
            g.addNode(n);
        };
        add("data", "data.synthetic", 0);
        add("split", "transform.train_test_split", 240);
        add("scale", "transform.scale", 480);
        add("tree", "train.decision_tree_classifier", 720);
        add("predict", "evaluate.predict", 960);
        g.addEdge({{p + "data", "table"}, {p + "split", "table"}});
        g.addEdge({{p + "split", "train"}, {p + "scale", "train"}});
        g.addEdge({{p + "scale", "train"}, {p + "tree", "train"}});
        g.addEdge({{p + "tree", "model"}, {p + "predict", "model"}});
        g.addEdge({{p + "split", "test"}, {p + "predict", "table"}});
    }
    return g;
}

double ms(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

void printFrames(const char* what, std::vector<double> frames) {
    std::sort(frames.begin(), frames.end());
    std::printf("%-28s median %6.2f ms  worst %6.2f ms  (%zu frames)\n", what,
                frames[frames.size() / 2], frames.back(), frames.size());
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString path = dir.filePath("big.sluice");
    savePipeline(fiveHundredNodes(), path.toStdString());

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    app.processEvents();

    QElapsedTimer open;
    open.start();
    window.openFile(path, true);
    app.processEvents();  // deferred fit-to-view
    window.repaint();
    window.canvas()->viewport()->repaint();
    std::printf("open 500-node pipeline       %7.1f ms to a painted window\n", ms(open));

    CanvasView* canvas = window.canvas();
    canvas->resetZoom();
    std::vector<double> pan, zoom;
    QScrollBar* h = canvas->horizontalScrollBar();
    QScrollBar* v = canvas->verticalScrollBar();
    for (int i = 0; i < 120; ++i) {
        QElapsedTimer t;
        t.start();
        h->setValue(h->value() + (i % 40 < 20 ? 25 : -25));
        v->setValue(v->value() + 30);
        canvas->viewport()->repaint();
        pan.push_back(ms(t));
    }
    for (int i = 0; i < 60; ++i) {
        QElapsedTimer t;
        t.start();
        if (i % 20 < 10)
            canvas->zoomOut();
        else
            canvas->zoomIn();
        canvas->viewport()->repaint();
        zoom.push_back(ms(t));
    }
    printFrames("pan frames", pan);
    printFrames("zoom frames", zoom);

    // A 1M-row training on the workers while the GUI thread keeps ticking.
    Graph heavy;
    GraphNode data;
    data.id = "data";
    data.type = "data.synthetic";
    data.params = {{"n_rows", 1000000}, {"n_features", 10}, {"noise", 2.0}};
    heavy.addNode(data);
    GraphNode forest;
    forest.id = "forest";
    forest.type = "train.random_forest_classifier";
    forest.params = {{"n_estimators", 20}, {"max_depth", 12}};
    heavy.addNode(forest);
    heavy.addEdge({{"data", "table"}, {"forest", "train"}});
    RunController runner;
    QSignalSpy finished(&runner, &RunController::runFinished);
    QElapsedTimer sinceTick;
    double worst = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        worst = std::max(worst, ms(sinceTick));
        sinceTick.restart();
    });
    QElapsedTimer total;
    total.start();
    sinceTick.start();
    ticker.start();
    runner.run(heavy, QString());
    finished.wait(600000);
    ticker.stop();
    std::printf("GUI stall during 1M-row run  worst gap %6.1f ms between 5 ms ticks (run %.1f s)\n",
                worst, ms(total) / 1000);
    return 0;
}
