// Histogram gradient boosting against known answers: the best stump of the
// residuals, baselines equal to the mean / class priors, loss derivatives
// against finite differences, monotone training loss, early stopping on
// noise; plus the learner contract (JSON, threads, cancellation, misuse) and
// cross-validated scores against scikit-learn's HistGradientBoosting*.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/trees/gbt_learners.h"
#include "ml/trees/gbt_loss.h"
#include "ml/trees/gbt_models.h"
#include "ml_test_support.h"
#include "support/test_registry.h"
#include "support/time_scale.h"

using namespace sluice::ml;

namespace {

struct Problem {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
};

// y = sin(2 x0) + x1^2 / 2 + noise; x2 irrelevant.
Problem regressionProblem(int n, std::uint64_t seed, double noise = 0.1) {
    Rng rng(seed);
    Problem p{Eigen::MatrixXd(n, 3), Eigen::VectorXd(n)};
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < 3; ++j)
            p.X(i, j) = rng.normal();
        p.y(i) = std::sin(2 * p.X(i, 0)) + 0.5 * p.X(i, 1) * p.X(i, 1) + noise * rng.normal();
    }
    return p;
}

// `classes` classes by the angle of (x0, x1), some label noise.
Problem classificationProblem(int n, int classes, std::uint64_t seed) {
    Rng rng(seed);
    Problem p{Eigen::MatrixXd(n, 4), Eigen::VectorXd(n)};
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < 4; ++j)
            p.X(i, j) = rng.normal();
        const double angle = std::atan2(p.X(i, 1), p.X(i, 0)) + M_PI;  // [0, 2 pi]
        int c = std::min(classes - 1, static_cast<int>(angle / (2 * M_PI) * classes));
        if (rng.uniform() < 0.05)
            c = static_cast<int>(rng.below(static_cast<std::uint64_t>(classes)));
        p.y(i) = c;
    }
    return p;
}

std::vector<double> metricStream(const Learner& learner, const Problem& p, const char* name) {
    std::vector<double> values;
    FitContext ctx;
    ctx.onMetric = [&](std::string_view n, int step, double v) {
        if (n == name) {
            QCOMPARE(step, static_cast<int>(values.size()) + 1);
            values.push_back(v);
        }
    };
    learner.fit(p.X, p.y, ctx);
    return values;
}

// The stump minimising the squared error over every threshold between
// distinct values of every feature, by brute force; its predictions.
Eigen::VectorXd bestStumpPredictions(const Problem& p) {
    const Eigen::Index n = p.X.rows();
    double bestSse = INFINITY;
    Eigen::VectorXd best;
    for (Eigen::Index f = 0; f < p.X.cols(); ++f) {
        std::vector<double> values(p.X.col(f).data(), p.X.col(f).data() + n);
        std::sort(values.begin(), values.end());
        for (std::size_t k = 1; k < values.size(); ++k) {
            if (values[k] == values[k - 1])
                continue;
            const double t = 0.5 * (values[k] + values[k - 1]);
            double sum[2] = {0, 0}, count[2] = {0, 0};
            for (Eigen::Index i = 0; i < n; ++i) {
                const int side = p.X(i, f) <= t ? 0 : 1;
                sum[side] += p.y(i);
                count[side] += 1;
            }
            Eigen::VectorXd pred(n);
            for (Eigen::Index i = 0; i < n; ++i) {
                const int side = p.X(i, f) <= t ? 0 : 1;
                pred(i) = sum[side] / count[side];
            }
            const double sse = (pred - p.y).squaredNorm();
            if (sse < bestSse) {
                bestSse = sse;
                best = pred;
            }
        }
    }
    return best;
}

int depthOf(const GbtTree& t, int node = 0) {
    const GbtNode& n = t.nodes[static_cast<std::size_t>(node)];
    return n.feature < 0 ? 0 : 1 + std::max(depthOf(t, n.left), depthOf(t, n.right));
}

