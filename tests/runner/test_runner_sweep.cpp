// sluice-run --sweep: the options parsed, and the sweep command run
// in-process on the iris example (table, best line, --json, exit codes).
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/runner/exit_codes.h"
#include "app/runner/run_command.h"
#include "app/runner/runner_options.h"
#include "app/runner/sweep_command.h"
#include "support/test_registry.h"

using namespace sluice::runner;

namespace {

QString usageError(const std::vector<std::string>& args) {
    try {
        parseArguments(args);
    } catch (const UsageError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

struct Output {
    int code = -1;
    std::string out, err;
};

Output sweep(std::vector<std::string> args) {
    args.insert(args.begin(), std::string(SLUICE_EXAMPLES_DIR) + "/iris.sluice");
    args.push_back("--threads=2");
    std::ostringstream out, err;
    Output o;
    o.code = runSweepCommand(parseArguments(args), out, err);
    o.out = out.str();
    o.err = err.str();
    return o;
}

int lineCount(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

class TestRunnerSweep : public QObject {
    Q_OBJECT

private slots:
    void parsesSweepOptions() {
        const auto o = parseArguments({"p.sluice", "--sweep", "knn.n_neighbors=1,3,5", "--sweep",
                                       "Forest 1.max_depth=1..8:log:4", "--sweep-random=3",
                                       "--sweep-seed", "42", "--sweep-metric", "rmse:min"});
        QCOMPARE(o.sweeps.size(), std::size_t(2));
        QCOMPARE(o.sweeps[0].node, std::string("knn"));
        QCOMPARE(o.sweeps[0].param, std::string("n_neighbors"));
        QCOMPARE(o.sweeps[0].value, std::string("1,3,5"));
        QCOMPARE(o.sweeps[1].node, std::string("Forest 1"));
        QCOMPARE(o.sweeps[1].value, std::string("1..8:log:4"));
        QCOMPARE(o.sweepRandom, std::optional<std::size_t>(3));
        QCOMPARE(o.sweepSeed, std::uint64_t(42));
        QCOMPARE(o.sweepMetric, std::string("rmse:min"));
    }

    void badSweepOptions() {
        QCOMPARE(usageError({"p.sluice", "--sweep", "knn=1,2"}),
                 QString("--sweep 'knn=1,2' does not name a node and a parameter: write "
                         "NODE.PARAM=VALUES"));
        QCOMPARE(usageError({"p.sluice", "--sweep", "knn.k"}),
                 QString("--sweep 'knn.k' has no '=': write NODE.PARAM=VALUES"));
        QCOMPARE(usageError({"p.sluice", "--sweep-random", "3"}),
                 QString("option --sweep-random needs a --sweep NODE.PARAM=VALUES"));
        QCOMPARE(usageError({"p.sluice", "--sweep", "a.b=1", "--sweep-random", "0"}),
                 QString("--sweep-random needs a whole number of at least 1, not '0'"));
        QCOMPARE(usageError({"p.sluice", "--sweep", "a.b=1", "--sweep-seed", "-1"}),
                 QString("--sweep-seed needs a whole number, not '-1'"));
        QVERIFY(usageError({"p.sluice", "--sweep", "a.b=1", "--run-to", "a"})
                    .startsWith("--run-to does not combine with --sweep"));
        QVERIFY(QString::fromStdString(helpText()).contains("FROM..TO:log:N"));
    }

    void sweepsTheIrisForest() {
        QTemporaryDir dir;
        const std::string json = dir.filePath("sweep.json").toStdString();
        const Output o =
            sweep({"--sweep", "forest.max_depth=1,2,3", "--sweep",
                   "Random forest (100 trees).criterion=gini,entropy", "--json", json});
        QCOMPARE(o.code, kExitOk);
        // Header, six rows, the best line.
        QCOMPARE(lineCount(o.out), 1 + 6 + 1);
        QVERIFY(o.out.rfind(" #  max_depth  criterion  status  score_forest.accuracy", 0) == 0);
        QVERIFY(o.out.find("\nbest: max_depth=") != std::string::npos);
        QVERIFY(o.out.find("(higher is better)") != std::string::npos);
        QVERIFY(o.err.find("sweeping 6 combinations (31 nodes, 7 shared)") != std::string::npos);
        QVERIFY(o.err.find("[6/6] ") != std::string::npos);

        std::ifstream in(json);
        const auto report = nlohmann::json::parse(in);
        const auto& s = report.at("sweep");
        QCOMPARE(s.at("rows").size(), std::size_t(6));
        QCOMPARE(s.at("metric"), nlohmann::json("score_forest.accuracy"));
        QCOMPARE(s.at("goal"), nlohmann::json("max"));
        QCOMPARE(s.at("rows")[5].at("values").at("forest.criterion"), nlohmann::json("entropy"));
        QCOMPARE(s.at("rows")[5].at("values").at("forest.max_depth"), nlohmann::json(3));
        // The best row holds the highest accuracy, and is the first to reach it.
        const int best = s.at("best").get<int>();
        double top = -1;
        int first = 0;
        for (int i = 0; i < 6; ++i) {
            const double a = s.at("rows")[i].at("metrics").at("score_forest.accuracy");
            if (a > top) {
                top = a;
                first = i + 1;
            }
        }
        QCOMPARE(best, first);
        QCOMPARE(report.at("nodes").at("split").at("status"), nlohmann::json("done"));
        QVERIFY(report.at("nodes").contains("forest@6"));

        // The same combination run as a normal --set run scores the same.
        QTemporaryDir dir2;
        const std::string single = dir2.filePath("single.json").toStdString();
        const auto& bestValues = s.at("rows")[best - 1].at("values");
        std::ostringstream set1, set2;
        set1 << "forest.max_depth=" << bestValues.at("forest.max_depth").dump();
        set2 << "forest.criterion=" << bestValues.at("forest.criterion").get<std::string>();
        std::vector<std::string> args{std::string(SLUICE_EXAMPLES_DIR) + "/iris.sluice",
                                      "--set",
                                      set1.str(),
                                      "--set",
                                      set2.str(),
                                      "--json",
                                      single,
                                      "--quiet"};
        QCOMPARE(sluice::runner::runPipelineCommand(parseArguments(args)), kExitOk);
        std::ifstream in2(single);
        const auto one = nlohmann::json::parse(in2);
        QCOMPARE(one.at("nodes").at("score_forest").at("metrics").at("accuracy").get<double>(),
                 top);
    }

    void randomSweepAndChosenMetric() {
        const Output a =
            sweep({"--sweep", "logreg.C=0.01..100:log:5", "--sweep-random", "4", "--sweep-seed",
                   "3", "--sweep-metric", "score_logreg.log_loss", "--quiet"});
        QCOMPARE(a.code, kExitOk);
        QCOMPARE(lineCount(a.out), 1 + 4 + 1);
        QVERIFY(a.out.find("(lower is better)") != std::string::npos);
        QVERIFY(a.err.empty());
        const Output b =
            sweep({"--sweep", "logreg.C=0.01..100:log:5", "--sweep-random", "4", "--sweep-seed",
                   "3", "--sweep-metric", "score_logreg.log_loss", "--quiet"});
        QCOMPARE(b.out, a.out);  // same seed, same combinations, same scores
    }

    // A combination that fails is its own row; the others still score.
    void failedCombinationKeepsTheOthers() {
        const Output o = sweep(
            {"--sweep", "split.test_fraction=0.2,0.99", "--sweep", "logreg.C=0.1,1", "--quiet"});
        QCOMPARE(o.code, kExitFailed);
        QVERIFY(o.out.find("\n 3  0.99           0.1  failed") != std::string::npos);
        QVERIFY(o.out.find("  row 4: Logistic regression [test_fraction=0.99, C=1] (logreg@4): ") !=
                std::string::npos);
        QVERIFY(o.out.find("best: test_fraction=0.2, C=") != std::string::npos);
    }

    void badSweepsExitBeforeRunning() {
        Output o = sweep({"--sweep", "forest.max_depth=1,-2"});
        QCOMPARE(o.code, kExitBadInput);
        QVERIFY(o.err.find("--sweep forest.max_depth = -2: must be at least 0, not -2") !=
                std::string::npos);
        QVERIFY(o.out.empty());
        o = sweep({"--sweep", "nosuch.max_depth=1"});
        QCOMPARE(o.code, kExitBadInput);
        QVERIFY(o.err.find("the pipeline has no node with id or title 'nosuch'") !=
                std::string::npos);
        o = sweep({"--sweep", "forest.max_depth=1..5:lin:3"});
        QCOMPARE(o.code, kExitBadInput);
        QVERIFY(o.err.find("--sweep forest.max_depth=1..5:lin:3: range '1..5:lin:3'") !=
                std::string::npos);
        o = sweep({"--sweep", "forest.n_estimators=1..2000:step:1"});
        QCOMPARE(o.code, kExitBadInput);
        QVERIFY(o.err.find("an axis takes at most 1000") != std::string::npos ||
                o.err.find("more than 1000") != std::string::npos);
        // A metric the sweep did not produce: the table prints, then the error.
        o = sweep({"--sweep", "forest.max_depth=1,2", "--sweep-metric", "silhouette", "--quiet"});
        QCOMPARE(o.code, kExitBadInput);
        QCOMPARE(lineCount(o.out), 3);
        QVERIFY(o.err.find("the sweep has no metric 'silhouette' (metrics: ") != std::string::npos);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestRunnerSweep)
#include "test_runner_sweep.moc"
