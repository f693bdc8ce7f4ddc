// Logistic regression and its L-BFGS solver against answers known without
// running them: Rosenbrock's minimum, a zero finite-difference gradient of
// an objective written out independently here, the equivalence of class
// weights with replicated rows, scikit-learn's coefficients, and
// scikit-learn's cross-validated accuracy.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <climits>
#include <cmath>
#include <thread>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/linear/lbfgs.h"
#include "ml/linear/logistic_model.h"
#include "ml/linear/logistic_regression.h"
#include "ml_test_support.h"
#include "support/test_registry.h"
#include "support/time_scale.h"

using namespace sluice::ml;

namespace {

// C * sum_i log-loss_i + ||W||^2 / 2 written the plain way, one row at a
// time, for any class count (binary: a single output against class 1).
double plainObjective(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, double C,
                      const Eigen::MatrixXd& W, const Eigen::VectorXd& b) {
    double sum = 0;
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const Eigen::VectorXd z = W * X.row(i).transpose() + b;
        const int label = static_cast<int>(y(i));
        if (W.rows() == 1)
            sum += std::log(1 + std::exp(z(0))) - (label == 1 ? z(0) : 0.0);
        else
            sum += std::log(z.array().exp().sum()) - z(label);
    }
    return C * sum + 0.5 * W.squaredNorm();
}

testing::Dataset threeClasses(int n, int p, std::uint64_t seed) {
    Rng rng(seed);
    testing::Dataset d;
    d.X.resize(n, p);
    d.y.resize(n);
    d.classes = 3;
    for (int i = 0; i < n; ++i) {
        d.y(i) = i % 3;
        for (int j = 0; j < p; ++j)
            d.X(i, j) = rng.normal() + (j % 3 == i % 3 ? 1.0 : 0.0);
    }
    return d;
}

LogisticRegression tight(double C = 1.0) {
    LogisticRegression l;
    l.C = C;
    l.tol = 1e-10;
    l.maxIter = 10000;
    return l;
}

// Iris rows of versicolor (0) and virginica (1), petal length and width.
testing::Dataset irisPetals() {
    const auto iris = testing::loadDataset("iris.csv");
    testing::Dataset d;
    d.X = iris.X.block(50, 2, 100, 2);
    d.y = iris.y.segment(50, 100).array() - 1.0;
    d.classes = 2;
    return d;
}

}  // namespace