template <class F>
void expectMisuse(F&& f, const char* needle) {
    try {
        f();
        QFAIL((std::string("expected MisuseError containing ") + needle).c_str());
    } catch (const MisuseError& e) {
        QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
    }
}

}  // namespace

class TestGradientBoosting : public QObject {
    Q_OBJECT

private slots:
    void oneRoundOfStumpsIsTheBestStumpOfTheResiduals() {
        // 200 rows: every distinct value gets its own bin, so the histogram
        // search sees every threshold the brute force sees.
        const Problem p = regressionProblem(200, 1);
        GradientBoostingRegressor gb;
        gb.maxIter = 1;
        gb.learningRate = 1.0;
        gb.maxDepth = 1;
        gb.minSamplesLeaf = 1;
        gb.earlyStopping = EarlyStopping::Off;
        const auto model = gb.fit(p.X, p.y);
        const Eigen::VectorXd expected = bestStumpPredictions(p);
        QVERIFY((model->predict(p.X) - expected).cwiseAbs().maxCoeff() < 1e-6);
        QCOMPARE(model->status.iterations, 1);
    }

    void baselinesAreTheMeanAndTheClassPriors() {
        // A negligible learning rate leaves the baseline alone.
        const Problem r = regressionProblem(300, 2);
        GradientBoostingRegressor reg;
        reg.maxIter = 1;
        reg.learningRate = 1e-12;
        QVERIFY((reg.fit(r.X, r.y)->predict(r.X).array() - r.y.mean()).abs().maxCoeff() < 1e-9);

        for (int classes : {2, 3}) {
            const Problem c = classificationProblem(300, classes, 3);
            GradientBoostingClassifier clf;
            clf.maxIter = 1;
            clf.learningRate = 1e-12;
            const Eigen::MatrixXd proba = clf.fit(c.X, c.y)->predictProba(c.X);
            for (int k = 0; k < classes; ++k) {
                const double prior = (c.y.array() == k).cast<double>().mean();
                QVERIFY((proba.col(k).array() - prior).abs().maxCoeff() < 1e-9);
            }
        }
    }

    void constantTargetGivesTheConstant() {
        Problem p = regressionProblem(100, 4);
        p.y.setConstant(3.7);
        const auto model = GradientBoostingRegressor{}.fit(p.X, p.y);
        QVERIFY((model->predict(p.X).array() - 3.7).abs().maxCoeff() < 1e-12);
        for (const GbtTree& t :
             static_cast<const GradientBoostingRegressorModel&>(*model).ensemble().trees)
            QCOMPARE(t.nodes.size(), std::size_t{1});  // nothing to split
    }

    void binaryLogLossDerivativesMatchFiniteDifferences() {
        const double h = 1e-5;
        for (double y : {0.0, 1.0})
            for (double raw : {-30.0, -3.0, -0.5, 0.0, 0.7, 4.0, 30.0}) {
                const LossDerivatives d = binaryLogLossDerivatives(y, raw);
                const double g = (binaryLogLoss(y, raw + h) - binaryLogLoss(y, raw - h)) / (2 * h);
                const double hess = (binaryLogLossDerivatives(y, raw + h).gradient -
                                     binaryLogLossDerivatives(y, raw - h).gradient) /
                                    (2 * h);
                QVERIFY2(std::abs(d.gradient - g) < 1e-7, std::to_string(raw).c_str());
                QVERIFY2(std::abs(d.hessian - hess) < 1e-7, std::to_string(raw).c_str());
            }
        // The loss itself: -log(sigmoid(raw)) for y = 1, finite far out.
        QVERIFY(std::abs(binaryLogLoss(1.0, 0.0) - std::log(2.0)) < 1e-15);
        QVERIFY(std::abs(binaryLogLoss(0.0, 800.0) - 800.0) < 1e-9);
    }

