// Random forests: a one-tree forest is the decision tree, the forest does
// not depend on the thread count, probabilities are the trees' mean, the
// out-of-bag stream and score, and scikit-learn's cross-validated scores.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/trees/cart_learners.h"
#include "ml/trees/cart_models.h"
#include "ml/trees/forest_learners.h"
#include "ml/trees/forest_models.h"
#include "ml_test_support.h"
#include "support/test_registry.h"
#include "support/time_scale.h"

using namespace sluice::ml;

namespace {

// Three classes from two informative features (0 and 1) plus noise
// features; `target` is a smooth regression target on the same rows.
struct Problem {
    Eigen::MatrixXd X;
    Eigen::VectorXd y, target;
};

Problem makeProblem(int n, int p, std::uint64_t seed) {
    Rng rng(seed);
    Problem pr{Eigen::MatrixXd(n, p), Eigen::VectorXd(n), Eigen::VectorXd(n)};
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < p; ++j)
            pr.X(i, j) = rng.normal();
        const double s = pr.X(i, 0) + 0.5 * pr.X(i, 1) + 0.5 * rng.normal();
        pr.y(i) = s < -0.5 ? 0 : (s < 0.6 ? 1 : 2);
        pr.target(i) = std::sin(pr.X(i, 0)) * 3 + pr.X(i, 1) + 0.1 * rng.normal();
    }
    return pr;
}

struct Recorded {
    std::mutex mutex;
    std::vector<std::pair<int, double>> metrics;
    std::vector<double> progress;
    FitContext context(unsigned threads) {
        FitContext c;
        c.threads = threads;
        c.onMetric = [this](std::string_view name, int step, double value) {
            std::lock_guard lock(mutex);
            QCOMPARE(name, std::string_view("oob_error"));
            metrics.emplace_back(step, value);
        };
        c.onProgress = [this](double f, std::string_view) {
            std::lock_guard lock(mutex);
            progress.push_back(f);
        };
        return c;
    }
};

}  // namespace

class TestForest : public QObject {
    Q_OBJECT

private slots:
    void maxFeaturesRulesRoundLikeScikitLearn() {
        // 26 features: sqrt -> 5, log2 -> 4, 0.5 -> 13, 0.01 -> 1 (at least one).
        QCOMPARE(MaxFeatures::sqrt().resolve(26, "t"), 5);
        QCOMPARE(MaxFeatures::log2().resolve(26, "t"), 4);
        QCOMPARE(MaxFeatures::fraction(0.5).resolve(26, "t"), 13);
        QCOMPARE(MaxFeatures::fraction(0.01).resolve(26, "t"), 1);
        QCOMPARE(MaxFeatures::fraction(1.0).resolve(26, "t"), 26);
        QCOMPARE(MaxFeatures::all().resolve(26, "t"), 26);
        QCOMPARE(MaxFeatures::count(7).resolve(26, "t"), 7);
        for (const auto& j : {nlohmann::json("sqrt"), nlohmann::json("log2"), nlohmann::json(3),
                              nlohmann::json(0.25), nlohmann::json(0)})
            QCOMPARE(MaxFeatures::fromJson(j, "t").toJson(), j);
        QCOMPARE(MaxFeatures::fromJson(1.0, "t").resolve(26, "t"), 26);  // 1.0: all
        QCOMPARE(MaxFeatures::fromJson(1, "t").resolve(26, "t"), 1);     // 1: one
    }

    void oneTreeWithoutBootstrapIsTheDecisionTree() {
        const Problem pr = makeProblem(400, 5, 1);
        RandomForestClassifier forest;
        forest.nEstimators = 1;
        forest.bootstrap = false;
        forest.oobScore = false;
        forest.maxFeatures = MaxFeatures::all();
        forest.randomState = 7;
        DecisionTreeClassifier tree;
        tree.randomState = 7;
        const auto f = forest.fit(pr.X, pr.y);
        const auto t = tree.fit(pr.X, pr.y);
        QCOMPARE(f->toJson()["trees"][0], t->toJson()["tree"]);
        QVERIFY(f->predictProba(pr.X) == t->predictProba(pr.X));
        QVERIFY(*f->featureImportances() == *t->featureImportances());

        RandomForestRegressor rforest;
        rforest.nEstimators = 1;
        rforest.bootstrap = false;
        rforest.oobScore = false;
        rforest.maxDepth = 5;
        rforest.randomState = 3;
        DecisionTreeRegressor rtree;
        rtree.maxDepth = 5;
        rtree.randomState = 3;
        QCOMPARE(rforest.fit(pr.X, pr.target)->toJson()["trees"][0],
                 rtree.fit(pr.X, pr.target)->toJson()["tree"]);
    }

