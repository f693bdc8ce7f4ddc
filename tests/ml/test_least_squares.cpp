// Least squares and ridge against independent solutions of the same problems.
#include <QtTest>
#include <cmath>

#include <Eigen/LU>
#include <Eigen/QR>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/linear/least_squares.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

struct Problem {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
};

Problem randomProblem(int n, int p, std::uint64_t seed) {
    Rng rng(seed);
    Problem pr{Eigen::MatrixXd(n, p), Eigen::VectorXd(n)};
    Eigen::VectorXd w(p);
    for (int j = 0; j < p; ++j)
        w(j) = rng.normal() * 3;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < p; ++j)
            pr.X(i, j) = rng.normal() + j;
        pr.y(i) = pr.X.row(i).dot(w) + 7.5 + 0.1 * rng.normal();
    }
    return pr;
}

}  // namespace

class TestLeastSquares : public QObject {
    Q_OBJECT

private slots:
    void ordinaryLeastSquaresEqualsNormalEquations() {
        const Problem pr = randomProblem(200, 5, 1);
        // Normal equations with an explicit intercept column.
        Eigen::MatrixXd A(200, 6);
        A << pr.X, Eigen::VectorXd::Ones(200);
        const Eigen::VectorXd beta = (A.transpose() * A).inverse() * A.transpose() * pr.y;

        const auto model = LinearRegression{}.fit(pr.X, pr.y);
        QVERIFY((model->coefficients()->row(0).transpose() - beta.head(5)).norm() < 1e-9);
        QVERIFY(std::abs((*model->intercepts())(0) - beta(5)) < 1e-9);
        QVERIFY(model->status.converged);
        QVERIFY(model->status.warnings.empty());
    }

    void ridgeMatchesAugmentedLeastSquares() {
        // Ridge = least squares on X stacked over sqrt(alpha) I (centred).
        for (auto [n, p] : {std::pair{100, 4}, std::pair{10, 30}}) {
            const Problem pr = randomProblem(n, p, 2);
            const double alpha = 2.5;
            const Eigen::RowVectorXd xm = pr.X.colwise().mean();
            const Eigen::MatrixXd Xc = pr.X.rowwise() - xm;
            const Eigen::VectorXd yc = pr.y.array() - pr.y.mean();
            Eigen::MatrixXd A(n + p, p);
            A << Xc, std::sqrt(alpha) * Eigen::MatrixXd::Identity(p, p);
            Eigen::VectorXd b = Eigen::VectorXd::Zero(n + p);
            b.head(n) = yc;
            const Eigen::VectorXd w = A.colPivHouseholderQr().solve(b);

            RidgeRegression ridge;
            ridge.alpha = alpha;
            const auto model = ridge.fit(pr.X, pr.y);
            QVERIFY2((model->coefficients()->row(0).transpose() - w).norm() < 1e-8,
                     (std::to_string(n) + "x" + std::to_string(p)).c_str());
            QVERIFY(std::abs((*model->intercepts())(0) - (pr.y.mean() - xm.dot(w))) < 1e-8);
        }
    }

    void rankDeficientDataGivesMinimumNormSolutionAndSaysSo() {
        Problem pr = randomProblem(50, 3, 3);
        Eigen::MatrixXd X(50, 4);
        X << pr.X, pr.X.col(0);  // a duplicated column
        const auto model = LinearRegression{}.fit(X, pr.y);
        QCOMPARE(model->status.warnings.size(), std::size_t{1});
        QVERIFY(model->status.warnings[0].find("rank 3 of 4") != std::string::npos);
        const Eigen::VectorXd coef = model->coefficients()->row(0).transpose();
        QVERIFY(std::abs(coef(0) - coef(3)) < 1e-8);  // minimum norm splits the weight evenly
        QVERIFY((model->predict(X) - pr.y).norm() / std::sqrt(50.0) < 0.2);
    }

    void noInterceptFitsThroughTheOrigin() {
        const Problem pr = randomProblem(60, 2, 4);
        LinearRegression lr;
        lr.fitIntercept = false;
        const auto model = lr.fit(pr.X, pr.y);
        QCOMPARE((*model->intercepts())(0), 0.0);
        const Eigen::VectorXd w = pr.X.colPivHouseholderQr().solve(pr.y);
        QVERIFY((model->coefficients()->row(0).transpose() - w).norm() < 1e-9);
    }

    void jsonRoundTripPredictsIdentically() {
        const Problem pr = randomProblem(40, 3, 5);
        for (const char* kind : {"linear_regression", "ridge"}) {
            const auto learner = MlRegistry::instance().makeLearner(kind, {{"alpha", 0.3}});
            const auto model = learner->fit(pr.X, pr.y);
            const auto text = model->toJson().dump();
            const auto loaded = MlRegistry::instance().loadModel(nlohmann::json::parse(text));
            QCOMPARE(loaded->kind(), model->kind());
            QVERIFY(loaded->predict(pr.X) == model->predict(pr.X));  // bit for bit
        }
    }

    void diabetesScoresLikeScikitLearn() {
        // scikit-learn 1.2, 5-fold KFold R^2: LinearRegression 0.4823,
        // Ridge(alpha=1) on standardized features 0.4822.
        const auto data = testing::loadDataset("diabetes.csv");
        QVERIFY(testing::nearSklearn(testing::crossValScore(LinearRegression{}, data, false),
                                     0.4823, 5e-4, "LinearRegression on diabetes"));
        QVERIFY(testing::nearSklearn(testing::crossValScore(RidgeRegression{}, data, true), 0.4822,
                                     5e-4, "RidgeRegression on diabetes, scaled"));
    }

    void misuseIsRefusedWithAdvice() {
        const Problem pr = randomProblem(10, 2, 6);
        Eigen::MatrixXd withNaN = pr.X;
        withNaN(3, 1) = std::nan("");
        try {
            LinearRegression{}.fit(withNaN, pr.y);
            QFAIL("expected MisuseError");
        } catch (const MisuseError& e) {
            QVERIFY(std::string(e.what()).find("row 4, column 2") != std::string::npos);
            QVERIFY(std::string(e.what()).find("impute") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(MisuseError, LinearRegression{}.fit(pr.X, pr.y.head(5)));
        const auto model = LinearRegression{}.fit(pr.X, pr.y);
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(Eigen::MatrixXd::Ones(2, 3)));
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predictProba(pr.X));
        RidgeRegression bad;
        bad.alpha = -1;
        QVERIFY_THROWS_EXCEPTION(MisuseError, bad.fit(pr.X, pr.y));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestLeastSquares)
#include "test_least_squares.moc"
