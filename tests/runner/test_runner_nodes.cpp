// sluice-run nodes [--json]: the catalog as programs and people read it,
// checked against the registry it is generated from (every node type, each
// port and parameter with its declared kind, default and range). The command
// line that selects it is in test_runner_options.
#include <QtTest>

#include <set>
#include <sstream>

#include "app/runner/exit_codes.h"
#include "app/runner/nodes_command.h"
#include "nodes/node_registry.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::runner;

namespace {

std::string commandOutput(bool json) {
    RunnerOptions options;
    options.command = RunnerOptions::Command::Nodes;
    options.nodesJson = json;
    std::ostringstream out;
    if (runNodesCommand(options, out) != kExitOk)
        return {};
    return out.str();
}

}  // namespace

class TestRunnerNodes : public QObject {
    Q_OBJECT

private slots:
    void jsonListsEveryNodeAsDeclared() {
        const auto catalog = nlohmann::json::parse(commandOutput(true));
        QCOMPARE(catalog.at("format").get<std::string>(), std::string("sluice-node-catalog"));
        const auto& nodes = catalog.at("nodes");
        const auto all = builtinNodes().all();
        QCOMPARE(nodes.size(), all.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            const NodeInfo& info = all[i]->info();
            const auto& n = nodes[i];
            QCOMPARE(n.at("id").get<std::string>(), info.id);
            QCOMPARE(n.at("name").get<std::string>(), info.displayName);
            QCOMPARE(n.at("category").get<std::string>(), std::string(categoryName(info.category)));
            QCOMPARE(n.at("inputs").size(), info.inputs.size());
            QCOMPARE(n.at("outputs").size(), info.outputs.size());
            QCOMPARE(n.at("params").size(), info.params.size());
            for (std::size_t k = 0; k < info.params.size(); ++k) {
                const ParamSpec& spec = info.params[k];
                const auto& p = n.at("params")[k];
                QCOMPARE(p.at("name").get<std::string>(), spec.name);
                QCOMPARE(p.at("kind").get<std::string>(), std::string(paramKindName(spec.kind)));
                QCOMPARE(p.at("default"), spec.defaultValue);
                QCOMPARE(p.contains("min"), spec.min.has_value());
                if (spec.min)
                    QCOMPARE(p.at("min").get<double>(), *spec.min);
                QCOMPARE(p.contains("choices"), !spec.choices.empty());
                QVERIFY2(!p.at("help").get<std::string>().empty(),
                         (info.id + "." + spec.name).c_str());
            }
        }
    }

    void knownNodesCarryTheirDetails() {
        const auto catalog = nlohmann::json::parse(commandOutput(true));
        std::set<std::string> ids;
        nlohmann::json kmeans, split;
        for (const auto& n : catalog.at("nodes")) {
            ids.insert(n.at("id").get<std::string>());
            if (n.at("id") == "train.kmeans")
                kmeans = n;
            if (n.at("id") == "transform.train_test_split")
                split = n;
        }
        for (const char* id :
             {"data.read_csv", "transform.filter_rows", "train.random_forest_classifier",
              "evaluate.cross_validate", "output.save_model"})
            QVERIFY2(ids.count(id), id);
        QVERIFY(!ids.count("train.pca"));  // PCA is transform.pca
        QVERIFY(!kmeans.is_null() && !split.is_null());
        // A learner's ranges come from its LearnerSpec.
        for (const auto& p : kmeans.at("params"))
            if (p.at("name") == "n_clusters") {
                QCOMPARE(p.at("min").get<double>(), 1.0);
                QCOMPARE(p.at("default").get<int>(), 8);
            }
        QCOMPARE(split.at("outputs")[0].at("type").get<std::string>(), std::string("Table"));
    }

    void textIsGroupedByCategory() {
        const std::string text = commandOutput(false);
        const auto data = text.find("Data\n"), transform = text.find("\nTransform\n"),
                   train = text.find("\nTrain\n"), evaluate = text.find("\nEvaluate\n");
        QVERIFY(data == 0);
        QVERIFY(data < transform && transform < train && train < evaluate);
        QVERIFY(text.find("  transform.filter_rows  Filter rows\n") != std::string::npos);
        QVERIFY(text.find("    param n_clusters (int, default 8, 1 to 10000): How many clusters to "
                          "find.\n") != std::string::npos);
        QVERIFY(text.find("    in  table: Table\n") != std::string::npos);
        for (const NodeType* type : builtinNodes().all())
            QVERIFY2(text.find("  " + type->id() + "  ") != std::string::npos, type->id().c_str());
    }
};

SLUICE_TEST_APPLESS_MAIN(TestRunnerNodes)
#include "test_runner_nodes.moc"
