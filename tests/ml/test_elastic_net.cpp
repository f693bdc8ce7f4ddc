// Lasso and elastic net against answers known without running them: the
// soft-threshold closed form, the smallest alpha that zeroes every
// coefficient, ridge at l1_ratio = 0, the optimality (KKT) conditions, and
// scikit-learn's coefficients and scores on diabetes.
#include <QtTest>
#include <cmath>

#include <atomic>
#include <chrono>
#include <climits>
#include <thread>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/linear/elastic_net.h"
#include "ml/linear/least_squares.h"
#include "ml_test_support.h"
#include "support/test_registry.h"
#include "support/time_scale.h"

using namespace sluice::ml;

namespace {

struct Problem {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
};

// y depends on the first three (or fewer) of p correlated features, plus noise.
Problem randomProblem(int n, int p, std::uint64_t seed) {
    Rng rng(seed);
    Problem pr{Eigen::MatrixXd(n, p), Eigen::VectorXd(n)};
    for (int i = 0; i < n; ++i) {
        const double shared = rng.normal();
        for (int j = 0; j < p; ++j)
            pr.X(i, j) = rng.normal() + 0.3 * shared + 0.1 * j;
        const double weights[] = {3.0, -2.0, 0.5};
        pr.y(i) = 4.0 + rng.normal();
        for (int j = 0; j < std::min(p, 3); ++j)
            pr.y(i) += weights[j] * pr.X(i, j);
    }
    return pr;
}

Eigen::VectorXd coef(const Model& m) {
    return m.coefficients()->row(0).transpose();
}

double intercept(const Model& m) {
    return (*m.intercepts())(0);
}

ElasticNet tightNet(double alpha, double l1Ratio) {
    ElasticNet net;
    net.alpha = alpha;
    net.l1Ratio = l1Ratio;
    net.tol = 1e-14;
    net.maxIter = 100000;
    return net;
}

// Largest violation of the optimality conditions of the elastic net:
// X_j.r/n = a*l1*sign(w_j) + a*l2*w_j where w_j != 0, |X_j.r/n| <= a*l1 where
// w_j = 0 (centred data, r the residual).
double kktViolation(const Problem& pr, const Model& m, double alpha, double l1Ratio) {
    const Eigen::RowVectorXd mean = pr.X.colwise().mean();
    const Eigen::MatrixXd Xc = pr.X.rowwise() - mean;
    const Eigen::VectorXd w = coef(m);
    const Eigen::VectorXd r =
        pr.y - pr.X * w - Eigen::VectorXd::Constant(pr.y.size(), intercept(m));
    const Eigen::VectorXd corr = Xc.transpose() * r / static_cast<double>(pr.X.rows());
    double worst = std::abs(r.mean());  // the intercept makes the residual mean 0
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        const double l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio);
        if (w(j) != 0.0)
            worst = std::max(worst, std::abs(corr(j) - l1 * (w(j) > 0 ? 1 : -1) - l2 * w(j)));
        else
            worst = std::max(worst, std::abs(corr(j)) - l1);
    }
    return worst;
}

}  // namespace

class TestElasticNet : public QObject {
    Q_OBJECT

private slots:
    void singleFeatureLassoIsTheSoftThreshold() {
        // One feature: w = S(x.y/n, alpha) / (x.x/n) on centred data.
        const Problem pr = randomProblem(80, 1, 1);
        const Eigen::VectorXd x = pr.X.col(0).array() - pr.X.col(0).mean();
        const Eigen::VectorXd yc = pr.y.array() - pr.y.mean();
        const double xy = x.dot(yc) / 80, xx = x.squaredNorm() / 80;
        for (double alpha : {0.0, 0.1, 1.0, 2.5, 100.0}) {
            const double s = xy > alpha ? xy - alpha : (xy < -alpha ? xy + alpha : 0.0);
            Lasso lasso;
            lasso.alpha = alpha;
            const auto m = lasso.fit(pr.X, pr.y);
            QVERIFY2(std::abs(coef(*m)(0) - s / xx) < 1e-12,
                     (std::to_string(coef(*m)(0)) + " vs " + std::to_string(s / xx)).c_str());
            QVERIFY(std::abs(intercept(*m) - (pr.y.mean() - pr.X.col(0).mean() * s / xx)) < 1e-10);
            QVERIFY(m->status.converged);
        }
    }