    void trainingLossDecreasesMonotonically() {
        GradientBoostingRegressor reg;
        reg.maxIter = 60;
        const auto r = metricStream(reg, regressionProblem(500, 5), "train_loss");
        QCOMPARE(r.size(), std::size_t{60});
        GradientBoostingClassifier clf;
        clf.maxIter = 60;
        for (int classes : {2, 4}) {
            const auto c = metricStream(clf, classificationProblem(500, classes, 6), "train_loss");
            QCOMPARE(c.size(), std::size_t{60});
            for (std::size_t k = 1; k < c.size(); ++k)
                QVERIFY2(c[k] < c[k - 1], std::to_string(k).c_str());
        }
        for (std::size_t k = 1; k < r.size(); ++k)
            QVERIFY2(r[k] < r[k - 1], std::to_string(k).c_str());
        QVERIFY(r.back() < 0.5 * r.front());
    }

    void earlyStoppingStopsEarlyOnPureNoise() {
        Problem p = regressionProblem(3000, 7);
        Rng rng(8);
        for (Eigen::Index i = 0; i < p.y.size(); ++i)
            p.y(i) = rng.normal();  // nothing to learn
        GradientBoostingRegressor gb;
        gb.maxIter = 300;
        gb.earlyStopping = EarlyStopping::On;
        const auto val = metricStream(gb, p, "validation_loss");
        const auto model = gb.fit(p.X, p.y);
        QVERIFY2(model->status.iterations < 40, std::to_string(model->status.iterations).c_str());
        QCOMPARE(static_cast<int>(val.size()), model->status.iterations);
        QCOMPARE(
            static_cast<int>(
                static_cast<const GradientBoostingRegressorModel&>(*model).ensemble().trees.size()),
            model->status.iterations);
        // The rule itself: none of the last 10 beat the one before them.
        const int n = static_cast<int>(val.size());
        const double reference = n > 10 ? val[static_cast<std::size_t>(n - 11)] : INFINITY;
        for (int k = std::max(0, n - 10); k < n && n > 10; ++k)
            QVERIFY(val[static_cast<std::size_t>(k)] >= reference - gb.tol);
        // A learnable target keeps going much longer.
        const auto learnable =
            gb.fit(regressionProblem(3000, 7, 0.05).X, regressionProblem(3000, 7, 0.05).y);
        qInfo("noise: %d rounds, learnable: %d rounds", model->status.iterations,
              learnable->status.iterations);
        QVERIFY(learnable->status.iterations > 40);
    }

    void earlyStoppingAutoFollowsScikitLearnsRowRule() {
        GradientBoostingRegressor gb;
        gb.maxIter = 3;
        QCOMPARE(metricStream(gb, regressionProblem(10000, 9), "validation_loss").size(),
                 std::size_t{0});
        QCOMPARE(metricStream(gb, regressionProblem(10001, 9), "validation_loss").size(),
                 std::size_t{3});
    }

