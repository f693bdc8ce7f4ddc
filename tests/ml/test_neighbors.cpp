// k-nearest neighbours: exact search (KD-tree, brute force with and without
// SIMD, and a naive reference agree row for row, ties included), weighting
// worked by hand, and scores against scikit-learn.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <numeric>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/registry.h"
#include "ml/neighbors/brute_force.h"
#include "ml/neighbors/kd_tree.h"
#include "ml/neighbors/knn_classifier.h"
#include "ml/neighbors/knn_regressor.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

Eigen::MatrixXd randomMatrix(int n, int p, std::uint64_t seed, bool integers = false) {
    Rng rng(seed);
    Eigen::MatrixXd X(n, p);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < p; ++j)
            X(i, j) = integers ? static_cast<double>(rng.below(4)) : rng.normal() * (1 + j % 3);
    return X;
}

// Exhaustive search, written independently: sort every training row by
// (distance, index).
NeighborList naiveSearch(const Eigen::MatrixXd& train, const Eigen::MatrixXd& queries, int k,
                         DistanceMetric metric) {
    NeighborList out;
    out.index.resize(queries.rows(), k);
    out.distance.resize(queries.rows(), k);
    for (Eigen::Index i = 0; i < queries.rows(); ++i) {
        std::vector<std::pair<double, Eigen::Index>> all;
        for (Eigen::Index j = 0; j < train.rows(); ++j) {
            const Eigen::RowVectorXd diff = queries.row(i) - train.row(j);
            all.emplace_back(metric == DistanceMetric::Euclidean ? std::sqrt(diff.squaredNorm())
                                                                 : diff.cwiseAbs().sum(),
                             j);
        }
        std::sort(all.begin(), all.end());
        for (int c = 0; c < k; ++c) {
            out.index(i, c) = all[static_cast<std::size_t>(c)].second;
            out.distance(i, c) = all[static_cast<std::size_t>(c)].first;
        }
    }
    return out;
}

KNeighborsClassifier classifier(int k, NeighborWeights w = NeighborWeights::Uniform,
                                DistanceMetric m = DistanceMetric::Euclidean,
                                SearchAlgorithm a = SearchAlgorithm::Auto) {
    KNeighborsClassifier c;
    c.nNeighbors = k;
    c.weights = w;
    c.metric = m;
    c.algorithm = a;
    return c;
}

}  // namespace

class TestNeighbors : public QObject {
    Q_OBJECT

private slots:
    void allSearchMethodsAgreeWithExhaustiveSearch() {
        // Continuous data (no ties) and a 4-value grid (ties everywhere,
        // so the index tie-break decides); more queries than one block.
        for (bool integers : {false, true}) {
            for (int p : {1, 3, 9, 30}) {
                const Eigen::MatrixXd train = randomMatrix(700, p, 10 + p, integers);
                const Eigen::MatrixXd queries = randomMatrix(150, p, 20 + p, integers);
                for (auto metric : {DistanceMetric::Euclidean, DistanceMetric::Manhattan}) {
                    const KdTree tree(train, metric, 7);
                    const BruteForceIndex simd(train, metric, true);
                    const BruteForceIndex portable(train, metric, false);
                    for (int k : {1, 5, 40}) {
                        const auto ref = naiveSearch(train, queries, k, metric);
                        const std::string what = "p=" + std::to_string(p) +
                                                 " k=" + std::to_string(k) +
                                                 (integers ? " grid" : "");
                        for (const NeighborIndex* index :
                             {static_cast<const NeighborIndex*>(&tree),
                              static_cast<const NeighborIndex*>(&simd),
                              static_cast<const NeighborIndex*>(&portable)}) {
                            const auto got = index->search(queries, k);
                            QVERIFY2(got.index == ref.index, what.c_str());
                            QVERIFY2((got.distance - ref.distance).cwiseAbs().maxCoeff() < 1e-12,
                                     what.c_str());
                        }
                    }
                }
            }
        }
    }

    void kdTreeAndBruteForceGiveIdenticalDistances() {
        const Eigen::MatrixXd train = randomMatrix(3000, 5, 3);
        const Eigen::MatrixXd queries = randomMatrix(500, 5, 4);
        const auto a = KdTree(train, DistanceMetric::Euclidean, 30).search(queries, 5);
        const auto b = BruteForceIndex(train, DistanceMetric::Euclidean).search(queries, 5);
        QVERIFY(a.index == b.index);
        QVERIFY(a.distance == b.distance);  // bit for bit: both rank by rankDistance
    }