    void alphaMaxIsTheSmallestAlphaThatZeroesEverything() {
        const Problem pr = randomProblem(120, 6, 2);
        const Eigen::MatrixXd Xc = pr.X.rowwise() - pr.X.colwise().mean();
        const Eigen::VectorXd yc = pr.y.array() - pr.y.mean();
        const double alphaMax = (Xc.transpose() * yc).lpNorm<Eigen::Infinity>() / 120.0;
        for (double l1Ratio : {1.0, 0.5}) {
            // For the elastic net the threshold is alpha_max / l1_ratio.
            const auto above = tightNet(alphaMax / l1Ratio * 1.0001, l1Ratio).fit(pr.X, pr.y);
            QVERIFY(coef(*above).isZero(0.0));
            QCOMPARE(intercept(*above), pr.y.mean());
            const auto below = tightNet(alphaMax / l1Ratio * 0.99, l1Ratio).fit(pr.X, pr.y);
            QVERIFY(!coef(*below).isZero(0.0));
        }
    }

    void l1RatioZeroIsRidgeWithAlphaTimesN() {
        // (1/2n)||r||^2 + a/2 ||w||^2 is (1/2n) times ||r||^2 + n a ||w||^2.
        for (auto [n, p] : {std::pair{150, 5}, std::pair{20, 30}}) {
            const Problem pr = randomProblem(n, p, 3);
            const double a = 0.2;
            const auto net = tightNet(a, 0.0).fit(pr.X, pr.y);
            RidgeRegression ridge;
            ridge.alpha = n * a;
            const auto r = ridge.fit(pr.X, pr.y);
            QVERIFY2((coef(*net) - coef(*r)).norm() < 1e-9 * coef(*r).norm(),
                     (std::to_string(n) + "x" + std::to_string(p)).c_str());
            QVERIFY(std::abs(intercept(*net) - intercept(*r)) < 1e-8);
            QVERIFY(net->status.converged);  // scikit-learn's gap alone never gets there
        }
    }

    void solutionsMeetTheOptimalityConditions() {
        // Tall data runs on the Gram matrix, wide data on the residual.
        for (auto [n, p] : {std::pair{300, 8}, std::pair{30, 50}}) {
            const Problem pr = randomProblem(n, p, 4);
            for (auto [alpha, l1Ratio] :
                 {std::pair{0.05, 1.0}, std::pair{0.3, 0.5}, std::pair{0.01, 0.9}}) {
                const auto m = tightNet(alpha, l1Ratio).fit(pr.X, pr.y);
                QVERIFY(m->status.converged);
                QVERIFY2(kktViolation(pr, *m, alpha, l1Ratio) < 1e-8,
                         (std::to_string(n) + "x" + std::to_string(p) + " alpha " +
                          std::to_string(alpha))
                             .c_str());
            }
        }
    }

