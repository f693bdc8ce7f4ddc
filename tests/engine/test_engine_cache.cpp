// Engine cache: what a re-run recomputes, by key, by file and by target.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "engine/engine.h"
#include "engine_test_nodes.h"
#include "engine_test_support.h"
#include "nodes/results.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::engine;
using namespace sluice::testing;

namespace {

// a -> b -> c, and a -> d (a diamond-free tree).
Graph tree() {
    Graph g;
    g.addNode(testNode("a", "t.source", {{"value", 1.0}}));
    g.addNode(testNode("b", "t.add", {{"add", 1.0}}));
    g.addNode(testNode("c", "t.add", {{"add", 1.0}}));
    g.addNode(testNode("d", "t.add", {{"add", 5.0}}));
    wire(g, "a", "b");
    wire(g, "b", "c");
    wire(g, "a", "d");
    return g;
}

using Ids = std::vector<std::string>;

}  // namespace

class TestEngineCache : public QObject {
    Q_OBJECT

private slots:
    void init() { runLog().take(); }

    void rerunRecomputesNothing() {
        Engine engine(engineTestNodes());
        const Graph g = tree();
        QVERIFY(engine.run(g).ok());
        QCOMPARE(runLog().nodesRun(), (Ids{"a", "b", "c", "d"}));
        RecordingObserver observer;
        const RunResult again = engine.run(g, {}, &observer);
        QVERIFY(again.ok());
        QVERIFY(runLog().take().empty());
        for (const auto& [id, outcome] : again.nodes) {
            QVERIFY2(outcome.cached, id.c_str());
            QCOMPARE(outcome.status, NodeStatus::Done);
        }
        QCOMPARE(observer.count(RunEvent::Kind::Started), 0);
        QCOMPARE(observer.count(RunEvent::Kind::Finished), 4);
        QCOMPARE(valueOf(std::get<TablePtr>(again.nodes.at("c").outputs.at("table"))), 3.0);
    }

    void changingAParameterRecomputesThatNodeAndItsDownstream() {
        Engine engine(engineTestNodes());
        Graph g = tree();
        engine.run(g);
        runLog().take();
        g.setParams("b", {{"tag", "b"}, {"add", 2.0}});
        const RunResult result = engine.run(g);
        QCOMPARE(runLog().nodesRun(), (Ids{"b", "c"}));
        QCOMPARE(valueOf(std::get<TablePtr>(result.nodes.at("c").outputs.at("table"))), 4.0);
        QVERIFY(result.nodes.at("a").cached);
        QVERIFY(result.nodes.at("d").cached);
        // Back to the old value: the old result was replaced, so b and c run.
        g.setParams("b", {{"tag", "b"}, {"add", 1.0}});
        engine.run(g);
        QCOMPARE(runLog().nodesRun(), (Ids{"b", "c"}));
        QCOMPARE(engine.cacheSize(), std::size_t(4));
    }

    void titleAndPositionDoNotInvalidate() {
        Engine engine(engineTestNodes());
        Graph g = tree();
        engine.run(g);
        runLog().take();
        g.setTitle("b", "renamed");
        g.setPosition("b", 400, 300);
        engine.run(g);
        QVERIFY(runLog().take().empty());
    }

    void rewiringRecomputes() {
        Engine engine(engineTestNodes());
        Graph g = tree();
        engine.run(g);
        runLog().take();
        g.removeEdge({{"a", "table"}, {"d", "table"}});
        g.addEdge({{"c", "table"}, {"d", "table"}});
        const RunResult result = engine.run(g);
        QCOMPARE(runLog().nodesRun(), (Ids{"d"}));
        QCOMPARE(valueOf(std::get<TablePtr>(result.nodes.at("d").outputs.at("table"))), 8.0);
    }

    void runToUsesAndFeedsTheSameCache() {
        Engine engine(engineTestNodes());
        const Graph g = tree();
        engine.run(g, {.runTo = "b"});
        QCOMPARE(runLog().nodesRun(), (Ids{"a", "b"}));
        engine.run(g);
        QCOMPARE(runLog().nodesRun(), (Ids{"c", "d"}));
    }

    void aChangedFileRecomputesItsReaderAndDownstream() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("data.txt").toStdString();
        std::ofstream(path) << "12345";
        Graph g;
        g.addNode(testNode("f", "t.file", {{"path", "data.txt"}}));
        g.addNode(testNode("g", "t.add", {{"add", 0.0}}));
        wire(g, "f", "g");
        Engine engine(engineTestNodes());
        const RunOptions options{.baseDirectory = dir.path().toStdString()};
        QCOMPARE(
            valueOf(std::get<TablePtr>(engine.run(g, options).nodes.at("g").outputs.at("table"))),
            5.0);
        runLog().take();
        engine.run(g, options);
        QVERIFY(runLog().take().empty());
        QCOMPARE(engine.cachedNodes(g, options.baseDirectory), (std::set<std::string>{"f", "g"}));

        std::ofstream(path) << "1234567";  // new size (and time)
        QCOMPARE(engine.cachedNodes(g, options.baseDirectory), std::set<std::string>{});
        const RunResult result = engine.run(g, options);
        QCOMPARE(runLog().nodesRun(), (Ids{"f", "g"}));
        QCOMPARE(valueOf(std::get<TablePtr>(result.nodes.at("g").outputs.at("table"))), 7.0);

        std::filesystem::remove(path);
        const RunResult gone = engine.run(g, options);
        QCOMPARE(gone.nodes.at("f").status, NodeStatus::Failed);
        QVERIFY(gone.nodes.at("f").message.find("data.txt") != std::string::npos);
        QCOMPARE(gone.nodes.at("g").status, NodeStatus::Skipped);
    }

    void failedNodesAreNotCached() {
        Graph g;
        g.addNode(testNode("a", "t.source"));
        g.addNode(testNode("bad", "t.fail"));
        wire(g, "a", "bad");
        Engine engine(engineTestNodes());
        engine.run(g);
        QCOMPARE(engine.cacheSize(), std::size_t(1));
        QCOMPARE(engine.cachedNodes(g, {}), std::set<std::string>{"a"});
        const RunResult again = engine.run(g);
        QCOMPARE(again.nodes.at("bad").status, NodeStatus::Failed);
        QVERIFY(!again.nodes.at("bad").cached);
    }

    void clearCacheRecomputesEverything() {
        Engine engine(engineTestNodes());
        const Graph g = tree();
        engine.run(g);
        runLog().take();
        engine.clearCache();
        QCOMPARE(engine.cacheSize(), std::size_t(0));
        engine.run(g);
        QCOMPARE(runLog().nodesRun(), (Ids{"a", "b", "c", "d"}));
    }

    void metricsOfACachedNodeAreKept() {
        Graph g;
        g.addNode(testNode("a", "t.source"));
        g.addNode(testNode("s", "t.stream", {{"points", 10}}));
        wire(g, "a", "s");
        Engine engine(engineTestNodes());
        const RunResult first = engine.run(g);
        QCOMPARE(first.nodes.at("s").metrics.at("loss"), 0.1);
        const RunResult second = engine.run(g);
        QVERIFY(second.nodes.at("s").cached);
        QCOMPARE(second.nodes.at("s").metrics.at("loss"), 0.1);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestEngineCache)
#include "test_engine_cache.moc"
