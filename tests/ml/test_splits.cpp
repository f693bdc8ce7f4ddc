// Splits: scikit-learn's unshuffled folds exactly, seeded shuffles
// reproducibly, stratification in proportion.
#include <QtTest>

#include <set>

#include "ml/core/ml_errors.h"
#include "ml/selection/splits.h"
#include "support/test_registry.h"

using namespace sluice::ml;
using Rows = std::vector<Eigen::Index>;

class TestSplits : public QObject {
    Q_OBJECT

private slots:
    void stratifiedFoldsEqualScikitLearns() {
        // StratifiedKFold(3).split on this y gives these test folds (1.2).
        Eigen::VectorXd y(13);
        y << 1, 0, 2, 1, 1, 0, 2, 2, 1, 0, 1, 2, 0;
        const auto folds = stratifiedKFold(y, 3);
        QCOMPARE(folds[0].test, (Rows{0, 1, 2, 3, 6}));
        QCOMPARE(folds[1].test, (Rows{4, 5, 7, 8}));
        QCOMPARE(folds[2].test, (Rows{9, 10, 11, 12}));
        QCOMPARE(folds[1].train, (Rows{0, 1, 2, 3, 6, 9, 10, 11, 12}));
    }

    void kFoldEqualsScikitLearns() {
        const auto folds = kFold(10, 4);
        QCOMPARE(folds[0].test, (Rows{0, 1, 2}));
        QCOMPARE(folds[1].test, (Rows{3, 4, 5}));
        QCOMPARE(folds[2].test, (Rows{6, 7}));
        QCOMPARE(folds[3].test, (Rows{8, 9}));
    }

    void shuffledFoldsPartitionTheRowsAndDependOnlyOnTheSeed() {
        const auto a = kFold(100, 5, true, 42);
        const auto b = kFold(100, 5, true, 42);
        const auto c = kFold(100, 5, true, 43);
        std::multiset<Eigen::Index> all;
        for (const auto& s : a) {
            all.insert(s.test.begin(), s.test.end());
            QCOMPARE(s.test.size() + s.train.size(), std::size_t{100});
        }
        QCOMPARE(all.size(), std::size_t{100});
        QCOMPARE(std::set<Eigen::Index>(all.begin(), all.end()).size(), std::size_t{100});
        QCOMPARE(a[0].test, b[0].test);
        QVERIFY(a[0].test != c[0].test);
    }

    void stratifiedTrainTestSplitKeepsProportions() {
        Eigen::VectorXd y(100);
        for (int i = 0; i < 100; ++i)
            y(i) = i < 70 ? 0 : 1;
        const Split s = trainTestSplit(100, 0.2, 7, &y);
        QCOMPARE(s.test.size(), std::size_t{20});
        int ones = 0;
        for (auto i : s.test)
            ones += y(i) == 1;
        QCOMPARE(ones, 6);
        const Split again = trainTestSplit(100, 0.2, 7, &y);
        QCOMPARE(again.test, s.test);
        const Split plain = trainTestSplit(10, 0.25, 1);
        QCOMPARE(plain.test.size(), std::size_t{3});  // ceil, as scikit-learn
    }

    void badRequestsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(MisuseError, kFold(3, 5));
        QVERIFY_THROWS_EXCEPTION(MisuseError, kFold(10, 1));
        QVERIFY_THROWS_EXCEPTION(MisuseError, trainTestSplit(10, 1.5, 0));
        QVERIFY_THROWS_EXCEPTION(MisuseError, trainTestSplit(1, 0.5, 0));
    }

    void takeRowsGathers() {
        Eigen::MatrixXd X(3, 2);
        X << 1, 2, 3, 4, 5, 6;
        Eigen::MatrixXd expected(2, 2);
        expected << 5, 6, 1, 2;
        QCOMPARE(takeRows(X, {2, 0}), expected);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestSplits)
#include "test_splits.moc"