    void diabetesCoefficientsMatchScikitLearn() {
        // scikit-learn 1.2.1 on raw diabetes, tol=1e-12, max_iter=1e6:
        // Lasso(alpha=0.1) and ElasticNet(alpha=0.01, l1_ratio=0.7).
        const auto data = testing::loadDataset("diabetes.csv");
        struct Case {
            double alpha, l1Ratio;
            std::array<double, 10> coef;
            double intercept;
        };
        const Case cases[] = {
            {0.1,
             1.0,
             {-3.4222792605283194e-02, -2.2318880533780973e+01, 5.6282349349002221e+00,
              1.1138766959004838e+00, -9.3484223894664287e-01, 6.1344609271376571e-01,
              1.7627318118602159e-01, 5.7548162623647627e+00, 6.4328963387717735e+01,
              2.8537555771448858e-01},
             -318.12881282139836},
            {0.01,
             0.7,
             {-3.1723329062715196e-02, -2.2488281606562460e+01, 5.6530541670939449e+00,
              1.1193634943717876e+00, -8.5330547450111016e-01, 5.2907946697924280e-01,
              1.0832331809279169e-01, 6.1130883313256730e+00, 6.1362084278291093e+01,
              2.9031349525780586e-01},
             -309.6132265854827},
        };
        for (const Case& c : cases) {
            ElasticNet net = tightNet(c.alpha, c.l1Ratio);
            net.tol = 1e-12;
            const auto m = net.fit(data.X, data.y);
            const Eigen::Map<const Eigen::VectorXd> expected(c.coef.data(), 10);
            QVERIFY2((coef(*m) - expected).norm() < 1e-6 * expected.norm(),
                     std::to_string(c.alpha).c_str());
            QVERIFY(std::abs(intercept(*m) - c.intercept) < 1e-5);
        }
    }

    void diabetesScoresLikeScikitLearn() {
        // scikit-learn 1.2.1, KFold(5) mean R^2: Lasso() raw 0.4740,
        // Lasso() standardized 0.4820, ElasticNet() standardized 0.4578,
        // ElasticNet(alpha=0.1, l1_ratio=0.7) standardized 0.4813.
        const auto data = testing::loadDataset("diabetes.csv");
        QVERIFY(testing::nearSklearn(testing::crossValScore(Lasso{}, data, false), 0.4740, 5e-4,
                                     "Lasso on diabetes"));
        QVERIFY(testing::nearSklearn(testing::crossValScore(Lasso{}, data, true), 0.4820, 5e-4,
                                     "Lasso on diabetes, scaled"));
        QVERIFY(testing::nearSklearn(testing::crossValScore(ElasticNet{}, data, true), 0.4578, 5e-4,
                                     "ElasticNet on diabetes, scaled"));
        ElasticNet net;
        net.alpha = 0.1;
        net.l1Ratio = 0.7;
        QVERIFY(testing::nearSklearn(testing::crossValScore(net, data, true), 0.4813, 5e-4,
                                     "net on diabetes, scaled"));
    }

