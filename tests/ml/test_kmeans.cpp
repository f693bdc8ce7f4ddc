// k-means: centres of well-separated blobs, monotone inertia, the iris
// optimum, determinism across thread counts, status and misuse.
#include <QtTest>

#include <atomic>

#include "ml/cluster/kmeans.h"
#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/metrics/regression_metrics.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

// `perCluster` rows around each row of `centers`, standard deviation sd.
Eigen::MatrixXd blobsAround(const Eigen::MatrixXd& centers, int perCluster, double sd,
                            std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd X(centers.rows() * perCluster, centers.cols());
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        for (Eigen::Index j = 0; j < X.cols(); ++j)
            X(i, j) = centers(i % centers.rows(), j) + sd * rng.normal();
    return X;
}

}  // namespace

class TestKMeans : public QObject {
    Q_OBJECT

private slots:
    void recoversTheCentresOfSeparatedBlobs() {
        Eigen::MatrixXd truth(4, 3);
        truth << 0, 0, 0, 10, 0, 0, 0, 10, 0, 5, 5, 10;
        const Eigen::MatrixXd X = blobsAround(truth, 250, 0.5, 1);
        KMeans km;
        km.nClusters = 4;
        const auto model = km.fit(X, {});
        const auto& fitted = dynamic_cast<const KMeansModel&>(*model);
        // Each true centre has a found centre within 0.1 (the standard error
        // of a 250-row mean is 0.03 per axis).
        for (Eigen::Index t = 0; t < 4; ++t) {
            double nearest = 1e300;
            for (Eigen::Index c = 0; c < 4; ++c)
                nearest = std::min(nearest, (fitted.centers().row(c) - truth.row(t)).norm());
            QVERIFY(nearest < 0.1);
        }
        QVERIFY(model->status.converged);
        // Rows of one blob share a label, and inertia is what it claims.
        const Eigen::VectorXd labels = model->predict(X);
        for (Eigen::Index i = 4; i < X.rows(); ++i)
            QCOMPARE(labels(i), labels(i % 4));
        QVERIFY(std::abs(inertia(X, labels, fitted.centers()) - fitted.inertia()) <
                1e-9 * fitted.inertia());
    }

    void inertiaNeverIncreasesAcrossIterations() {
        Eigen::MatrixXd truth = Eigen::MatrixXd::Zero(6, 5);
        for (int c = 0; c < 6; ++c)
            truth(c, c % 5) = 2.0 + c;
        const Eigen::MatrixXd X = blobsAround(truth, 300, 1.5, 2);
        std::vector<double> stream;
        FitContext context;
        context.onMetric = [&](std::string_view name, int step, double value) {
            if (name == "inertia") {
                QCOMPARE(step, static_cast<int>(stream.size()) + 1);
                stream.push_back(value);
            }
        };
        KMeans km;
        km.nClusters = 6;
        km.nInit = 1;
        km.tol = 0;
        const auto model = km.fit(X, {}, context);
        QVERIFY(stream.size() >= 5);  // enough iterations to mean something
        QCOMPARE(static_cast<int>(stream.size()), model->status.iterations);
        for (std::size_t i = 1; i < stream.size(); ++i)
            QVERIFY(stream[i] <= stream[i - 1] * (1 + 1e-12));
        QVERIFY(dynamic_cast<const KMeansModel&>(*model).inertia() <= stream.back() * (1 + 1e-12));
    }

    void findsTheIrisOptimum() {
        // scikit-learn 1.2.1 KMeans(3, n_init=10, random_state=0): inertia
        // 78.851441426146 (the known optimum); KMeans(8, ...): 30.0631.
        const auto iris = testing::loadDataset("iris.csv");
        KMeans km;
        km.nClusters = 3;
        const double three = dynamic_cast<const KMeansModel&>(*km.fit(iris.X, {})).inertia();
        QVERIFY(std::abs(three - 78.851441426146) < 1e-6);
        km.nClusters = 8;
        const double eight = dynamic_cast<const KMeansModel&>(*km.fit(iris.X, {})).inertia();
        qInfo("iris k=8 inertia %.4f (sklearn 30.0631)", eight);
        QVERIFY(eight <= 30.0631 * 1.02);
    }