    void sameForestWhateverTheThreadCount() {
        const Problem pr = makeProblem(1500, 6, 2);
        RandomForestClassifier clf;
        clf.nEstimators = 24;
        RandomForestRegressor reg;
        reg.nEstimators = 12;
        reg.maxFeatures = MaxFeatures::fraction(0.5);
        Recorded r1, r2, r3;
        const auto one = clf.fit(pr.X, pr.y, r1.context(1));
        const auto two = clf.fit(pr.X, pr.y, r2.context(2));
        const auto three = clf.fit(pr.X, pr.y, r3.context(3));
        QCOMPARE(one->toJson().dump(), two->toJson().dump());
        QCOMPARE(one->toJson().dump(), three->toJson().dump());
        QCOMPARE(r1.metrics, r2.metrics);  // the OOB stream too, step by step
        QCOMPARE(r1.metrics, r3.metrics);
        FitContext c1, c2;
        c1.threads = 1;
        c2.threads = 2;
        QCOMPARE(reg.fit(pr.X, pr.target, c1)->toJson().dump(),
                 reg.fit(pr.X, pr.target, c2)->toJson().dump());
        // Another seed gives another forest.
        clf.randomState = 1;
        QVERIFY(clf.fit(pr.X, pr.y)->toJson().dump() != one->toJson().dump());
    }

    void probabilitiesAreTheMeanOfTheTrees() {
        const Problem pr = makeProblem(300, 4, 3);
        RandomForestClassifier clf;
        clf.nEstimators = 15;
        clf.maxDepth = 4;
        const auto model = clf.fit(pr.X, pr.y);
        const auto& forest = dynamic_cast<const ForestClassifierModel&>(*model);
        const Eigen::MatrixXd p = model->predictProba(pr.X);
        for (Eigen::Index i = 0; i < pr.X.rows(); ++i) {
            Eigen::Vector3d mean = Eigen::Vector3d::Zero();
            for (const FlatTree& t : forest.trees())
                mean += Eigen::Map<const Eigen::Vector3d>(t.leafValue(t.leafOf(pr.X, i)));
            mean /= 15.0;
            QVERIFY((p.row(i).transpose() - mean).norm() < 1e-14);
            QVERIFY(std::abs(p.row(i).sum() - 1.0) < 1e-12);
            Eigen::Index best;
            p.row(i).maxCoeff(&best);
            QCOMPARE(model->predict(pr.X.row(i))(0), static_cast<double>(best));
        }
        QCOMPARE(forest.trees().size(), std::size_t{15});
        for (const FlatTree& t : forest.trees())
            QVERIFY(t.depth() <= 4);
    }

