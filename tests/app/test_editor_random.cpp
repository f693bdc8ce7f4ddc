// 2,000 seeded random edits, undos, redos, runs and stops through the main
// window, with the GUI event loop turning between them (badges, refreshes
// and run events all flowing). Nothing may crash, every run must end, and
// undoing everything must give back the starting graph exactly.
#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>
#include <random>

#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "views/canvas/graph_scene.h"

using namespace sluice;

namespace {

// Fast node types, so runs finish while the test goes on editing.
const std::vector<std::string> kTypes = {"data.synthetic",
                                         "transform.scale",
                                         "transform.train_test_split",
                                         "train.decision_tree_classifier",
                                         "train.logistic_regression",
                                         "evaluate.predict",
                                         "evaluate.score",
                                         "transform.select_columns"};

std::string text(const Graph& g) {
    return pipelineToText(g, "/tmp/x.sluice");
}

}  // namespace

class TestEditorRandom : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void twoThousandRandomStepsThenUndoEverything() {
        const unsigned seed = qEnvironmentVariableIsSet("SLUICE_TEST_SEED")
                                  ? qEnvironmentVariableIntValue("SLUICE_TEST_SEED")
                                  : 20261127u;
        std::mt19937 rng(seed);
        auto pick = [&](std::size_t n) {
            return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
        };
        MainWindow window;
        Document& doc = *window.document();
        const std::string start = text(doc.graph());
        int runs = 0, stops = 0, refused = 0;
        QSignalSpy finished(window.runner(), &RunController::runFinished);

        for (int step = 0; step < 2000; ++step) {
            const Graph& g = doc.graph();
            const auto& nodes = g.nodes();
            switch (pick(10)) {
                case 0:
                case 1:
                    doc.addNode(kTypes[pick(kTypes.size())],
                                QPointF(double(pick(2000)), double(pick(1200))));
                    break;
                case 2:
                    if (!nodes.empty())
                        doc.removeItems({nodes[pick(nodes.size())].id}, {});
                    break;
                case 3:
                case 4: {  // connect two random ports; most pairs are refused
                    if (nodes.size() < 2)
                        break;
                    const GraphNode& a = nodes[pick(nodes.size())];
                    const GraphNode& b = nodes[pick(nodes.size())];
                    const NodeType* ta = doc.registry().find(a.type);
                    const NodeType* tb = doc.registry().find(b.type);
                    if (!ta || !tb || ta->info().outputs.empty() || tb->info().inputs.empty())
                        break;
                    const auto& out = ta->info().outputs[pick(ta->info().outputs.size())];
                    const auto& in = tb->info().inputs[pick(tb->info().inputs.size())];
                    refused += doc.connectPorts({a.id, out.name}, {b.id, in.name}).has_value();
                    break;
                }
                case 5:
                    if (!nodes.empty())
                        doc.moveNodes({{nodes[pick(nodes.size())].id,
                                        QPointF(double(pick(2000)), double(pick(1200)))}});
                    break;
                case 6:
                    if (!nodes.empty() && nodes[pick(nodes.size())].type == "data.synthetic")
                        break;
                    if (!nodes.empty())
                        doc.renameNode(nodes[pick(nodes.size())].id,
                                       "node " + std::to_string(step));
                    break;
                case 7:
                    window.actions().undo->trigger();
                    break;
                case 8:
                    window.actions().redo->trigger();
                    break;
                case 9:
                    if (step % 3 == 0) {
                        if (window.runner()->isRunning()) {
                            window.stopRun();
                            ++stops;
                        } else {
                            window.runPipeline();
                            ++runs;
                        }
                    } else if (!nodes.empty()) {
                        const GraphNode& n = nodes[pick(nodes.size())];
                        if (n.type == "data.synthetic")
                            doc.setParam(n.id, "n_rows", int(50 + pick(200)));
                    }
                    break;
            }
            QCoreApplication::processEvents();
        }
        if (window.runner()->isRunning())
            QVERIFY(finished.wait(30000));
        qInfo("seed %u: %d runs, %d stops, %d refused connections, %zu nodes at the end", seed,
              runs, stops, refused, doc.graph().nodes().size());
        QVERIFY(runs > 10);
        QCOMPARE(window.scene()->nodeCount(), doc.graph().nodes().size());
        QCOMPARE(window.scene()->edgeCount(), doc.graph().edges().size());

        const std::string end = text(doc.graph());
        while (doc.undoStack()->canUndo())
            window.actions().undo->trigger();
        QCOMPARE(text(doc.graph()), start);
        QCOMPARE(window.scene()->nodeCount(), std::size_t(0));
        while (doc.undoStack()->canRedo())
            window.actions().redo->trigger();
        QCOMPARE(text(doc.graph()), end);
        // And the graph still runs.
        QSignalSpy last(window.runner(), &RunController::runFinished);
        window.runPipeline();
        QVERIFY(last.wait(30000));
    }
};

SLUICE_TEST_MAIN(TestEditorRandom)
#include "test_editor_random.moc"