    void sameSeedSameModelWhateverTheThreads() {
        const Eigen::MatrixXd X = blobsAround(Eigen::MatrixXd::Identity(5, 5) * 3, 100, 1.0, 3);
        KMeans km;
        km.nClusters = 5;
        km.nInit = 6;
        km.randomState = 42;
        FitContext one, four;
        one.threads = 1;
        four.threads = 4;
        const auto a = km.fit(X, {}, one), b = km.fit(X, {}, four);
        QVERIFY(dynamic_cast<const KMeansModel&>(*a).centers() ==
                dynamic_cast<const KMeansModel&>(*b).centers());
    }

    void reportsRestartsAndProgress() {
        const Eigen::MatrixXd X = blobsAround(Eigen::MatrixXd::Identity(3, 3) * 5, 50, 1.0, 4);
        std::atomic<int> restarts{0};
        double lastProgress = 0;
        FitContext context;
        context.onMetric = [&](std::string_view name, int, double) {
            restarts += name == "restart_inertia";
        };
        context.onProgress = [&](double f, std::string_view) { lastProgress = f; };
        KMeans km;
        km.nClusters = 3;
        km.nInit = 4;
        km.fit(X, {}, context);
        QCOMPARE(restarts.load(), 4);
        QCOMPARE(lastProgress, 1.0);
    }

    void nonConvergenceIsAStatusNotAnError() {
        const Eigen::MatrixXd X = blobsAround(Eigen::MatrixXd::Identity(6, 6), 100, 1.0, 5);
        KMeans km;
        km.nClusters = 6;
        km.maxIter = 1;
        km.tol = 0;
        const auto model = km.fit(X, {});
        QVERIFY(!model->status.converged);
        QCOMPARE(model->status.iterations, 1);
        QCOMPARE(model->status.warnings.size(), std::size_t{1});
    }

    void jsonRoundTripPredictsIdentically() {
        const Eigen::MatrixXd X = blobsAround(Eigen::MatrixXd::Identity(3, 4) * 4, 40, 1.0, 6);
        const auto learner =
            MlRegistry::instance().makeLearner("kmeans", {{"n_clusters", 3}, {"n_init", "auto"}});
        QCOMPARE(learner->params()["n_init"].get<int>(), 1);
        const auto model = learner->fit(X, {});
        const auto loaded =
            MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
        QCOMPARE(loaded->task(), Task::Clustering);
        QVERIFY(loaded->predict(X) == model->predict(X));
        QVERIFY(dynamic_cast<const KMeansModel&>(*loaded).centers() ==
                dynamic_cast<const KMeansModel&>(*model).centers());
    }

    void cancellationStopsIt() {
        const Eigen::MatrixXd X = blobsAround(Eigen::MatrixXd::Identity(3, 3), 30, 1.0, 7);
        std::atomic<bool> cancel{true};
        FitContext context;
        context.cancelFlag = &cancel;
        QVERIFY_THROWS_EXCEPTION(FitCancelled, KMeans{}.fit(X, {}, context));
    }

    void misuseIsRefusedWithAdvice() {
        const Eigen::MatrixXd X = Eigen::MatrixXd::Random(5, 2);
        KMeans km;  // 8 clusters for 5 rows
        QVERIFY_THROWS_EXCEPTION(MisuseError, km.fit(X, {}));
        km.nClusters = 0;
        QVERIFY_THROWS_EXCEPTION(MisuseError, km.fit(X, {}));
        km.nClusters = 2;
        km.nInit = 0;
        QVERIFY_THROWS_EXCEPTION(MisuseError, km.fit(X, {}));
        QVERIFY_THROWS_EXCEPTION(
            MisuseError, MlRegistry::instance().makeLearner("kmeans", {{"n_init", "many"}}));
        km.nInit = 1;
        const auto model = km.fit(X, {});
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(Eigen::MatrixXd::Ones(1, 3)));
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predictProba(X));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestKMeans)
#include "test_kmeans.moc"
