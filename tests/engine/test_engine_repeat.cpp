// A hundred runs in a row of a real pipeline, alternating cached re-runs,
// parameter changes, failures and cancellations. Under AddressSanitizer (CI's
// sanitizer build) this is the leak and use-after-free check; here it also
// checks every run comes out the same.
#include <QtTest>

#include "engine/engine.h"
#include "engine_test_support.h"
#include "nodes/results.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::engine;
using namespace sluice::testing;

namespace {

Graph irisLike(int seed) {
    Graph g;
    auto add = [&](std::string id, std::string type, nlohmann::json params) {
        GraphNode n;
        n.id = std::move(id);
        n.type = std::move(type);
        n.params = std::move(params);
        g.addNode(std::move(n));
    };
    add("data", "data.synthetic",
        {{"kind", "blobs"}, {"n_rows", 300}, {"n_features", 4}, {"seed", seed}});
    add("split", "transform.train_test_split", {{"test_fraction", 0.3}, {"seed", 0}});
    add("scale", "transform.scale", nlohmann::json::object());
    add("tree", "train.decision_tree_classifier", {{"max_depth", 3}});
    add("knn", "train.knn_classifier", nlohmann::json::object());
    add("predict", "evaluate.predict", nlohmann::json::object());
    add("score", "evaluate.score", nlohmann::json::object());
    g.addEdge({{"data", "table"}, {"split", "table"}});
    g.addEdge({{"split", "train"}, {"scale", "train"}});
    g.addEdge({{"split", "test"}, {"scale", "apply"}});
    g.addEdge({{"scale", "train"}, {"tree", "train"}});
    g.addEdge({{"scale", "train"}, {"knn", "train"}});
    g.addEdge({{"tree", "model"}, {"predict", "model"}});
    g.addEdge({{"scale", "apply"}, {"predict", "table"}});
    g.addEdge({{"predict", "predictions"}, {"score", "predictions"}});
    return g;
}

}  // namespace

class TestEngineRepeat : public QObject {
    Q_OBJECT

private slots:
    void hundredRunsInARow() {
        Engine engine;
        RecordingObserver observer;
        std::map<int, double> accuracyOfSeed;
        for (int run = 0; run < 100; ++run) {
            const int seed = run % 3;
            Graph g = irisLike(seed);
            if (run % 10 == 7)
                g.setParams("tree", {{"max_depth", -1}});  // invalid: fails alone
            if (run % 10 == 9)
                engine.cancel();  // stale request from before the run: ignored
            observer.events.clear();
            const RunResult result = engine.run(g, {}, &observer);
            QVERIFY(!result.cancelled);
            QVERIFY2(result.nodes.at("knn").status == NodeStatus::Done,
                     result.nodes.at("knn").message.c_str());
            if (run % 10 == 7) {
                QCOMPARE(result.nodes.at("tree").status, NodeStatus::Failed);
                QCOMPARE(result.nodes.at("score").status, NodeStatus::Skipped);
                continue;
            }
            QVERIFY2(result.ok(), qPrintable(QString::number(run)));
            const auto& results =
                std::get<ResultsValue>(result.nodes.at("score").outputs.at("results"));
            const double accuracy = results->metrics.at("accuracy");
            if (accuracyOfSeed.count(seed))
                QCOMPARE(accuracy, accuracyOfSeed[seed]);
            accuracyOfSeed[seed] = accuracy;
        }
        QVERIFY(engine.cacheSize() <= 7);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestEngineRepeat)
#include "test_engine_repeat.moc"
