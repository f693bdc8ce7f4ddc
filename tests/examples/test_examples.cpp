// The bundled example pipelines (resources/examples/*.sluice): each loads
// without a warning, saves back byte-identically, runs headless with every
// node Done, and every metric its Score, ROC curve, Confusion matrix and
// Cross-validate nodes report, and every k-means model's inertia, lies
// within 0.02 of what scikit-learn scores on exactly the same rows (over its
// seeds, for learners with randomness): tests/examples/fixtures/
// example_score_ranges.json, written by bench/example_score_ranges.py from
// each example's exported script. Every example must have an entry there,
// so a new one cannot skip the check.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "graph/connection_rules.h"
#include "ml/cluster/kmeans.h"
#include "ml/pipeline/trained_pipeline.h"
#include "nodes/results.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> exampleFiles() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(SLUICE_EXAMPLES_DIR))
        if (entry.is_regular_file() && entry.path().extension() == ".sluice")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// How many metric points each node streamed, per metric name.
class StreamCounter : public engine::RunObserver {
public:
    void onEvent(const engine::RunEvent& event) override {
        if (event.kind != engine::RunEvent::Kind::Metrics)
            return;
        std::lock_guard lock(mutex_);
        for (const auto& point : event.metrics)
            ++points[event.node][point.name];
    }
    std::map<std::string, std::map<std::string, int>> points;

private:
    std::mutex mutex_;
};

}  // namespace

class TestExamples : public QObject {
    Q_OBJECT

    nlohmann::json ranges_;

private slots:
    void initTestCase() {
        const std::string text = readFile(SLUICE_EXAMPLE_RANGES);
        QVERIFY2(!text.empty(), "cannot read " SLUICE_EXAMPLE_RANGES);
        ranges_ = nlohmann::json::parse(text);
        QVERIFY(ranges_.contains("examples"));
        QVERIFY(!exampleFiles().empty());
    }

    void everyExampleHasRanges() {
        std::set<std::string> files;
        for (const auto& path : exampleFiles()) {
            const std::string name = path.filename().string();
            files.insert(name);
            QVERIFY2(std::as_const(ranges_).at("examples").contains(name),
                     (name +
                      " has no entry in example_score_ranges.json: run "
                      "/usr/bin/python3 bench/example_score_ranges.py --only " +
                      name)
                         .c_str());
        }
        for (const auto& [name, entry] : std::as_const(ranges_).at("examples").items())
            QVERIFY2(files.count(name), (name + " has ranges but no example file").c_str());
    }

    void loadsCleanAndSavesByteIdentically_data() {
        QTest::addColumn<QString>("path");
        for (const auto& path : exampleFiles())
            QTest::newRow(path.filename().string().c_str())
                << QString::fromStdString(path.string());
    }

    void loadsCleanAndSavesByteIdentically() {
        QFETCH(QString, path);
        const fs::path file = path.toStdString();
        const PipelineLoadResult loaded = loadPipeline(file.string());
        for (const auto& w : loaded.warnings)
            qWarning("%s", w.message.c_str());
        QVERIFY(loaded.warnings.empty());
        for (const auto& problem : validate(loaded.graph, builtinNodes()))
            QFAIL(problem.message.c_str());

        const Graph& g = loaded.graph;
        QVERIFY(!g.meta.value("name", "").empty());
        QVERIFY(!g.meta.value("description", "").empty());
        for (const auto& node : g.nodes())
            QVERIFY2(!node.title.empty(), ("node '" + node.id + "' has no title").c_str());

        const std::string text = readFile(file);
        QCOMPARE(pipelineToText(g, file.parent_path().string()), text);
    }

    void runsWithinScikitLearnRanges_data() { loadsCleanAndSavesByteIdentically_data(); }