    void oneNeighbourRecallsTheTrainingSet() {
        const auto data = testing::blobs(400, 6, 1.0, 7);
        for (auto algorithm : {SearchAlgorithm::KdTree, SearchAlgorithm::Brute}) {
            const auto model =
                classifier(1, NeighborWeights::Uniform, DistanceMetric::Euclidean, algorithm)
                    .fit(data.X, data.y);
            QVERIFY(model->predict(data.X) == data.y);
        }
    }

    void distanceWeightsByHand() {
        // 1-D training rows 0, 1, 4; query 0.25: distances .25, .75, 3.75,
        // weights 4, 4/3, 4/15 (total 5.6).
        Eigen::MatrixXd X(3, 1);
        X << 0, 1, 4;
        Eigen::MatrixXd q(1, 1);
        q << 0.25;
        Eigen::VectorXd cls(3);
        cls << 0, 1, 1;
        const auto c = classifier(3, NeighborWeights::Distance).fit(X, cls);
        const Eigen::MatrixXd proba = c->predictProba(q);
        QVERIFY(std::abs(proba(0, 0) - 4.0 / 5.6) < 1e-12);
        QVERIFY(std::abs(proba(0, 1) - 1.6 / 5.6) < 1e-12);
        QVERIFY(std::abs(classifier(3).fit(X, cls)->predictProba(q)(0, 0) - 1.0 / 3) < 1e-12);

        Eigen::VectorXd values(3);
        values << 10, 20, 40;
        KNeighborsRegressor reg;
        reg.nNeighbors = 3;
        reg.weights = NeighborWeights::Distance;
        const double expected = (4.0 * 10 + 4.0 / 3 * 20 + 4.0 / 15 * 40) / 5.6;
        QVERIFY(std::abs(reg.fit(X, values)->predict(q)(0) - expected) < 1e-12);
        reg.weights = NeighborWeights::Uniform;
        QVERIFY(std::abs(reg.fit(X, values)->predict(q)(0) - 70.0 / 3) < 1e-12);
    }

    void zeroDistanceNeighboursAloneDecide() {
        // Rows 1 and 2 coincide with the query (classes 1 and 0); row 0 is
        // at distance 1 and must get no weight.
        Eigen::MatrixXd X(4, 1);
        X << 0, 1, 1, 4;
        Eigen::VectorXd y(4);
        y << 0, 1, 0, 1;
        Eigen::MatrixXd q(1, 1);
        q << 1;
        const auto model = classifier(3, NeighborWeights::Distance).fit(X, y);
        const Eigen::MatrixXd proba = model->predictProba(q);
        QCOMPARE(proba(0, 0), 0.5);
        QCOMPARE(proba(0, 1), 0.5);
        QCOMPARE(model->predict(q)(0), 0.0);  // tie: the lower class
        KNeighborsRegressor reg;
        reg.nNeighbors = 3;
        reg.weights = NeighborWeights::Distance;
        Eigen::VectorXd values(4);
        values << 100, 3, 5, 7;
        QCOMPARE(reg.fit(X, values)->predict(q)(0), 4.0);
    }

    void metricChangesTheNearestRow() {
        // From the origin: A = (0, 3) is at 3 either way; B = (2, 2) is at
        // sqrt(8) < 3 (Euclidean) but 4 > 3 (Manhattan).
        Eigen::MatrixXd X(2, 2);
        X << 0, 3, 2, 2;
        Eigen::VectorXd y(2);
        y << 0, 1;
        const Eigen::MatrixXd origin = Eigen::MatrixXd::Zero(1, 2);
        QCOMPARE(classifier(1).fit(X, y)->predict(origin)(0), 1.0);
        QCOMPARE(classifier(1, NeighborWeights::Uniform, DistanceMetric::Manhattan)
                     .fit(X, y)
                     ->predict(origin)(0),
                 0.0);
    }

    void autoPicksTheTreeForFewFeatures() {
        QCOMPARE(resolveAlgorithm(SearchAlgorithm::Auto, 1000, 4, 5), SearchAlgorithm::KdTree);
        QCOMPARE(resolveAlgorithm(SearchAlgorithm::Auto, 1000, 25, 5), SearchAlgorithm::Brute);
        QCOMPARE(resolveAlgorithm(SearchAlgorithm::Auto, 10, 4, 5), SearchAlgorithm::Brute);
        QCOMPARE(resolveAlgorithm(SearchAlgorithm::KdTree, 10, 40, 5), SearchAlgorithm::KdTree);
    }

