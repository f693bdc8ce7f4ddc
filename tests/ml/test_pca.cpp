// PCA: eigenvalues of a known covariance, the sample covariance's exact
// eigen-decomposition, scikit-learn's iris figures, the sign convention,
// transform and whitening.
#include <QtTest>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/decomposition/pca.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

// n rows drawn from N(mu, Q diag(lambda) Q^T), Q a fixed random rotation.
struct Drawn {
    Eigen::MatrixXd X, Q;
};
Drawn drawWithCovariance(const Eigen::VectorXd& lambda, int n, std::uint64_t seed) {
    Rng rng(seed);
    const Eigen::Index p = lambda.size();
    Eigen::MatrixXd A(p, p);
    for (Eigen::Index i = 0; i < p; ++i)
        for (Eigen::Index j = 0; j < p; ++j)
            A(i, j) = rng.normal();
    Drawn d;
    d.Q = Eigen::HouseholderQR<Eigen::MatrixXd>(A).householderQ();
    Eigen::MatrixXd Z(n, p);
    for (int i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < p; ++j)
            Z(i, j) = rng.normal() * std::sqrt(lambda(j));
    d.X = (Z * d.Q.transpose()).rowwise() + Eigen::RowVectorXd::LinSpaced(p, -5, 5);
    return d;
}

const PCAModel& pcaOf(const std::unique_ptr<Model>& m) {
    return dynamic_cast<const PCAModel&>(*m);
}

}  // namespace

class TestPCA : public QObject {
    Q_OBJECT

private slots:
    void recoversTheEigenvaluesOfAKnownCovariance() {
        const Eigen::VectorXd lambda = Eigen::Vector4d(9.0, 4.0, 1.0, 0.25);
        const Drawn d = drawWithCovariance(lambda, 40000, 1);
        const auto model = PCA{}.fit(d.X, {});
        const PCAModel& pca = pcaOf(model);
        // Sample eigenvalues of 40000 rows: relative error ~ sqrt(2 / n) = 0.7%.
        for (int c = 0; c < 4; ++c) {
            QVERIFY2(std::abs(pca.explainedVariance()(c) / lambda(c) - 1) < 0.03,
                     std::to_string(pca.explainedVariance()(c)).c_str());
            // The component is the eigenvector, up to sign.
            QVERIFY(std::abs(pca.components().row(c).dot(d.Q.col(c))) > 0.99);
        }
        QVERIFY(std::abs(pca.explainedVarianceRatio().sum() - 1.0) < 1e-12);
        QVERIFY((pca.mean() - Eigen::RowVectorXd::LinSpaced(4, -5, 5)).cwiseAbs().maxCoeff() <
                0.05);
    }