    void runsWithinScikitLearnRanges() {
        QFETCH(QString, path);
        const fs::path file = path.toStdString();
        const std::string name = file.filename().string();
        const PipelineLoadResult loaded = loadPipeline(file.string());
        QVERIFY(loaded.warnings.empty());
        const Graph& g = loaded.graph;

        engine::Engine eng;
        StreamCounter streams;
        const auto start = std::chrono::steady_clock::now();
        const engine::RunResult result =
            eng.run(g, {.baseDirectory = file.parent_path().string()}, &streams);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        qInfo("%s: %zu nodes in %.2f s", name.c_str(), g.nodes().size(), seconds);

        for (const auto& node : g.nodes()) {
            const auto it = result.nodes.find(node.id);
            QVERIFY2(it != result.nodes.end(), ("node '" + node.id + "' did not run").c_str());
            QVERIFY2(
                it->second.status == engine::NodeStatus::Done,
                ("node '" + node.id + "' is " + std::string(engine::statusName(it->second.status)) +
                 ": " + it->second.message)
                    .c_str());
        }
        QVERIFY(result.ok());

        // Every metric reported must have a range and lie in it; every range
        // must have been reported.
        const nlohmann::json& examples = std::as_const(ranges_).at("examples");
        QVERIFY2(examples.contains(name),
                 (name + ": no ranges (see everyExampleHasRanges)").c_str());
        const nlohmann::json& expected = examples.at(name);
        std::set<std::pair<std::string, std::string>> seen;
        QStringList outside;
        for (const auto& node : g.nodes()) {
            const engine::NodeOutcome& outcome = result.nodes.at(node.id);
            for (const auto& [port, value] : outcome.outputs) {
                std::map<std::string, double> reported;
                if (const auto* results = std::get_if<ResultsValue>(&value); results && *results)
                    reported = (*results)->metrics;
                // A clustering has no score node: its fitted inertia is the figure.
                if (const auto* model = std::get_if<ModelValue>(&value); model && *model)
                    if (const auto* kmeans =
                            dynamic_cast<const ml::KMeansModel*>(&(*model)->model()))
                        reported["inertia"] = kmeans->inertia();
                for (const auto& [metric, v] : reported) {
                    seen.insert({node.id, metric});
                    QVERIFY2(expected.contains(node.id) && expected[node.id].contains(metric),
                             (name + ": node '" + node.id + "' reports '" + metric +
                              "' but example_score_ranges.json has no range for it; rerun "
                              "bench/example_score_ranges.py")
                                 .c_str());
                    const auto& r = expected[node.id][metric];
                    const double lo = r.at("min").get<double>(), hi = r.at("max").get<double>();
                    const bool in = v >= lo && v <= hi;
                    qInfo("  %-16s %-42s %9.4f  sklearn [%.4f, %.4f] mean %.4f%s", node.id.c_str(),
                          metric.c_str(), v, lo, hi, r.at("sklearn_mean").get<double>(),
                          in ? "" : "  OUTSIDE");
                    if (!in)
                        outside << QString::fromStdString(node.id + " " + metric);
                }
            }
        }
        for (const auto& [node, metrics] : expected.items())
            for (const auto& [metric, r] : metrics.items())
                QVERIFY2(seen.count({node, metric}),
                         (name + ": a range for node '" + node + "' metric '" + metric +
                          "' but the run reported no such metric")
                             .c_str());
        QVERIFY2(outside.isEmpty(),
                 qPrintable(QString::fromStdString(name) +
                            ": outside scikit-learn's range: " + outside.join(", ")));

        // A network trained with early stopping draws both loss curves live.
        for (const auto& node : g.nodes()) {
            if (node.type.rfind("train.mlp_", 0) != 0 ||
                !node.params.value("early_stopping", false))
                continue;
            const auto& points = streams.points[node.id];
            qInfo("  %s streamed %d train_loss and %d validation_loss points", node.id.c_str(),
                  points.count("train_loss") ? points.at("train_loss") : 0,
                  points.count("validation_loss") ? points.at("validation_loss") : 0);
            QVERIFY(points.count("train_loss") && points.at("train_loss") >= 10);
            QVERIFY(points.count("validation_loss") &&
                    points.at("validation_loss") == points.at("train_loss"));
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestExamples)
#include "test_examples.moc"