    void objectiveIsReportedEverySweepAndNeverRises() {
        const auto data = testing::loadDataset("diabetes.csv");  // raw: many sweeps
        std::vector<std::pair<int, double>> seen;
        FitContext context;
        context.onMetric = [&](std::string_view name, int step, double value) {
            QCOMPARE(name, std::string_view("objective"));
            seen.emplace_back(step, value);
        };
        const auto m = Lasso{}.fit(data.X, data.y, context);
        QVERIFY(m->status.iterations > 10);
        QCOMPARE(static_cast<int>(seen.size()), m->status.iterations);
        for (std::size_t i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i].first, static_cast<int>(i) + 1);
            if (i > 0)  // each coordinate step minimises exactly: monotone descent
                QVERIFY(seen[i].second <= seen[i - 1].second * (1 + 1e-12));
        }
        QVERIFY(std::abs(seen.back().second - m->status.finalLoss) < 1e-9 * m->status.finalLoss);
    }

    void nonConvergenceIsAStatusNotAnError() {
        const auto data = testing::loadDataset("diabetes.csv");
        Lasso lasso;
        lasso.maxIter = 3;
        const auto m = lasso.fit(data.X, data.y);
        QVERIFY(!m->status.converged);
        QCOMPARE(m->status.iterations, 3);
        QCOMPARE(m->status.warnings.size(), std::size_t{1});
        QVERIFY(m->status.warnings[0].find("max_iter") != std::string::npos);
        QVERIFY(std::isfinite(m->status.finalLoss));
    }

    void cancelStopsQuicklyOnManyRows() {
        const Problem pr = randomProblem(100000, 20, 5);
        for (double l1Ratio : {1.0, 0.5}) {
            ElasticNet net;  // tol 0 never converges: only the cancel stops it
            net.l1Ratio = l1Ratio;
            net.alpha = 0.001;
            net.tol = 0.0;
            net.maxIter = INT_MAX;
            std::atomic<bool> cancel{false};
            FitContext context;
            context.cancelFlag = &cancel;
            auto raisedAt = std::chrono::steady_clock::now();
            std::thread canceller([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                raisedAt = std::chrono::steady_clock::now();
                cancel = true;
            });
            QVERIFY_THROWS_EXCEPTION(FitCancelled, net.fit(pr.X, pr.y, context));
            const auto stoppedAt = std::chrono::steady_clock::now();
            canceller.join();
            QVERIFY(stoppedAt - raisedAt < sluice::testing::scaledMs(200));
        }
    }

    void jsonRoundTripPredictsIdentically() {
        const Problem pr = randomProblem(60, 7, 6);
        for (const char* kind : {"lasso", "elastic_net"}) {
            const auto learner =
                MlRegistry::instance().makeLearner(kind, {{"alpha", 0.05}, {"max_iter", 500}});
            QCOMPARE(learner->params()["alpha"].get<double>(), 0.05);
            QCOMPARE(learner->params()["max_iter"].get<int>(), 500);
            const auto model = learner->fit(pr.X, pr.y);
            const auto loaded =
                MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
            QCOMPARE(loaded->kind(), std::string_view(kind));
            QVERIFY(loaded->predict(pr.X) == model->predict(pr.X));  // bit for bit
            QCOMPARE(loaded->status.iterations, model->status.iterations);
        }
        QCOMPARE(MlRegistry::instance()
                     .makeLearner("elastic_net", {{"l1_ratio", 0.25}})
                     ->params()["l1_ratio"]
                     .get<double>(),
                 0.25);
    }

    void noInterceptFitsThroughTheOrigin() {
        // One feature, no intercept: w = S(x.y/n, alpha) / (x.x/n), uncentred.
        const Problem pr = randomProblem(50, 1, 7);
        Lasso lasso;
        lasso.alpha = 0.3;
        lasso.fitIntercept = false;
        const auto m = lasso.fit(pr.X, pr.y);
        const double xy = pr.X.col(0).dot(pr.y) / 50, xx = pr.X.col(0).squaredNorm() / 50;
        QCOMPARE(intercept(*m), 0.0);
        QVERIFY(std::abs(coef(*m)(0) - (xy - 0.3) / xx) < 1e-12);
    }

    void misuseIsRefusedWithAdvice() {
        const Problem pr = randomProblem(10, 2, 8);
        auto expectMessage = [&](const Learner& l, const char* text) {
            try {
                l.fit(pr.X, pr.y);
                QFAIL("expected MisuseError");
            } catch (const MisuseError& e) {
                QVERIFY2(std::string(e.what()).find(text) != std::string::npos, e.what());
            }
        };
        Lasso lasso;
        lasso.alpha = -1;
        expectMessage(lasso, "alpha must be zero or more");
        ElasticNet net;
        net.l1Ratio = 1.5;
        expectMessage(net, "l1_ratio must be between 0 and 1");
        net.l1Ratio = 0.5;
        net.maxIter = 0;
        expectMessage(net, "max_iter must be 1 or more");
        Eigen::MatrixXd withNaN = pr.X;
        withNaN(2, 0) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(MisuseError, Lasso{}.fit(withNaN, pr.y));
        const auto m = Lasso{}.fit(pr.X, pr.y);
        QVERIFY_THROWS_EXCEPTION(MisuseError, m->predict(Eigen::MatrixXd::Ones(3, 5)));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestElasticNet)
#include "test_elastic_net.moc"