    void equalsTheSampleCovarianceEigenDecomposition() {
        const Drawn d = drawWithCovariance(Eigen::Vector3d(5.0, 2.0, 0.5), 500, 2);
        const Eigen::MatrixXd centred = d.X.rowwise() - d.X.colwise().mean();
        const Eigen::MatrixXd cov = centred.transpose() * centred / 499.0;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);  // ascending
        const auto model = PCA{}.fit(d.X, {});
        const PCAModel& pca = pcaOf(model);
        for (int c = 0; c < 3; ++c) {
            QVERIFY(std::abs(pca.explainedVariance()(c) - eig.eigenvalues()(2 - c)) < 1e-10);
            QVERIFY(std::abs(std::abs(pca.components().row(c).dot(eig.eigenvectors().col(2 - c))) -
                             1.0) < 1e-10);
        }
    }

    void matchesScikitLearnOnIris() {
        // scikit-learn 1.2.1 PCA().fit(iris): explained_variance_ and
        // _ratio_ below; components_ equal ours up to sign (1.2 fixed signs
        // by U; we make each component's largest |value| positive, which
        // flips the last one).
        const auto iris = testing::loadDataset("iris.csv");
        const auto model = PCA{}.fit(iris.X, {});
        const PCAModel& pca = pcaOf(model);
        const Eigen::Vector4d variance(4.228241706035, 0.242670747929, 0.078209500043,
                                       0.023835092973);
        const Eigen::Vector4d ratio(0.924618723202, 0.053066483117, 0.017102609808, 0.005212183873);
        Eigen::Matrix4d components;
        components << 0.361386591785, -0.084522514065, 0.85667060595, 0.358289197152,
            0.656588771287, 0.730161434785, -0.173372662796, -0.075481019917, -0.582029851306,
            0.5979108301, 0.076236075821, 0.54583143202, 0.315487192904, -0.319723103666,
            -0.479838986995, 0.753657425264;
        QVERIFY((pca.explainedVariance() - variance).cwiseAbs().maxCoeff() < 1e-10);
        QVERIFY((pca.explainedVarianceRatio() - ratio).cwiseAbs().maxCoeff() < 1e-10);
        QVERIFY((pca.components() - components).cwiseAbs().maxCoeff() < 1e-9);
    }

    void largestEntryOfEachComponentIsPositive() {
        const Drawn d = drawWithCovariance(Eigen::VectorXd::LinSpaced(6, 6, 1), 300, 3);
        const auto model = PCA{}.fit(d.X, {});
        const PCAModel& pca = pcaOf(model);
        for (Eigen::Index c = 0; c < pca.components().rows(); ++c) {
            Eigen::Index top;
            pca.components().row(c).cwiseAbs().maxCoeff(&top);
            QVERIFY(pca.components()(c, top) > 0);
        }
    }

    void transformGivesUncorrelatedScoresWithTheExplainedVariances() {
        const Drawn d = drawWithCovariance(Eigen::Vector4d(4.0, 3.0, 2.0, 1.0), 800, 4);
        for (bool whiten : {false, true}) {
            PCA pca;
            pca.nComponents = 2;
            pca.whiten = whiten;
            const auto model = pca.fit(d.X, {});
            const Eigen::MatrixXd scores = pcaOf(model).transform(d.X);
            QCOMPARE(scores.cols(), Eigen::Index{2});
            const Eigen::MatrixXd cov = scores.transpose() * scores / 799.0;  // centred already
            const Eigen::Vector2d expected =
                whiten ? Eigen::Vector2d::Ones()
                       : Eigen::Vector2d(pcaOf(model).explainedVariance());
            QVERIFY((cov.diagonal() - expected).cwiseAbs().maxCoeff() < 1e-9);
            QVERIFY(std::abs(cov(0, 1)) < 1e-9);
            QVERIFY(pcaOf(model).explainedVarianceRatio().sum() < 1.0);
        }
    }

    void jsonRoundTripTransformsIdentically() {
        const Drawn d = drawWithCovariance(Eigen::Vector3d(3.0, 2.0, 1.0), 100, 5);
        const auto learner =
            MlRegistry::instance().makeLearner("pca", {{"n_components", 2}, {"whiten", true}});
        const auto model = learner->fit(d.X, {});
        const auto loaded =
            MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
        QCOMPARE(loaded->task(), Task::Transform);
        QVERIFY(pcaOf(loaded).transform(d.X) == pcaOf(model).transform(d.X));
        QCOMPARE(MlRegistry::instance().makeLearner("pca", {{"n_components", nullptr}})->params(),
                 PCA{}.params());
    }

    void misuseIsRefusedWithAdvice() {
        const Eigen::MatrixXd X = Eigen::MatrixXd::Random(10, 3);
        PCA tooMany;
        tooMany.nComponents = 4;
        QVERIFY_THROWS_EXCEPTION(MisuseError, tooMany.fit(X, {}));
        QVERIFY_THROWS_EXCEPTION(MisuseError, PCA{}.fit(X.topRows(1), {}));
        const auto model = PCA{}.fit(X, {});
        try {
            model->predict(X);
            QFAIL("expected MisuseError");
        } catch (const MisuseError& e) {
            QVERIFY(std::string(e.what()).find("transform") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(MisuseError, pcaOf(model).transform(Eigen::MatrixXd::Ones(2, 4)));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestPCA)
#include "test_pca.moc"
