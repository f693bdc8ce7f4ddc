// Cancellation: cancel() stops a run within 200 ms, even in the middle of
// training a large model; nothing partial is cached; the next run works.
#include <QtTest>
#include <future>

#include "engine/engine.h"
#include "engine_test_nodes.h"
#include "engine_test_support.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::engine;
using namespace sluice::testing;
using Kind = RunEvent::Kind;
using Clock = std::chrono::steady_clock;

namespace {

const double kBoundSeconds = 0.200 * timeScale();

// Starts engine.run on another thread; cancels `delay` after `node` started;
// returns the result and the seconds from cancel() to run() returning.
std::pair<RunResult, double> cancelDuring(Engine& engine, const Graph& graph,
                                          const std::string& node, std::chrono::milliseconds delay,
                                          const RunOptions& options = {}) {
    std::promise<void> started;
    auto startedFuture = started.get_future();
    RecordingObserver observer;
    observer.onEach = [&, fired = false](const RunEvent& e) mutable {
        if (!fired && e.node == node && e.kind == Kind::Started) {
            fired = true;
            started.set_value();
        }
    };
    auto running =
        std::async(std::launch::async, [&] { return engine.run(graph, options, &observer); });
    if (startedFuture.wait_for(std::chrono::seconds(120)) != std::future_status::ready)
        qFatal("node %s never started", node.c_str());
    std::this_thread::sleep_for(delay);
    const auto cancelAt = Clock::now();
    engine.cancel();
    RunResult result = running.get();
    return {std::move(result), std::chrono::duration<double>(Clock::now() - cancelAt).count()};
}

}  // namespace

class TestEngineCancel : public QObject {
    Q_OBJECT

private slots:
    void init() { runLog().take(); }

    void cancelStopsASpinningNodeAndCancelsTheQueue() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("spin", "t.spin"));
        g.addNode(testNode("after", "t.add"));
        wire(g, "src", "spin");
        wire(g, "spin", "after");
        Engine engine(engineTestNodes());
        auto [result, seconds] = cancelDuring(engine, g, "spin", std::chrono::milliseconds(100));
        QVERIFY2(seconds < kBoundSeconds, qPrintable(QString::number(seconds)));
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok());
        QCOMPARE(result.nodes.at("src").status, NodeStatus::Done);
        QCOMPARE(result.nodes.at("spin").status, NodeStatus::Cancelled);
        QCOMPARE(result.nodes.at("after").status, NodeStatus::Cancelled);
        QCOMPARE(engine.cachedNodes(g, {}), std::set<std::string>{"src"});

        // The next run works: swap the spinner for a node that finishes.
        Graph fixed = g;
        fixed.removeNode("spin");
        fixed.addNode(testNode("spin", "t.add"));
        wire(fixed, "src", "spin");
        wire(fixed, "spin", "after");
        const RunResult next = engine.run(fixed);
        QVERIFY(next.ok());
        QVERIFY(next.nodes.at("src").cached);
    }

    void anObserverMayCancel() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("spin", "t.spin"));
        wire(g, "src", "spin");
        Engine engine(engineTestNodes());
        RecordingObserver observer;
        observer.onEach = [&](const RunEvent& e) {
            if (e.kind == Kind::Metrics)
                engine.cancel();
        };
        const RunResult result =
            engine.run(g, {.throttle = std::chrono::milliseconds(10)}, &observer);
        QVERIFY(result.cancelled);
        QCOMPARE(result.nodes.at("spin").status, NodeStatus::Cancelled);
    }

    void cancelBeforeAnythingStartsLeavesAUsableEngine() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        Engine engine(engineTestNodes());
        engine.cancel();  // no run going: the next run starts afresh
        QVERIFY(engine.run(g).ok());
    }

    void cancelDuringTraining_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("params");
        QTest::newRow("random forest") << "train.random_forest_classifier"
                                       << R"({"n_estimators": 400})";
        QTest::newRow("gradient boosting") << "train.gradient_boosting_classifier"
                                           << R"({"max_iter": 1000})";
        QTest::newRow("mlp") << "train.mlp_classifier"
                             << R"({"max_iter": 1000, "early_stopping": false})";
        QTest::newRow("logistic regression") << "train.logistic_regression"
                                             << R"({"max_iter": 100000, "tol": 0})";
        QTest::newRow("decision tree") << "train.decision_tree_classifier"
                                       << "{}";
        QTest::newRow("k-means") << "train.kmeans"
                                 << R"({"n_clusters": 50, "n_init": 50})";
    }

    void cancelDuringTraining() {
        QFETCH(QString, type);
        QFETCH(QString, params);
        // 400k rows x 20 features: every learner above trains for seconds.
        Graph g;
        GraphNode data;
        data.id = "data";
        data.type = "data.synthetic";
        data.params = {{"kind", "blobs"}, {"n_rows", 400000}, {"n_features", 20},
                       {"n_classes", 3},  {"noise", 3.0},     {"seed", 1}};
        g.addNode(data);
        GraphNode train;
        train.id = "train";
        train.type = type.toStdString();
        train.params = nlohmann::json::parse(params.toStdString());
        g.addNode(train);
        g.addEdge({{"data", "table"}, {"train", "train"}});
        static Engine engine;  // real catalog; keeps the data cached across rows
        engine.run(g, {.runTo = "data"});

        auto [result, seconds] = cancelDuring(engine, g, "train", std::chrono::milliseconds(400));
        qInfo("%s: run returned %.0f ms after cancel()", qPrintable(type), seconds * 1000);
        QVERIFY2(result.nodes.at("train").status == NodeStatus::Cancelled,
                 "training finished before the cancel: make the problem bigger");
        QVERIFY2(seconds < kBoundSeconds, qPrintable(QString::number(seconds)));
        QCOMPARE(engine.cachedNodes(g, {}), std::set<std::string>{"data"});
    }
};

SLUICE_TEST_GUILESS_MAIN(TestEngineCancel)
#include "test_engine_cancel.moc"