    void jsonRoundTripPredictsIdentically() {
        const auto data = testing::blobs(300, 4, 1.5, 8);
        const Eigen::MatrixXd queries = randomMatrix(50, 4, 9);
        for (const char* algorithm : {"kd_tree", "brute"}) {
            const nlohmann::json params = {{"n_neighbors", 7},
                                           {"weights", "distance"},
                                           {"metric", "manhattan"},
                                           {"algorithm", algorithm},
                                           {"leaf_size", 5}};
            for (const char* kind : {"knn_classifier", "knn_regressor"}) {
                const auto learner = MlRegistry::instance().makeLearner(kind, params);
                QCOMPARE(learner->params(), params);
                const auto model = learner->fit(data.X, data.y);
                const auto loaded =
                    MlRegistry::instance().loadModel(nlohmann::json::parse(model->toJson().dump()));
                QCOMPARE(loaded->kind(), std::string_view(kind));
                QVERIFY(loaded->predict(queries) == model->predict(queries));
                if (std::string_view(kind) == "knn_classifier")
                    QVERIFY(loaded->predictProba(queries) == model->predictProba(queries));
            }
        }
    }

    void scoresLikeScikitLearn() {
        // scikit-learn 1.2.1, StratifiedKFold(5) accuracy, StandardScaler +
        // KNeighborsClassifier(): iris 0.9600, wine 0.9494, breast_cancer
        // 0.9649; with weights="distance", metric="manhattan": 0.9467,
        // 0.9552, 0.9649.
        const std::pair<const char*, std::pair<double, double>> expected[] = {
            {"iris.csv", {0.9600, 0.9467}},
            {"wine.csv", {0.9494, 0.9552}},
            {"breast_cancer.csv", {0.9649, 0.9649}}};
        for (const auto& [file, sk] : expected) {
            const auto data = testing::loadDataset(file);
            const double plain = testing::crossValScore(classifier(5), data, true);
            const double weighted = testing::crossValScore(
                classifier(5, NeighborWeights::Distance, DistanceMetric::Manhattan), data, true);
            qInfo("%s: %.4f (sklearn %.4f), distance/manhattan %.4f (sklearn %.4f)", file, plain,
                  sk.first, weighted, sk.second);
            QVERIFY(plain >= sk.first - 0.02);
            QVERIFY(weighted >= sk.second - 0.02);
        }
        // KFold(5) R^2, StandardScaler + KNeighborsRegressor(): 0.3690;
        // weights="distance": 0.3760.
        const auto diabetes = testing::loadDataset("diabetes.csv");
        KNeighborsRegressor reg;
        const double uniform = testing::crossValScore(reg, diabetes, true);
        reg.weights = NeighborWeights::Distance;
        const double distance = testing::crossValScore(reg, diabetes, true);
        qInfo("diabetes: %.4f (sklearn 0.3690), distance %.4f (sklearn 0.3760)", uniform, distance);
        QVERIFY(uniform >= 0.3690 - 0.02);
        QVERIFY(distance >= 0.3760 - 0.02);
    }

    void misuseIsRefusedWithAdvice() {
        const auto data = testing::blobs(20, 2, 1.0, 11);
        QVERIFY_THROWS_EXCEPTION(MisuseError, classifier(0).fit(data.X, data.y));
        try {
            classifier(21).fit(data.X, data.y);
            QFAIL("expected MisuseError");
        } catch (const MisuseError& e) {
            QVERIFY(std::string(e.what()).find("must not exceed") != std::string::npos);
        }
        KNeighborsClassifier leafless;
        leafless.leafSize = 0;
        QVERIFY_THROWS_EXCEPTION(MisuseError, leafless.fit(data.X, data.y));
        QVERIFY_THROWS_EXCEPTION(MisuseError, MlRegistry::instance().makeLearner(
                                                  "knn_classifier", {{"weights", "gaussian"}}));
        QVERIFY_THROWS_EXCEPTION(MisuseError, classifier(3).fit(data.X, Eigen::VectorXd::Zero(20)));
        const auto model = classifier(3).fit(data.X, data.y);
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(Eigen::MatrixXd::Ones(2, 3)));
        Eigen::MatrixXd withNaN = data.X.topRows(2);
        withNaN(1, 1) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(MisuseError, model->predict(withNaN));
        const auto reg = KNeighborsRegressor{}.fit(data.X, data.y);
        QVERIFY_THROWS_EXCEPTION(MisuseError, reg->predictProba(data.X));
    }

    void cancelledBeforeIndexing() {
        const auto data = testing::blobs(50, 2, 1.0, 12);
        std::atomic<bool> cancel{true};
        FitContext context;
        context.cancelFlag = &cancel;
        QVERIFY_THROWS_EXCEPTION(FitCancelled, classifier(3).fit(data.X, data.y, context));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestNeighbors)
#include "test_neighbors.moc"