    void probabilitiesSumToOneAndPredictIsTheirArgmax() {
        for (int classes : {2, 3, 5}) {
            const Problem p = classificationProblem(400, classes, 10);
            GradientBoostingClassifier clf;
            clf.maxIter = 30;
            const auto model = clf.fit(p.X, p.y);
            QCOMPARE(model->classCount(), classes);
            const Eigen::MatrixXd proba = model->predictProba(p.X);
            QCOMPARE(proba.cols(), Eigen::Index{classes});
            QVERIFY((proba.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
            QVERIFY(proba.minCoeff() >= 0.0 && proba.maxCoeff() <= 1.0);
            const Eigen::VectorXd predicted = model->predict(p.X);
            for (Eigen::Index i = 0; i < p.X.rows(); ++i) {
                Eigen::Index arg;
                proba.row(i).maxCoeff(&arg);
                QCOMPARE(predicted(i), static_cast<double>(arg));
            }
            QVERIFY((predicted.array() == p.y.array()).cast<double>().mean() > 0.85);
        }
    }

    void treesRespectDepthAndLeafLimits() {
        const Problem p = regressionProblem(2000, 11);
        GradientBoostingRegressor gb;
        gb.maxIter = 10;
        gb.maxLeafNodes = 5;
        gb.minSamplesLeaf = 1;
        auto model = gb.fit(p.X, p.y);
        for (const GbtTree& t :
             static_cast<const GradientBoostingRegressorModel&>(*model).ensemble().trees)
            QCOMPARE(t.leafCount(), 5);
        gb.maxLeafNodes = 1000;
        gb.maxDepth = 3;
        model = gb.fit(p.X, p.y);
        int deepest = 0;
        for (const GbtTree& t :
             static_cast<const GradientBoostingRegressorModel&>(*model).ensemble().trees) {
            deepest = std::max(deepest, depthOf(t));
            QVERIFY(t.leafCount() <= 8);
        }
        QCOMPARE(deepest, 3);
    }

    void importancesFindTheInformativeFeature() {
        Problem p = regressionProblem(1000, 12);
        p.y = p.X.col(1).array().cube();
        const auto model = GradientBoostingRegressor{}.fit(p.X, p.y);
        const Eigen::VectorXd imp = *model->featureImportances();
        QVERIFY(std::abs(imp.sum() - 1.0) < 1e-12);
        QVERIFY(imp(1) > 0.95);
    }

    void jsonRoundTripPredictsIdentically() {
        struct Case {
            const char* kind;
            Problem p;
        };
        const Case cases[] = {{"gradient_boosting_regressor", regressionProblem(300, 13)},
                              {"gradient_boosting_classifier", classificationProblem(300, 2, 14)},
                              {"gradient_boosting_classifier", classificationProblem(300, 3, 15)}};
        for (const Case& c : cases) {
            const auto learner = MlRegistry::instance().makeLearner(c.kind, {{"max_iter", 20}});
            const auto model = learner->fit(c.p.X, c.p.y);
            const nlohmann::json j = model->toJson();
            QCOMPARE(j["kind"].get<std::string>(), std::string(c.kind));
            QVERIFY(j.contains("status"));
            const auto loaded = MlRegistry::instance().loadModel(nlohmann::json::parse(j.dump()));
            QCOMPARE(loaded->kind(), model->kind());
            QVERIFY(loaded->predict(c.p.X) == model->predict(c.p.X));  // bit for bit
            if (model->task() == Task::Classification)
                QVERIFY(loaded->predictProba(c.p.X) == model->predictProba(c.p.X));
            QVERIFY(*loaded->featureImportances() == *model->featureImportances());
            QCOMPARE(loaded->status.iterations, 20);
            // The parameters survive a trip through the registry too.
            QCOMPARE(MlRegistry::instance().makeLearner(c.kind, learner->params())->params(),
                     learner->params());
        }
    }

    void sameSeedSameModelWhateverTheThreadCount() {
        // Large enough for the parallel histogram paths and early stopping.
        const Problem p = classificationProblem(12000, 3, 16);
        GradientBoostingClassifier clf;
        clf.maxIter = 15;
        clf.randomState = 42;
        FitContext one, four;
        one.threads = 1;
        four.threads = 4;
        const auto a = clf.fit(p.X, p.y, one);
        const auto b = clf.fit(p.X, p.y, four);
        QCOMPARE(a->toJson(), b->toJson());
        clf.randomState = 43;  // another validation split, another model
        QVERIFY(clf.fit(p.X, p.y, one)->toJson() != a->toJson());
    }

    void cancellationStopsWithinARound() {
        // 100k rows: the flag must be seen before the next tree, not at the
        // end of the fit.
        const Problem p = regressionProblem(100000, 17);
        std::atomic<bool> cancel{false};
        std::chrono::steady_clock::time_point raised;
        int rounds = 0;
        FitContext ctx;
        ctx.cancelFlag = &cancel;
        ctx.onMetric = [&](std::string_view name, int, double) {
            if (name == "train_loss" && ++rounds == 2) {
                raised = std::chrono::steady_clock::now();
                cancel = true;
            }
        };
        GradientBoostingRegressor gb;
        QVERIFY_THROWS_EXCEPTION(FitCancelled, gb.fit(p.X, p.y, ctx));
        const auto waited = std::chrono::steady_clock::now() - raised;
        QCOMPARE(rounds, 2);
        QVERIFY(waited < sluice::testing::scaledMs(200));
    }

    void misuseIsRefusedWithAdvice() {
        const Problem p = classificationProblem(50, 2, 18);
        GradientBoostingClassifier clf;
        clf.maxDepth = -1;
        expectMisuse([&] { clf.fit(p.X, p.y); }, "max_depth must be");
        clf = {};
        clf.learningRate = 0;
        expectMisuse([&] { clf.fit(p.X, p.y); }, "learning_rate must be");
        clf = {};
        clf.maxBins = 256;
        expectMisuse([&] { clf.fit(p.X, p.y); }, "max_bins must be");
        clf = {};
        clf.minSamplesLeaf = 0;
        expectMisuse([&] { clf.fit(p.X, p.y); }, "min_samples_leaf must be");
        expectMisuse(
            [] {
                MlRegistry::instance().makeLearner("gradient_boosting_regressor",
                                                   {{"early_stopping", "maybe"}});
            },
            "early_stopping must be");
        expectMisuse(
            [] {
                MlRegistry::instance().makeLearner("gradient_boosting_regressor",
                                                   {{"max_iter", "many"}});
            },
            "max_iter");
        expectMisuse([&] { GradientBoostingClassifier{}.fit(p.X, Eigen::VectorXd::Ones(50)); },
                     "only one class");
        Eigen::MatrixXd withNaN = p.X;
        withNaN(3, 1) = std::nan("");
        expectMisuse([&] { GradientBoostingRegressor{}.fit(withNaN, p.y); }, "impute");
        const auto model = GradientBoostingRegressor{}.fit(p.X, p.y);
        expectMisuse([&] { model->predict(Eigen::MatrixXd::Ones(2, 3)); }, "same columns");
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predictProba(p.X));
        nlohmann::json broken = model->toJson();
        broken["features"] = 1;  // trees use features 0..3
        QVERIFY_THROWS_EXCEPTION(MisuseError, MlRegistry::instance().loadModel(broken));
    }

    void classifiersScoreLikeScikitLearn() {
        // scikit-learn 1.2.1 HistGradientBoostingClassifier() (defaults; no
        // early stopping below 10k rows), StratifiedKFold(5), accuracy, raw
        // features: iris 0.9467, wine 0.9552, breast_cancer 0.9666.
        const struct {
            const char* file;
            double sklearn;
        } cases[] = {{"iris.csv", 0.9467}, {"wine.csv", 0.9552}, {"breast_cancer.csv", 0.9666}};
        for (const auto& c : cases) {
            const double ours = testing::crossValScore(GradientBoostingClassifier{},
                                                       testing::loadDataset(c.file), false);
            qInfo("%s: ours %.4f, scikit-learn %.4f", c.file, ours, c.sklearn);
            QVERIFY2(ours >= c.sklearn - 0.02, c.file);
        }
    }

    void regressorScoresLikeScikitLearn() {
        // scikit-learn 1.2.1, KFold(5), R^2 on diabetes, raw features:
        // HistGradientBoostingRegressor() 0.3754;
        // HistGradientBoostingRegressor(max_depth=3, learning_rate=0.05) 0.4364.
        const auto data = testing::loadDataset("diabetes.csv");
        const double ours = testing::crossValScore(GradientBoostingRegressor{}, data, false);
        qInfo("diabetes: ours %.4f, scikit-learn 0.3754", ours);
        QVERIFY(ours >= 0.3754 - 0.02);
        GradientBoostingRegressor shallow;
        shallow.maxDepth = 3;
        shallow.learningRate = 0.05;
        const double oursShallow = testing::crossValScore(shallow, data, false);
        qInfo("diabetes (depth 3, lr 0.05): ours %.4f, scikit-learn 0.4364", oursShallow);
        QVERIFY(oursShallow >= 0.4364 - 0.02);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestGradientBoosting)
#include "test_gradient_boosting.moc"
