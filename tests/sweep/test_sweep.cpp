// model/sweep: parsing axes, validating them against ParamSpecs, grid and
// random combinations, the expanded graph (shared upstream, clone ids), and
// real sweeps on the iris example whose rows match single runs.
#include <QtTest>

#include "engine/engine.h"
#include "nodes/results.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"
#include "sweep/result_reporting.h"
#include "sweep/sweep_graph.h"
#include "sweep/sweep_result.h"

using namespace sluice;
using namespace sluice::sweep;
using nlohmann::json;

namespace {

Graph irisGraph() {
    return loadPipeline(std::string(SLUICE_EXAMPLES_DIR) + "/iris.sluice", builtinNodes()).graph;
}

Axis axis(const Graph& g, const std::string& node, const std::string& param,
          const std::string& values) {
    return makeAxis(g, builtinNodes(), node, param, parseAxisValues(values));
}

// The message of the SweepError `f` throws ("" if none).
template <class F>
QString errorOf(F f) {
    try {
        f();
    } catch (const SweepError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

std::vector<double> numbers(const std::vector<json>& values) {
    std::vector<double> out;
    for (const auto& v : values)
        out.push_back(v.get<double>());
    return out;
}

}  // namespace

class TestSweep : public QObject {
    Q_OBJECT

private slots:
    void parsesListsAndRanges() {
        auto list = parseAxisValues("1, 2.5,gini, true");
        QCOMPARE(list.list.size(), std::size_t(4));
        QVERIFY(list.list[0].is_number_integer());
        QCOMPARE(list.list[1].get<double>(), 2.5);
        QCOMPARE(list.list[2], json("gini"));
        QCOMPARE(list.list[3], json(true));
        QVERIFY(!list.range);

        auto lin = parseAxisValues("0..1:5");
        QCOMPARE(numbers(lin.list), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
        auto log = parseAxisValues("0.001..0.1:log:3");
        QCOMPARE(log.list.size(), std::size_t(3));
        QCOMPARE(log.list[0].get<double>(), 0.001);
        QVERIFY(std::abs(log.list[1].get<double>() - 0.01) < 1e-12);
        QCOMPARE(log.list[2].get<double>(), 0.1);
        QCOMPARE(numbers(parseAxisValues("2..20:step:6").list),
                 (std::vector<double>{2, 8, 14, 20}));
        QCOMPARE(numbers(parseAxisValues("1..1000:log:step:10").list),
                 (std::vector<double>{1, 10, 100, 1000}));
    }

    void badValueTextIsNamed() {
        QVERIFY(errorOf([] { parseAxisValues(""); }).contains("no values"));
        QVERIFY(errorOf([] { parseAxisValues("1,,2"); }).contains("empty item"));
        QVERIFY(errorOf([] { parseAxisValues("0..1:log:3"); }).contains("above zero"));
        QVERIFY(errorOf([] { parseAxisValues("1..x:3"); }).contains("'x' is not a number"));
        QVERIFY(errorOf([] { parseAxisValues("1..5:0"); }).contains("count"));
        QVERIFY(errorOf([] { parseAxisValues("1..5:step:0"); }).contains("step must be above 0"));
        QVERIFY(errorOf([] { parseAxisValues("1..5:lin:3"); }).contains("FROM..TO:COUNT"));
        QVERIFY(errorOf([] { parseAxisValues("1..1e9:step:1"); }).contains("more than 1000"));
    }

    void validatesAgainstParamSpecs() {
        const Graph g = irisGraph();
        QCOMPARE(errorOf([&] { axis(g, "nope", "x", "1"); }),
                 QString("sweep nope.x: the pipeline has no node 'nope'"));
        QVERIFY(errorOf([&] { axis(g, "forest", "depth", "1"); })
                    .startsWith("sweep forest.depth: train.random_forest_classifier has no "
                                "parameter 'depth' (parameters: "));
        QVERIFY(errorOf([&] {
                    axis(g, "read", "path", "a.csv");
                }).contains("sweep read.path: a path parameter cannot be swept"));
        QVERIFY(errorOf([&] {
                    axis(g, "forest", "target", "species");
                }).contains("a column parameter cannot be swept"));
        QCOMPARE(errorOf([&] { axis(g, "forest", "max_depth", "2,-1"); }),
                 QString("sweep forest.max_depth = -1: must be at least 0, not -1"));
        QVERIFY(errorOf([&] {
                    axis(g, "forest", "max_depth", "2.5");
                }).startsWith("sweep forest.max_depth = 2.5: must be a whole number"));
        QVERIFY(errorOf([&] {
                    axis(g, "forest", "criterion", "gini,bogus");
                }).startsWith("sweep forest.criterion = bogus:"));
        QVERIFY(errorOf([&] {
                    axis(g, "forest", "criterion", "1..3:3");
                }).contains("a range needs a number parameter"));

        // An int range is rounded, duplicates dropped; float lists become floats.
        const Axis depth = axis(g, "forest", "max_depth", "1..10:log:5");
        QCOMPARE(depth.values, (std::vector<json>{1, 2, 3, 6, 10}));
        QVERIFY(depth.integer);
        const Axis c = axis(g, "logreg", "C", "1,10");
        QVERIFY(c.values[0].is_number_float());
    }

    void gridAndCap() {
        const Graph g = irisGraph();
        SweepSpec spec;
        spec.axes = {axis(g, "forest", "max_depth", "1,2,3"),
                     axis(g, "forest", "criterion", "gini,entropy")};
        const auto grid = combinations(spec);
        QCOMPARE(grid.size(), std::size_t(6));
        QCOMPARE(grid[0], (Combination{1, "gini"}));
        QCOMPARE(grid[1], (Combination{1, "entropy"}));  // the last axis varies fastest
        QCOMPARE(grid[5], (Combination{3, "entropy"}));

        spec.axes = {axis(g, "forest", "n_estimators", "1..100:step:1"),
                     axis(g, "forest", "max_depth", "0..19:step:1")};
        QCOMPARE(errorOf([&] { combinations(spec); }),
                 QString("the sweep would run 2000 combinations; the limit is 1000 (use fewer "
                         "values, or a random sweep with fewer samples)"));
        spec.axes.push_back(spec.axes[0]);
        QVERIFY(errorOf([&] { combinations(spec); }).contains("is given twice"));
        spec.axes.clear();
        QVERIFY(errorOf([&] { combinations(spec); }).contains("at least one parameter"));
    }

    void randomIsReproducible() {
        const Graph g = irisGraph();
        SweepSpec spec;
        spec.mode = SweepMode::Random;
        spec.samples = 5;
        spec.seed = 7;
        spec.axes = {axis(g, "forest", "max_depth", "1,2,3,4"),
                     axis(g, "forest", "criterion", "gini,entropy")};
        const auto a = combinations(spec), b = combinations(spec);
        QCOMPARE(a, b);
        QCOMPARE(a.size(), std::size_t(5));
        std::set<Combination> distinct(a.begin(), a.end());
        QCOMPARE(distinct.size(), std::size_t(5));  // lists: distinct grid points
        spec.seed = 8;
        QVERIFY(combinations(spec) != a);
        spec.samples = 50;  // more than the grid: the whole grid
        QCOMPARE(combinations(spec).size(), std::size_t(8));

        // A range is sampled inside it; an int parameter gets whole numbers.
        spec.axes = {axis(g, "logreg", "C", "0.01..100:log:3"),
                     axis(g, "forest", "max_depth", "1..20:3")};
        spec.samples = 30;
        const auto r = combinations(spec);
        QCOMPARE(r, combinations(spec));
        bool offGrid = false;
        for (const auto& c : r) {
            QVERIFY(c[0].get<double>() >= 0.01 && c[0].get<double>() <= 100);
            QVERIFY(c[1].is_number_integer());
            QVERIFY(c[1].get<int>() >= 1 && c[1].get<int>() <= 20);
            offGrid = offGrid || (c[0] != json(0.01) && c[0] != json(1.0) && c[0] != json(100.0));
        }
        QVERIFY(offGrid);
    }

    void expansionSharesUpstreamAndClonesDownstream() {
        const Graph g = irisGraph();
        SweepSpec spec;
        spec.axes = {axis(g, "forest", "max_depth", "2,4,8")};
        const SweepGraph s = planSweep(g, spec);
        // forest feeds predict_forest -> score_forest, and cv.
        QCOMPARE(s.clonedNodes,
                 (std::vector<std::string>{"forest", "predict_forest", "score_forest", "cv"}));
        for (const char* shared :
             {"read", "columns", "split", "scale", "logreg", "predict_logreg", "score_logreg"}) {
            QVERIFY2(s.graph.node(shared), shared);
            QVERIFY(s.isShared(shared));
        }
        QVERIFY(!s.graph.node("forest"));
        QCOMPARE(s.graph.nodes().size(), std::size_t(7 + 4 * 3));
        QCOMPARE(s.clones[2].at("score_forest"), std::string("score_forest@3"));
        QCOMPARE(s.graph.node("forest@2")->params["max_depth"], json(4));
        QCOMPARE(s.graph.node("forest@2")->title,
                 std::string("Random forest (100 trees) [max_depth=4]"));
        // The clone of cv takes the shared logistic learner and this combination's forest.
        QVERIFY(s.graph.edgeInto({"cv@3", "learner_1"})->from == (Endpoint{"logreg", "learner"}));
        QVERIFY(s.graph.edgeInto({"cv@3", "learner_2"})->from == (Endpoint{"forest@3", "learner"}));
        QVERIFY(s.graph.edgeInto({"forest@1", "train"})->from == (Endpoint{"scale", "train"}));
        QCOMPARE(s.graph.edges().size(), std::size_t(8 + 7 * 3));  // 7 edges lead into clones

        // Two axes on separate branches: each branch cloned once per own value.
        spec.axes.push_back(axis(g, "logreg", "C", "0.1,1"));
        const SweepGraph two = planSweep(g, spec);
        QCOMPARE(two.combinations.size(), std::size_t(6));
        int logregs = 0, forests = 0, cvs = 0;
        for (const auto& n : two.graph.nodes()) {
            logregs += n.id.rfind("logreg@", 0) == 0;
            forests += n.id.rfind("forest@", 0) == 0;
            cvs += n.id.rfind("cv@", 0) == 0;
        }
        QCOMPARE(logregs, 2);
        QCOMPARE(forests, 3);
        QCOMPARE(cvs, 6);  // cv depends on both
        QCOMPARE(two.clones[1].at("logreg"), std::string("logreg@2"));
        QCOMPARE(two.clones[2].at("logreg"), std::string("logreg@1"));  // C=0.1 again
        QCOMPARE(two.usedBy.at("logreg@1"), (std::vector<std::size_t>{0, 2, 4}));

        Graph clash = g;
        GraphNode taken;
        taken.id = "forest@1";
        taken.type = "evaluate.score";
        clash.addNode(taken);
        QVERIFY(errorOf([&] { planSweep(clash, spec); }).contains("already has a node 'forest@1'"));
    }

    void metricDirections() {
        QCOMPARE(goalOf("accuracy"), std::optional(MetricGoal::Maximize));
        QCOMPARE(goalOf("r2"), std::optional(MetricGoal::Maximize));
        QCOMPARE(goalOf("roc_auc"), std::optional(MetricGoal::Maximize));
        QCOMPARE(goalOf("Random forest accuracy"), std::optional(MetricGoal::Maximize));
        QCOMPARE(goalOf("rmse"), std::optional(MetricGoal::Minimize));
        QCOMPARE(goalOf("mse"), std::optional(MetricGoal::Minimize));
        QCOMPARE(goalOf("mae"), std::optional(MetricGoal::Minimize));
        QCOMPARE(goalOf("log_loss"), std::optional(MetricGoal::Minimize));
        QCOMPARE(goalOf("n_iter"), std::nullopt);

        SweepResult r;
        r.metrics = {"score.rmse", "score.r2", "fit.n_iter"};
        for (double rmse : {3.0, 1.0, 2.0}) {
            SweepRow row;
            row.status = engine::NodeStatus::Done;
            row.metrics = {{"score.rmse", rmse}, {"score.r2", 1 - rmse / 10}, {"fit.n_iter", rmse}};
            r.rows.push_back(row);
        }
        r.rows[1].status = engine::NodeStatus::Failed;  // its 1.0 does not count
        const auto automatic = chooseMetric(r, "");
        QCOMPARE(automatic.column, std::string("score.r2"));
        QCOMPARE(bestRow(r, automatic), std::optional<std::size_t>(2));
        QCOMPARE(bestRow(r, chooseMetric(r, "rmse")), std::optional<std::size_t>(2));
        QCOMPARE(bestRow(r, chooseMetric(r, "score.rmse:max")), std::optional<std::size_t>(0));
        QVERIFY(errorOf([&] { chooseMetric(r, "n_iter"); }).contains("n_iter:max or n_iter:min"));
        QCOMPARE(bestRow(r, chooseMetric(r, "n_iter:min")), std::optional<std::size_t>(2));
        QVERIFY(errorOf([&] {
                    chooseMetric(r, "accuracy");
                }).contains("no metric 'accuracy' (metrics: score.rmse, score.r2, fit.n_iter)"));
    }

    // The real thing: every row equals a normal run of that setting alone.
    void realSweepMatchesSingleRuns() {
        const Graph g = irisGraph();
        const std::string base = SLUICE_EXAMPLES_DIR;
        SweepSpec spec;
        spec.axes = {axis(g, "forest", "max_depth", "1,2,3,6")};
        const SweepGraph plan = planSweep(g, spec);
        const auto reporting = withResultReporting(builtinNodes());
        engine::Engine engine(*reporting);
        engine::RunOptions options;
        options.baseDirectory = base;
        options.threads = 2;

        struct Recorder : engine::RunObserver {
            explicit Recorder(const SweepGraph& p) : progress(p) {}
            void onEvent(const engine::RunEvent& e) override {
                if (e.kind == engine::RunEvent::Kind::Started)
                    ++started[e.node];
                progress.onEvent(e);
            }
            std::map<std::string, int> started;
            SweepProgress progress;
        } recorder(plan);
        const auto run = engine.run(plan.graph, options, &recorder);
        QVERIFY(run.ok());
        QCOMPARE(recorder.started["split"], 1);  // shared: ran once for all four
        QCOMPARE(recorder.started["forest@4"], 1);

        const SweepResult result = collectSweep(plan, run);
        QCOMPARE(result.rows.size(), std::size_t(4));
        const auto metric = chooseMetric(result, "");
        QCOMPARE(metric.column, std::string("score_forest.accuracy"));
        const auto best = bestRow(result, metric);
        QVERIFY(best.has_value());
        // The live rows saw the same scores as the final table.
        for (std::size_t i = 0; i < 4; ++i) {
            QVERIFY(recorder.progress.rowComplete(i));
            QCOMPARE(recorder.progress.result().rows[i].metrics.at(metric.column),
                     result.rows[i].metrics.at(metric.column));
            QCOMPARE(recorder.progress.result().rows[i].status, engine::NodeStatus::Done);
        }

        double bestSingle = -1;
        std::size_t bestSingleRow = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            Graph single = g;
            json params = single.node("forest")->params;
            params["max_depth"] = spec.axes[0].values[i];
            single.setParams("forest", params);
            engine::Engine plain;
            const auto one = plain.run(single, options);
            QVERIFY(one.ok());
            const auto& results =
                std::get<ResultsValue>(one.nodes.at("score_forest").outputs.at("results"));
            const double acc = results->metrics.at("accuracy");
            QCOMPARE(result.rows[i].metrics.at("score_forest.accuracy"), acc);
            const auto& cv = std::get<ResultsValue>(one.nodes.at("cv").outputs.at("results"));
            QCOMPARE(result.rows[i].metrics.at("cv.Random forest classifier accuracy"),
                     cv->metrics.at("Random forest classifier accuracy"));
            if (acc > bestSingle) {
                bestSingle = acc;
                bestSingleRow = i;
            }
        }
        QCOMPARE(*best, bestSingleRow);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestSweep)
#include "test_sweep.moc"
