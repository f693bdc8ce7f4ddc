// Engine scheduling: order, parallel branches, failure isolation, nodes that
// cannot run, and the event sequence each node goes through.
#include <QtTest>

#include "engine/engine.h"
#include "engine_test_nodes.h"
#include "engine_test_support.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::engine;
using namespace sluice::testing;
using Kind = RunEvent::Kind;

class TestEngineScheduling : public QObject {
    Q_OBJECT

private slots:
    void init() { runLog().take(); }

    void chainRunsInOrderAndPassesValues() {
        Graph g;
        g.addNode(testNode("a", "t.source", {{"value", 2.0}}));
        g.addNode(testNode("b", "t.add", {{"add", 3.0}}));
        g.addNode(testNode("c", "t.add", {{"add", 10.0}}));
        wire(g, "a", "b");
        wire(g, "b", "c");
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g);
        QVERIFY(result.ok());
        QCOMPARE(result.nodes.size(), std::size_t(3));
        const auto& out = result.nodes.at("c").outputs.at("table");
        QCOMPARE(valueOf(std::get<TablePtr>(out)), 15.0);
        const auto records = runLog().take();
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records[0].node, std::string("a"));
        QCOMPARE(records[2].node, std::string("c"));
        QVERIFY(records[1].start >= records[0].end);
    }

    void independentBranchesOverlap() {
        // Two 300 ms branches under a common source: on two workers they
        // must run at the same time (their intervals intersect), and the
        // join waits for both.
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("left", "t.add", {{"ms", 300}}));
        g.addNode(testNode("right", "t.add", {{"ms", 300}}));
        g.addNode(testNode("join", "t.join"));
        wire(g, "src", "left");
        wire(g, "src", "right");
        wire(g, "left", "join", "a");
        wire(g, "right", "join", "b");
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g, {.threads = 2});
        QVERIFY(result.ok());
        std::map<std::string, RunRecord> byNode;
        for (auto& r : runLog().take())
            byNode[r.node] = r;
        const auto& l = byNode.at("left");
        const auto& r = byNode.at("right");
        QVERIFY2(l.start < r.end && r.start < l.end, "the two branches did not overlap");
        QVERIFY(byNode.at("join").start >= std::max(l.end, r.end));
        QVERIFY2(result.seconds < 0.55 * timeScale(), qPrintable(QString::number(result.seconds)));
    }

    void oneWorkerRunsBranchesOneAfterTheOther() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("left", "t.add", {{"ms", 50}}));
        g.addNode(testNode("right", "t.add", {{"ms", 50}}));
        wire(g, "src", "left");
        wire(g, "src", "right");
        Engine engine(engineTestNodes());
        QVERIFY(engine.run(g, {.threads = 1}).ok());
        const auto records = runLog().take();
        QCOMPARE(records.size(), std::size_t(3));
        QVERIFY(records[2].start >= records[1].end);
    }

    void failingNodeFailsAloneAndSkipsItsDownstream() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        g.addNode(testNode("bad", "t.fail"));
        g.addNode(testNode("after", "t.add"));
        g.addNode(testNode("afterAfter", "t.add"));
        g.addNode(testNode("good", "t.add", {{"ms", 100}}));
        g.addNode(testNode("join", "t.join"));
        wire(g, "src", "bad");
        wire(g, "bad", "after");
        wire(g, "after", "afterAfter");
        wire(g, "src", "good");
        wire(g, "after", "join", "a");
        wire(g, "good", "join", "b");
        Engine engine(engineTestNodes());
        RecordingObserver observer;
        const RunResult result = engine.run(g, {}, &observer);
        QVERIFY(!result.ok());
        QCOMPARE(result.nodes.at("bad").status, NodeStatus::Failed);
        QVERIFY(result.nodes.at("bad").message.find("bad") != std::string::npos);
        QVERIFY(result.nodes.at("bad").message.find("boom") != std::string::npos);
        QCOMPARE(result.nodes.at("after").status, NodeStatus::Skipped);
        QCOMPARE(result.nodes.at("afterAfter").status, NodeStatus::Skipped);
        QCOMPARE(result.nodes.at("join").status, NodeStatus::Skipped);
        QVERIFY(result.nodes.at("after").message.find("bad") != std::string::npos);
        QCOMPARE(result.nodes.at("good").status, NodeStatus::Done);
        QCOMPARE(result.nodes.at("src").status, NodeStatus::Done);
        QCOMPARE(observer.of("bad").back().kind, Kind::Failed);
        QCOMPARE(observer.of("after").back().kind, Kind::Skipped);
        QCOMPARE(observer.of("good").back().kind, Kind::Finished);
        // The engine is fine afterwards.
        QVERIFY(engine.run(g, {}, nullptr).nodes.at("good").status == NodeStatus::Done);
    }

    void nodesThatCannotRunFailWithTheReason() {
        Graph g;
        g.addNode(testNode("unknown", "t.no_such_type"));
        g.addNode(testNode("unwired", "t.add"));
        g.addNode(testNode("badParam", "t.source", {{"ms", -5}}));
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g);
        const auto message = [&](const char* id) { return result.nodes.at(id).message; };
        QCOMPARE(result.count(NodeStatus::Failed), 3);
        QVERIFY(message("unknown").find("t.no_such_type") != std::string::npos);
        QVERIFY(message("unwired").find("'table' is not connected") != std::string::npos);
        // Named as the inspector labels it ("Sleep"), not by its key "ms".
        QVERIFY2(message("badParam").find("Sleep: must be at least 0") != std::string::npos,
                 message("badParam").c_str());
        QVERIFY(runLog().take().empty());  // none of them ran
    }

    void everyNodeFollowsTheEventSequence() {
        Graph g;
        g.addNode(testNode("a", "t.source"));
        g.addNode(testNode("b", "t.stream", {{"points", 20}}));
        g.addNode(testNode("c", "t.fail"));
        g.addNode(testNode("d", "t.add"));
        wire(g, "a", "b");
        wire(g, "b", "c");
        wire(g, "c", "d");
        Engine engine(engineTestNodes());
        RecordingObserver observer;
        engine.run(g, {}, &observer);
        QVERIFY(!observer.overlapped);
        QCOMPARE(observer.events.front().kind, Kind::RunStarted);
        QCOMPARE(observer.events.back().kind, Kind::RunFinished);
        auto kinds = [&](const char* node) {
            std::vector<Kind> out;
            for (const auto& e : observer.of(node))
                if (e.kind != Kind::Progress && e.kind != Kind::Metrics && e.kind != Kind::Log)
                    out.push_back(e.kind);
            return out;
        };
        QCOMPARE(kinds("a"), (std::vector<Kind>{Kind::Queued, Kind::Started, Kind::Finished}));
        QCOMPARE(kinds("b"), (std::vector<Kind>{Kind::Queued, Kind::Started, Kind::Finished}));
        QCOMPARE(kinds("c"), (std::vector<Kind>{Kind::Queued, Kind::Started, Kind::Failed}));
        QCOMPARE(kinds("d"), (std::vector<Kind>{Kind::Queued, Kind::Skipped}));
        const auto finished = observer.of("a").back();
        QCOMPARE(finished.outputs.size(), std::size_t(1));
        QCOMPARE(finished.outputs[0].port, std::string("table"));
        QVERIFY(finished.outputs[0].text.find("1 row") != std::string::npos);
        // The log line arrives between Started and Finished.
        const auto bEvents = observer.of("b");
        QVERIFY(std::any_of(bEvents.begin(), bEvents.end(),
                            [](const RunEvent& e) { return e.kind == Kind::Log; }));
    }

    void runToRunsOnlyTheUpstream() {
        Graph g;
        g.addNode(testNode("a", "t.source"));
        g.addNode(testNode("b", "t.add"));
        g.addNode(testNode("c", "t.add"));
        g.addNode(testNode("other", "t.source"));
        wire(g, "a", "b");
        wire(g, "b", "c");
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g, {.runTo = "b"});
        QVERIFY(result.ok());
        QCOMPARE(result.nodes.size(), std::size_t(2));
        QCOMPARE(runLog().nodesRun(), (std::vector<std::string>{"a", "b"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, engine.run(g, {.runTo = "nope"}));
    }

    void aCycleFailsEveryNodeWithoutRunning() {
        Graph g;
        g.addNode(testNode("a", "t.add"));
        g.addNode(testNode("b", "t.add"));
        wire(g, "a", "b");
        wire(g, "b", "a");
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g);
        QCOMPARE(result.count(NodeStatus::Failed), 2);
        QVERIFY(result.nodes.at("a").message.find("cycle") != std::string::npos);
    }

    void emptyGraphRunsAtOnce() {
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(Graph{});
        QVERIFY(result.ok());
        QVERIFY(result.nodes.empty());
    }

    void wideFanOutCompletes() {
        Graph g;
        g.addNode(testNode("src", "t.source"));
        for (int i = 0; i < 300; ++i) {
            const std::string id = "n" + std::to_string(i);
            g.addNode(testNode(id, "t.add", {{"add", double(i)}}));
            wire(g, "src", id);
        }
        Engine engine(engineTestNodes());
        const RunResult result = engine.run(g);
        QVERIFY(result.ok());
        QCOMPARE(result.count(NodeStatus::Done), 301);
        QCOMPARE(valueOf(std::get<TablePtr>(result.nodes.at("n299").outputs.at("table"))), 300.0);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestEngineScheduling)
#include "test_engine_scheduling.moc"