    void outOfBagStreamAndScore() {
        const Problem pr = makeProblem(2000, 6, 4);
        const Problem held = makeProblem(2000, 6, 5);
        RandomForestClassifier clf;
        clf.nEstimators = 40;
        Recorded rec;
        const auto model = clf.fit(pr.X, pr.y, rec.context(2));
        const double oob = dynamic_cast<const ForestClassifierModel&>(*model).oobScore();
        // One oob_error per tree, in tree order; the last is 1 - the OOB score.
        QCOMPARE(rec.metrics.size(), std::size_t{40});
        for (int t = 0; t < 40; ++t)
            QCOMPARE(rec.metrics[static_cast<std::size_t>(t)].first, t + 1);
        QCOMPARE(rec.metrics.back().second, 1.0 - oob);
        QCOMPARE(model->status.finalLoss, 1.0 - oob);
        QCOMPARE(model->status.iterations, 40);
        QVERIFY(std::is_sorted(rec.progress.begin(), rec.progress.end()));
        QCOMPARE(rec.progress.size(), std::size_t{40});
        QCOMPARE(rec.progress.back(), 1.0);
        // OOB is an honest estimate: close to the accuracy on fresh data.
        const double fresh = accuracy(held.y, model->predict(held.X));
        QVERIFY2(std::abs(oob - fresh) < 0.03,
                 qPrintable(QString("oob %1, held-out %2").arg(oob).arg(fresh)));
        // Separable blobs: every out-of-bag row is right.
        const auto blobs = testing::blobs(400, 3, 8.0, 6);
        RandomForestClassifier small;
        small.nEstimators = 30;
        const auto easy = small.fit(blobs.X, blobs.y);
        QCOMPARE(dynamic_cast<const ForestClassifierModel&>(*easy).oobScore(), 1.0);
        // Too few trees to cover every row: the score says so.
        small.nEstimators = 1;
        QCOMPARE(small.fit(blobs.X, blobs.y)->status.warnings.size(), std::size_t{1});

        RandomForestRegressor reg;
        reg.nEstimators = 40;
        const auto r = reg.fit(pr.X, pr.target);
        const double roob = dynamic_cast<const ForestRegressorModel&>(*r).oobScore();
        const double rfresh = r2Score(held.target, r->predict(held.X));
        QVERIFY2(std::abs(roob - rfresh) < 0.03,
                 qPrintable(QString("oob %1, held-out %2").arg(roob).arg(rfresh)));
    }

    void importancesFindTheInformativeFeatures() {
        const Problem pr = makeProblem(1000, 6, 7);
        RandomForestClassifier clf;
        clf.nEstimators = 30;
        const Eigen::VectorXd imp = *clf.fit(pr.X, pr.y)->featureImportances();
        QVERIFY(std::abs(imp.sum() - 1.0) < 1e-12);
        QVERIFY(imp.minCoeff() >= 0.0);
        QVERIFY(imp(0) > imp(1));
        QVERIFY(imp(1) > imp.tail(4).maxCoeff());
    }

    void jsonRoundTripPredictsIdentically() {
        const Problem pr = makeProblem(300, 4, 8);
        for (const char* kind : {"random_forest_classifier", "random_forest_regressor"}) {
            const bool classify = std::string(kind) == "random_forest_classifier";
            const auto learner = MlRegistry::instance().makeLearner(
                kind, {{"n_estimators", 7}, {"max_features", "log2"}, {"max_depth", 5}});
            QCOMPARE(learner->params()["n_estimators"].get<int>(), 7);
            QCOMPARE(learner->params()["max_features"].get<std::string>(), std::string("log2"));
            const auto model = learner->fit(pr.X, classify ? pr.y : pr.target);
            const auto loaded =
                MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
            QCOMPARE(loaded->kind(), model->kind());
            QVERIFY(loaded->predict(pr.X) == model->predict(pr.X));
            if (classify)
                QVERIFY(loaded->predictProba(pr.X) == model->predictProba(pr.X));
            QCOMPARE(loaded->toJson(), model->toJson());
        }
    }

