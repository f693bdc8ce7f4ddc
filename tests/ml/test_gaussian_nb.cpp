// Gaussian naive Bayes: per-class statistics, scikit-learn's probabilities
// on iris, priors, and scores against scikit-learn.
#include <QtTest>

#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "ml/naive_bayes/gaussian_nb.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

class TestGaussianNB : public QObject {
    Q_OBJECT

private slots:
    void parametersAreThePerClassSampleStatistics() {
        const auto data = testing::loadDataset("wine.csv");
        const auto model = GaussianNB{}.fit(data.X, data.y);
        const auto& nb = dynamic_cast<const GaussianNBModel&>(*model);
        // Smoothing: 1e-9 x the largest (biased) feature variance.
        const Eigen::RowVectorXd mean = data.X.colwise().mean();
        const double epsilon = 1e-9 * ((data.X.rowwise() - mean).array().square().colwise().sum() /
                                       static_cast<double>(data.X.rows()))
                                          .maxCoeff();
        for (int c = 0; c < data.classes; ++c) {
            std::vector<Eigen::Index> rows;
            for (Eigen::Index i = 0; i < data.y.size(); ++i)
                if (data.y(i) == c)
                    rows.push_back(i);
            Eigen::MatrixXd Xc(static_cast<Eigen::Index>(rows.size()), data.X.cols());
            for (std::size_t r = 0; r < rows.size(); ++r)
                Xc.row(static_cast<Eigen::Index>(r)) = data.X.row(rows[r]);
            const Eigen::RowVectorXd mu = Xc.colwise().mean();
            const Eigen::RowVectorXd var =
                (Xc.rowwise() - mu).array().square().colwise().mean() + epsilon;
            QVERIFY((nb.theta().row(c) - mu).cwiseAbs().maxCoeff() <
                    1e-9 * mu.cwiseAbs().maxCoeff());
            QVERIFY(((nb.var().row(c) - var).array() / var.array()).abs().maxCoeff() < 1e-9);
            QVERIFY(std::abs(nb.logPrior()(c) -
                             std::log(static_cast<double>(rows.size()) / data.y.size())) < 1e-15);
        }
    }

    void probabilitiesMatchScikitLearnOnIris() {
        // GaussianNB().fit(iris).predict_proba, scikit-learn 1.2.1.
        const auto data = testing::loadDataset("iris.csv");
        const auto model = GaussianNB{}.fit(data.X, data.y);
        const Eigen::MatrixXd proba = model->predictProba(data.X);
        const std::pair<int, std::array<double, 3>> expected[] = {
            {0, {1.0, 1.3578426545097532e-18, 7.1128351163031529e-26}},
            {52, {1.8714285887848073e-123, 4.5615131664942282e-01, 5.4384868335057701e-01}},
            {77, {1.1698812222279229e-138, 7.5269131588514074e-02, 9.2473086841148611e-01}},
            {83, {2.140697314099488e-135, 6.121598447427535e-01, 3.878401552572468e-01}},
            {134, {6.807233050315341e-154, 4.861992854028042e-01, 5.138007145971960e-01}}};
        for (const auto& [row, p] : expected)
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(proba(row, c) - p[static_cast<std::size_t>(c)]) <=
                             1e-9 * p[static_cast<std::size_t>(c)] + 1e-12,
                         ("row " + std::to_string(row)).c_str());
        QVERIFY((proba.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
    }

    void farRowsStillGetProbabilities() {
        // Every joint likelihood underflows to 0 at x = 1e4; log-sum-exp
        // still gives finite probabilities (the nearer class wins).
        const auto data = testing::loadDataset("iris.csv");
        const auto model = GaussianNB{}.fit(data.X, data.y);
        const Eigen::MatrixXd far = Eigen::MatrixXd::Constant(1, 4, 1e4);
        const Eigen::MatrixXd proba = model->predictProba(far);
        QVERIFY(proba.allFinite());
        QVERIFY(std::abs(proba.sum() - 1.0) < 1e-12);
    }

    void priorsShiftTheOddsByTheirRatio() {
        // log(p1 / p0) moves by log(prior1 / prior0) - log(n1 / n0).
        const auto data = testing::blobs(60, 2, 0.5, 3);  // 30 rows per class
        GaussianNB nb;
        const Eigen::MatrixXd base = nb.fit(data.X, data.y)->predictProba(data.X);
        nb.priors = Eigen::Vector2d(0.2, 0.8);
        const Eigen::MatrixXd shifted = nb.fit(data.X, data.y)->predictProba(data.X);
        for (Eigen::Index i = 0; i < data.X.rows(); ++i) {
            const double before = std::log(base(i, 1) / base(i, 0));
            const double after = std::log(shifted(i, 1) / shifted(i, 0));
            QVERIFY(std::abs(after - before - std::log(4.0)) < 1e-9);
        }
    }

    void scoresLikeScikitLearn() {
        // scikit-learn 1.2.1, StratifiedKFold(5) accuracy, GaussianNB() on
        // raw features: iris 0.9533, wine 0.9663, breast_cancer 0.9385.
        for (const auto& [file, sk] : {std::pair{"iris.csv", 0.9533}, std::pair{"wine.csv", 0.9663},
                                       std::pair{"breast_cancer.csv", 0.9385}}) {
            const double ours =
                testing::crossValScore(GaussianNB{}, testing::loadDataset(file), false);
            qInfo("%s: %.4f (sklearn %.4f)", file, ours, sk);
            QVERIFY(ours >= sk - 0.02);
        }
    }

    void jsonRoundTripWithAnAbsentClass() {
        // Class 1 never occurs: prior 0 (log -inf, saved as null), so its
        // probability is 0 before and after the round trip.
        auto data = testing::blobs(40, 3, 2.0, 4);
        data.y *= 2.0;
        const auto learner =
            MlRegistry::instance().makeLearner("gaussian_nb", {{"var_smoothing", 1e-6}});
        QCOMPARE(learner->params()["var_smoothing"].get<double>(), 1e-6);
        const auto model = learner->fit(data.X, data.y);
        QCOMPARE(model->classCount(), 3);
        const auto loaded =
            MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
        const Eigen::MatrixXd proba = model->predictProba(data.X);
        QVERIFY(proba.col(1).isZero(0.0));
        QVERIFY(loaded->predictProba(data.X) == proba);
        QVERIFY(loaded->predict(data.X) == model->predict(data.X));
    }

    void misuseIsRefusedWithAdvice() {
        const auto data = testing::blobs(20, 2, 1.0, 5);
        GaussianNB bad;
        bad.varSmoothing = -1;
        QVERIFY_THROWS_EXCEPTION(MisuseError, bad.fit(data.X, data.y));
        GaussianNB wrongPriors;
        wrongPriors.priors = Eigen::Vector3d(0.2, 0.3, 0.5);
        QVERIFY_THROWS_EXCEPTION(MisuseError, wrongPriors.fit(data.X, data.y));
        wrongPriors.priors = Eigen::Vector2d(0.2, 0.3);
        QVERIFY_THROWS_EXCEPTION(MisuseError, wrongPriors.fit(data.X, data.y));
        QVERIFY_THROWS_EXCEPTION(MisuseError, GaussianNB{}.fit(data.X, Eigen::VectorXd::Ones(20)));
        const auto model = GaussianNB{}.fit(data.X, data.y);
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(Eigen::MatrixXd::Ones(1, 3)));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestGaussianNB)
#include "test_gaussian_nb.moc"
