// Issue 24: loading, planning and running grew with the square of a graph's
// length (a 20,000-node chain took 7 s, 2,500 took 0.2 s): the graph looked
// nodes and edges up by scanning its lists. Time figures live in
// bench/bench_engine; this test only checks the shape of the growth, with a
// bound far from both: four times the nodes must cost well under eight times
// the time (linear work gives about four, the quadratic code gave sixteen).
// The best of three tries at each size keeps a busy machine from deciding.
#include <QtTest>
#include <algorithm>
#include <chrono>

#include "engine/engine.h"
#include "engine_test_nodes.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::testing;

namespace {

std::string chainText(int n) {
    Graph g;
    GraphNode source;
    source.id = "n0";
    source.type = "t.source";
    source.params = {{"value", 1.0}};
    g.addNode(source);
    for (int i = 1; i < n; ++i) {
        GraphNode add;
        add.id = "n" + std::to_string(i);
        add.type = "t.add";
        add.params = {{"add", 1.0}};
        g.addNode(add);
        g.addEdge({{"n" + std::to_string(i - 1), "table"}, {add.id, "table"}});
    }
    return pipelineToText(g, "", engineTestNodes());
}

// Seconds to load the text and run every node, the best of `tries`.
double loadAndRun(const std::string& text, int nodes, int tries) {
    double best = 1e9;
    for (int i = 0; i < tries; ++i) {
        engine::Engine engine(engineTestNodes());
        const auto t0 = std::chrono::steady_clock::now();
        const PipelineLoadResult loaded = pipelineFromText(text, "", engineTestNodes(), "chain");
        const engine::RunResult result = engine.run(loaded.graph, {});
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        runLog().take();
        if (!result.ok() || static_cast<int>(result.nodes.size()) != nodes)
            return -1;
        best = std::min(best, s);
    }
    return best;
}

}  // namespace

class TestEngineScaling : public QObject {
    Q_OBJECT

private slots:
    void aChainFourTimesLongerTakesAboutFourTimesLonger() {
        const std::string shortChain = chainText(2500), longChain = chainText(10000);
        loadAndRun(shortChain, 2500, 1);  // warm the allocator and the pool
        const double shortTime = loadAndRun(shortChain, 2500, 3);
        const double longTime = loadAndRun(longChain, 10000, 3);
        QVERIFY(shortTime > 0 && longTime > 0);
        const double ratio = longTime / shortTime;
        qInfo("2,500 nodes %.1f ms, 10,000 nodes %.1f ms: %.1fx", shortTime * 1e3, longTime * 1e3,
              ratio);
        QVERIFY2(ratio < 8.0, qPrintable(QString("%1x").arg(ratio)));
    }

    void aFailureAtTheHeadOfALongChainSkipsItWithoutRecursion() {
        // The skip used to recurse once per node: 200,000 frames on a
        // worker's stack. Now a worklist.
        Graph g;
        GraphNode head;
        head.id = "n0";
        head.type = "t.source";
        g.addNode(head);
        GraphNode fail;
        fail.id = "n1";
        fail.type = "t.fail";
        g.addNode(fail);
        g.addEdge({{"n0", "table"}, {"n1", "table"}});
        constexpr int kLength = 200000;
        for (int i = 2; i < kLength; ++i) {
            GraphNode add;
            add.id = "n" + std::to_string(i);
            add.type = "t.add";
            g.addNode(add);
            g.addEdge({{"n" + std::to_string(i - 1), "table"}, {add.id, "table"}});
        }
        engine::Engine engine(engineTestNodes());
        const engine::RunResult result = engine.run(g, {});
        runLog().take();
        QCOMPARE(result.nodes.at("n1").status, engine::NodeStatus::Failed);
        QCOMPARE(result.nodes.at("n" + std::to_string(kLength - 1)).status,
                 engine::NodeStatus::Skipped);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestEngineScaling)
#include "test_engine_scaling.moc"