class TestLogisticRegression : public QObject {
    Q_OBJECT

private slots:
    void lbfgsFindsTheRosenbrockMinimum() {
        const auto rosenbrock = [](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
            double f = 0;
            g.setZero(x.size());
            for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
                const double a = x(i + 1) - x(i) * x(i), b = 1 - x(i);
                f += 100 * a * a + b * b;
                g(i) += -400 * a * x(i) - 2 * b;
                g(i + 1) += 200 * a;
            }
            return f;
        };
        LbfgsOptions options;
        options.maxIter = 1000;
        options.gtol = 1e-9;
        options.ftol = 0;
        const LbfgsResult r =
            minimizeLbfgs(rosenbrock, Eigen::VectorXd::Constant(6, -1.2), options);
        QVERIFY(r.converged());
        QVERIFY((r.x - Eigen::VectorXd::Ones(6)).norm() < 1e-7);
        QVERIFY(r.f < 1e-14);
    }

    void gradientVanishesAtTheSolution() {
        // Finite differences of the independent objective at the fitted
        // parameters: ~0 in every direction, for binary and multinomial.
        for (int classes : {2, 3}) {
            auto d = threeClasses(30, 2, 1);
            if (classes == 2)
                d.y = (d.y.array() > 0).cast<double>();
            const double C = 0.7;
            const auto m = tight(C).fit(d.X, d.y);
            QVERIFY(m->status.converged);
            const Eigen::MatrixXd W = *m->coefficients();
            const Eigen::VectorXd b = *m->intercepts();
            QCOMPARE(W.rows(), Eigen::Index(classes == 2 ? 1 : 3));
            const double h = 1e-6;
            for (Eigen::Index k = 0; k < W.rows(); ++k) {
                for (Eigen::Index j = 0; j <= W.cols(); ++j) {  // j == cols: intercept
                    Eigen::MatrixXd Wp = W, Wm = W;
                    Eigen::VectorXd bp = b, bm = b;
                    if (j < W.cols()) {
                        Wp(k, j) += h;
                        Wm(k, j) -= h;
                    } else {
                        bp(k) += h;
                        bm(k) -= h;
                    }
                    const double grad = (plainObjective(d.X, d.y, C, Wp, bp) -
                                         plainObjective(d.X, d.y, C, Wm, bm)) /
                                        (2 * h);
                    QVERIFY2(std::abs(grad) < 1e-6, std::to_string(grad).c_str());
                }
            }
        }
    }

    void binaryCoefficientsMatchScikitLearn() {
        // scikit-learn 1.2.1 LogisticRegression(C=1, solver="newton-cg",
        // tol=1e-14) on iris versicolor/virginica, petal length and width.
        // (Its lbfgs stops at scipy's fixed ftol, ~1e-7 away from these.)
        const auto d = irisPetals();
        const auto m = tight().fit(d.X, d.y);
        QVERIFY(std::abs((*m->coefficients())(0, 0) - 2.7774476236114514) < 1e-7);
        QVERIFY(std::abs((*m->coefficients())(0, 1) - 2.3854765144542505) < 1e-7);
        QVERIFY(std::abs((*m->intercepts())(0) - -17.54715902207473) < 1e-6);
    }

    void multinomialCoefficientsMatchScikitLearn() {
        // scikit-learn 1.2.1 LogisticRegression(C=1, solver="newton-cg",
        // tol=1e-14) on raw iris.
        const auto iris = testing::loadDataset("iris.csv");
        const auto m = tight().fit(iris.X, iris.y);
        Eigen::MatrixXd expected(3, 4);
        expected << -0.4235099200066846, 0.9673505795651716, -2.5171523782095693,
            -1.079336647105116, 0.5344615089526645, -0.32158785519827604, -0.20639207102563345,
            -0.9442984660365903, -0.11095158894605452, -0.6457627243669007, 2.723544449235181,
            2.023635113141689;
        const Eigen::Vector3d intercepts(9.849568050459212, 2.237205632205556, -12.08677368266462);
        // The softmax is unchanged by adding one vector to every row of W,
        // so along that direction only the penalty curves f and both solvers
        // stop ~1e-7 from the exact optimum.
        QVERIFY((*m->coefficients() - expected).cwiseAbs().maxCoeff() < 1e-6);
        QVERIFY((*m->intercepts() - intercepts).cwiseAbs().maxCoeff() < 1e-5);
    }

    void balancedWeightsEqualReplicatedRows() {
        // Rows 10.. of irisPetals: 40 of class 0, 50 of class 1. Balanced
        // weights are 90/80 and 90/100, i.e. 45:36 per row. The weighted
        // objective C*sum(s_i l_i) + |W|^2/2 is then the unweighted one on
        // class-0 rows taken 45 times and class-1 rows 36 times with
        // C' = C * 90/80 / 45 (= C * 90/100 / 36).
        const auto all = irisPetals();
        const Eigen::MatrixXd X = all.X.bottomRows(90);
        const Eigen::VectorXd y = all.y.tail(90);
        LogisticRegression balanced = tight(1.0);
        balanced.classWeight = LogisticRegression::ClassWeight::Balanced;
        const auto mb = balanced.fit(X, y);

        std::vector<Eigen::Index> rows;
        for (Eigen::Index i = 0; i < 90; ++i)
            for (int r = 0; r < (y(i) == 0 ? 45 : 36); ++r)
                rows.push_back(i);
        Eigen::MatrixXd Xr(static_cast<Eigen::Index>(rows.size()), 2);
        Eigen::VectorXd yr(Xr.rows());
        for (Eigen::Index i = 0; i < Xr.rows(); ++i) {
            Xr.row(i) = X.row(rows[static_cast<std::size_t>(i)]);
            yr(i) = y(rows[static_cast<std::size_t>(i)]);
        }
        const auto mr = tight(90.0 / 80.0 / 45.0).fit(Xr, yr);
        QVERIFY((*mb->coefficients() - *mr->coefficients()).norm() < 1e-6);
        QVERIFY(std::abs((*mb->intercepts())(0) - (*mr->intercepts())(0)) < 1e-5);

        // scikit-learn 1.2.1, class_weight="balanced", newton-cg, tol=1e-14.
        QVERIFY(std::abs((*mb->coefficients())(0, 0) - 2.6815582658794717) < 1e-7);
        QVERIFY(std::abs((*mb->coefficients())(0, 1) - 2.2202302824593607) < 1e-7);
        QVERIFY(std::abs((*mb->intercepts())(0) - -16.76336177057976) < 1e-6);
        // ... and differs from the unweighted fit.
        QVERIFY(std::abs((*mb->intercepts())(0) - (*tight().fit(X, y)->intercepts())(0)) > 0.1);
    }

    void probabilitiesArePositiveAndSumToOne() {
        for (int classes : {2, 3}) {
            auto d = threeClasses(200, 4, 2);
            if (classes == 2)
                d.y = (d.y.array() > 0).cast<double>();
            const auto m = LogisticRegression{}.fit(d.X, d.y);
            QCOMPARE(m->classCount(), classes);
            Eigen::MatrixXd probe = d.X;
            probe.row(0).setConstant(1e6);  // extreme logits must not overflow
            probe.row(1).setConstant(-1e6);
            const Eigen::MatrixXd p = m->predictProba(probe);
            QCOMPARE(p.cols(), Eigen::Index(classes));
            QVERIFY(p.allFinite());
            QVERIFY((p.array() >= 0).all());
            QVERIFY(((p.rowwise().sum().array() - 1).abs() < 1e-12).all());
            const Eigen::VectorXd predicted = m->predict(d.X);
            const Eigen::MatrixXd pd = m->predictProba(d.X);
            for (Eigen::Index i = 0; i < d.X.rows(); ++i) {
                Eigen::Index best;
                pd.row(i).maxCoeff(&best);
                QCOMPARE(predicted(i), double(best));
            }
        }
    }

    void aClassAbsentFromTrainingGetsProbabilityZero() {
        // Classes 0 and 2 only, of 3: the binary fit between them.
        const auto d = irisPetals();
        const Eigen::VectorXd y02 = 2.0 * d.y;
        const auto m = tight().fit(d.X, y02);
        const auto binary = tight().fit(d.X, d.y);
        QCOMPARE(m->classCount(), 3);
        const Eigen::MatrixXd p = m->predictProba(d.X);
        QVERIFY(p.col(1).isZero(0.0));
        QVERIFY((p.col(2) - binary->predictProba(d.X).col(1)).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY(m->predict(d.X) == 2.0 * binary->predict(d.X));
    }

    void lossIsReportedEveryIterationAndFalls() {
        const auto iris = testing::loadDataset("iris.csv");
        std::vector<double> losses;
        FitContext context;
        context.onMetric = [&](std::string_view name, int step, double value) {
            QCOMPARE(name, std::string_view("loss"));
            QCOMPARE(step, static_cast<int>(losses.size()) + 1);
            losses.push_back(value);
        };
        const auto m = LogisticRegression{}.fit(iris.X, iris.y, context);
        QCOMPARE(static_cast<int>(losses.size()), m->status.iterations);
        QVERIFY(losses.size() > 5);
        QVERIFY(losses.front() < std::log(3.0));  // below the all-zero model's loss
        for (std::size_t i = 1; i < losses.size(); ++i)
            QVERIFY(losses[i] < losses[i - 1]);  // the line search demands a decrease
        QCOMPARE(losses.back(), m->status.finalLoss);
    }

    void nonConvergenceIsAStatusNotAnError() {
        const auto iris = testing::loadDataset("iris.csv");
        LogisticRegression l;
        l.maxIter = 2;
        const auto m = l.fit(iris.X, iris.y);
        QVERIFY(!m->status.converged);
        QCOMPARE(m->status.iterations, 2);
        QCOMPARE(m->status.warnings.size(), std::size_t{1});
        QVERIFY(m->status.warnings[0].find("max_iter") != std::string::npos);
    }

    void sameModelWhateverTheThreadCount() {
        const auto d = threeClasses(20000, 6, 3);  // several row chunks
        std::unique_ptr<Model> first;
        for (unsigned threads : {1u, 2u, 3u, 8u}) {
            FitContext context;
            context.threads = threads;
            auto m = LogisticRegression{}.fit(d.X, d.y, context);
            if (!first) {
                first = std::move(m);
                continue;
            }
            QVERIFY(*m->coefficients() == *first->coefficients());
            QVERIFY(*m->intercepts() == *first->intercepts());
        }
    }

    void cancelStopsQuicklyOnManyRows() {
        const auto d = threeClasses(100000, 20, 4);
        LogisticRegression l;
        l.tol = 0.0;
        l.maxIter = INT_MAX;
        std::atomic<bool> cancel{false};
        FitContext context;
        context.cancelFlag = &cancel;
        context.threads = 1;
        auto raisedAt = std::chrono::steady_clock::now();
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            raisedAt = std::chrono::steady_clock::now();
            cancel = true;
        });
        QVERIFY_THROWS_EXCEPTION(FitCancelled, l.fit(d.X, d.y, context));
        const auto stoppedAt = std::chrono::steady_clock::now();
        canceller.join();
        QVERIFY(stoppedAt - raisedAt < sluice::testing::scaledMs(200));
    }

    void jsonRoundTripPredictsIdentically() {
        for (int classes : {2, 3}) {
            auto d = threeClasses(90, 3, 5);
            if (classes == 2)
                d.y = (d.y.array() > 0).cast<double>();
            const auto learner = MlRegistry::instance().makeLearner(
                "logistic_regression", {{"C", 0.5}, {"class_weight", "balanced"}});
            QCOMPARE(learner->params()["class_weight"].get<std::string>(), "balanced");
            QCOMPARE(learner->params()["C"].get<double>(), 0.5);
            const auto model = learner->fit(d.X, d.y);
            const auto loaded =
                MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
            QCOMPARE(loaded->kind(), std::string_view("logistic_regression"));
            QVERIFY(loaded->predictProba(d.X) == model->predictProba(d.X));  // bit for bit
            QVERIFY(loaded->predict(d.X) == model->predict(d.X));
            QCOMPARE(loaded->status.iterations, model->status.iterations);
        }
    }

    void scoresLikeScikitLearn() {
        // scikit-learn 1.2.1, StratifiedKFold(5) mean accuracy with
        // StandardScaler: LogisticRegression() iris 0.9600, wine 0.9832,
        // breast_cancer 0.9807; class_weight="balanced" breast_cancer 0.9754;
        // C=0.1 iris 0.9267.
        const auto score = [](const Learner& l, const char* file) {
            return testing::crossValScore(l, testing::loadDataset(file), true);
        };
        QVERIFY(testing::nearSklearn(score(LogisticRegression{}, "iris.csv"), 0.9600, 5e-4,
                                     "LogisticRegression on iris"));
        QVERIFY(testing::nearSklearn(score(LogisticRegression{}, "wine.csv"), 0.9832, 5e-4,
                                     "LogisticRegression on wine"));
        QVERIFY(testing::nearSklearn(score(LogisticRegression{}, "breast_cancer.csv"), 0.9807, 5e-4,
                                     "LogisticRegression on breast_cancer"));
        LogisticRegression balanced;
        balanced.classWeight = LogisticRegression::ClassWeight::Balanced;
        QVERIFY(testing::nearSklearn(score(balanced, "breast_cancer.csv"), 0.9754, 5e-4,
                                     "balanced on breast_cancer"));
        LogisticRegression strong;
        strong.C = 0.1;
        QVERIFY(testing::nearSklearn(score(strong, "iris.csv"), 0.9267, 5e-4, "strong on iris"));
    }

    void misuseIsRefusedWithAdvice() {
        const auto d = threeClasses(12, 2, 6);
        LogisticRegression bad;
        bad.C = 0;
        try {
            bad.fit(d.X, d.y);
            QFAIL("expected MisuseError");
        } catch (const MisuseError& e) {
            QVERIFY(std::string(e.what()).find("C must be greater than 0") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(
            MisuseError,
            MlRegistry::instance().makeLearner("logistic_regression", {{"class_weight", "heavy"}}));
        QVERIFY_THROWS_EXCEPTION(MisuseError,
                                 LogisticRegression{}.fit(d.X, Eigen::VectorXd::Ones(12)));
        QVERIFY_THROWS_EXCEPTION(MisuseError, LogisticRegression{}.fit(d.X, d.y.array() + 0.5));
        const auto m = LogisticRegression{}.fit(d.X, d.y);
        QVERIFY_THROWS_EXCEPTION(MisuseError, m->predictProba(Eigen::MatrixXd::Ones(2, 3)));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestLogisticRegression)
#include "test_logistic_regression.moc"