    void cancellationStopsWithinATree() {
        // 100k rows, unlimited depth: raised after the first tree, the fit
        // must stop well before the other trees are grown.
        const Problem pr = makeProblem(100000, 10, 9);
        std::atomic<bool> cancel{false};
        std::chrono::steady_clock::time_point raised;
        FitContext ctx;
        ctx.cancelFlag = &cancel;
        ctx.threads = 2;
        ctx.onProgress = [&](double, std::string_view) {
            if (!cancel) {
                raised = std::chrono::steady_clock::now();
                cancel = true;
            }
        };
        RandomForestClassifier clf;
        clf.nEstimators = 50;
        QVERIFY_THROWS_EXCEPTION(FitCancelled, clf.fit(pr.X, pr.y, ctx));
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - raised)
                            .count();
        qInfo("stopped %lld ms after the cancel", static_cast<long long>(ms));
        QVERIFY(ms < 1000 * sluice::testing::timeScale());  // 200 ms target; loose: shared machine
        cancel = true;
        QVERIFY_THROWS_EXCEPTION(FitCancelled, RandomForestRegressor{}.fit(pr.X, pr.target, ctx));
    }

    void misuseIsRefusedWithAdvice() {
        const Problem pr = makeProblem(60, 3, 10);
        auto expectMessage = [&](const Learner& l, const Eigen::VectorXd& y, const char* words) {
            try {
                l.fit(pr.X, y);
                QFAIL("expected MisuseError");
            } catch (const MisuseError& e) {
                QVERIFY2(std::string(e.what()).find(words) != std::string::npos, e.what());
            }
        };
        RandomForestClassifier bad;
        bad.nEstimators = 0;
        expectMessage(bad, pr.y, "n_estimators must be 1 or more");
        bad = {};
        bad.bootstrap = false;
        expectMessage(bad, pr.y, "turn bootstrap on or oob_score off");
        bad = {};
        bad.maxDepth = -2;
        expectMessage(bad, pr.y, "max_depth");
        bad = {};
        bad.maxFeatures = MaxFeatures::fraction(1.5);
        expectMessage(bad, pr.y, "(0, 1]");
        RandomForestRegressor badReg;
        badReg.criterion = Criterion::Entropy;
        expectMessage(badReg, pr.target, "squared_error");
        expectMessage(RandomForestClassifier{}, Eigen::VectorXd::Ones(60), "only one class");

        auto& registry = MlRegistry::instance();
        QVERIFY_THROWS_EXCEPTION(
            MisuseError, registry.makeLearner("random_forest_classifier", {{"n_estimators", 0}}));
        QVERIFY_THROWS_EXCEPTION(MisuseError, registry.makeLearner("random_forest_regressor",
                                                                   {{"max_features", "most"}}));
        QVERIFY_THROWS_EXCEPTION(
            MisuseError, registry.makeLearner("random_forest_classifier", {{"bootstrap", "yes"}}));
        const auto model = RandomForestRegressor{}.fit(pr.X, pr.target);
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(Eigen::MatrixXd::Ones(3, 2)));
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predictProba(pr.X));
    }

    void scoresLikeScikitLearn() {
        // scikit-learn 1.2.1, 5-fold StratifiedKFold accuracy, unscaled,
        // RandomForestClassifier(n_estimators=100, random_state=0):
        //   iris 0.9667, wine 0.9833, breast_cancer 0.9631.
        // KFold R^2 on diabetes, RandomForestRegressor(n_estimators=100,
        // random_state=0): max_features=1.0 0.4231, "sqrt" 0.4446.
        // Seed 0 is a lucky draw for scikit-learn there: over random_state
        // 0..9 it averages 0.4182 / 0.4390 (breast_cancer 0.9614) and ours
        // 0.4172 / 0.4383 (0.9607), so the gaps below are the seed, not a bias.
        struct Case {
            const char* file;
            double sklearn;
        };
        for (const Case& c : {Case{"iris.csv", 0.9667}, Case{"wine.csv", 0.9833},
                              Case{"breast_cancer.csv", 0.9631}}) {
            const double ours = testing::crossValScore(RandomForestClassifier{},
                                                       testing::loadDataset(c.file), false);
            qInfo("%s: %.4f (sklearn %.4f)", c.file, ours, c.sklearn);
            QVERIFY(testing::nearSklearn(ours, c.sklearn, 0.02, c.file));
        }
        const auto diabetes = testing::loadDataset("diabetes.csv");
        RandomForestRegressor reg;
        const double all = testing::crossValScore(reg, diabetes, false);
        reg.maxFeatures = MaxFeatures::sqrt();
        const double sqrt = testing::crossValScore(reg, diabetes, false);
        qInfo("diabetes: %.4f (sklearn 0.4231), sqrt %.4f (sklearn 0.4446)", all, sqrt);
        QVERIFY(testing::nearSklearn(all, 0.4231, 0.02, "all"));
        QVERIFY(testing::nearSklearn(sqrt, 0.4446, 0.02, "sqrt"));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestForest)
#include "test_forest.moc"
