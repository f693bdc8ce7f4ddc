// Event throttling: a node that reports as fast as it can must not flood the
// observer, and no metric point may be lost.
#include <QtTest>

#include "engine/engine.h"
#include "engine_test_nodes.h"
#include "engine_test_support.h"
#include "nodes/results.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::engine;
using namespace sluice::testing;
using Kind = RunEvent::Kind;

class TestEngineEvents : public QObject {
    Q_OBJECT

private slots:
    void fastStreamsAreBatchedWithoutLoss() {
        constexpr int kPoints = 2'000'000;
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("s", "t.stream", {{"points", kPoints}}));
        wire(g, "src", "s");
        Engine engine(engineTestNodes());
        RecordingObserver observer;
        const auto interval = std::chrono::milliseconds(20);
        const RunResult result = engine.run(g, {.throttle = interval}, &observer);
        QVERIFY(result.ok());
        const double seconds = result.nodes.at("s").seconds;
        // At most one batch and one progress event per interval (plus the
        // final flush), however fast the loop.
        const int cap = static_cast<int>(seconds / 0.020) + 2;
        QVERIFY2(
            observer.count(Kind::Metrics) <= cap,
            qPrintable(
                QString("%1 batches in %2 s").arg(observer.count(Kind::Metrics)).arg(seconds)));
        QVERIFY(observer.count(Kind::Progress) <= cap);
        QVERIFY(observer.count(Kind::Progress) >= 1);
        // Every point arrives, in order.
        int expected = 0;
        for (const auto& e : observer.of("s"))
            for (const auto& p : e.metrics) {
                QCOMPARE(p.step, expected);
                QCOMPARE(p.name, std::string("loss"));
                ++expected;
            }
        QCOMPARE(expected, kPoints);
        QCOMPARE(result.nodes.at("s").metrics.at("loss"), 1.0 / kPoints);
        // Metric batches come before the node's Finished event.
        const auto events = observer.of("s");
        QCOMPARE(events.back().kind, Kind::Finished);
    }

    void slowStreamsArriveWithoutWaitingForTheEnd() {
        // A node that reports one point and then works on: the waiting thread
        // flushes the batch within an interval or so, not at the node's end.
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("spin", "t.spin"));
        wire(g, "src", "spin");
        Engine engine(engineTestNodes());
        RecordingObserver observer;
        std::atomic<int> batches{0};
        observer.onEach = [&](const RunEvent& e) {
            if (e.kind == Kind::Metrics && ++batches == 5)
                engine.cancel();
        };
        const auto start = std::chrono::steady_clock::now();
        engine.run(g, {.throttle = std::chrono::milliseconds(20)}, &observer);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(seconds < 2.0 * timeScale(), qPrintable(QString::number(seconds)));
        QVERIFY(batches >= 5);
    }

    // Without an observer the events have nowhere to go: the run must still
    // finish and the node's final metric still land in the result (its
    // cost is measured by bench/bench_engine, not timed here).
    void runsWithoutAnObserver() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("s", "t.stream", {{"points", 1000}}));
        wire(g, "src", "s");
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g);
        QVERIFY(result.ok());
        QCOMPARE(result.nodes.at("s").metrics.at("loss"), 1.0 / 1000);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestEngineEvents)
#include "test_engine_events.moc"
