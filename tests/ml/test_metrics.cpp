// Metrics against hand-computed confusion matrices, textbook ROC examples
// and figures scikit-learn 1.2 gives for the same inputs.
#include <QtTest>

#include "ml/core/ml_errors.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> v) {
    Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v)
        out(i++) = x;
    return out;
}

bool near(double a, double b, double tol = 1e-12) {
    return std::abs(a - b) < tol;
}

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void confusionMatrixByHand() {
        const auto yt = vec({0, 1, 2, 2, 1, 0, 1});
        const auto yp = vec({0, 2, 2, 2, 1, 0, 0});
        Eigen::MatrixXi expected(3, 3);
        expected << 2, 0, 0,  // true 0: both right
            1, 1, 1,          // true 1: one each
            0, 0, 2;          // true 2: both right
        QCOMPARE(confusionMatrix(yt, yp), expected);
        QVERIFY(near(accuracy(yt, yp), 5.0 / 7.0));
        // per-class recall 1, 1/3, 1 -> balanced accuracy 7/9
        QVERIFY(near(balancedAccuracy(yt, yp), 7.0 / 9.0));
        // precision per class: 2/3, 1, 2/3 -> macro 7/9 (scikit-learn: 0.7778)
        QVERIFY(near(precision(yt, yp, Average::Macro), 7.0 / 9.0));
        // F1 per class: 0.8, 0.5, 0.8 -> macro 0.7, weighted (2*.8+3*.5+2*.8)/7
        QVERIFY(near(f1Score(yt, yp, Average::Macro), 0.7));
        QVERIFY(near(f1Score(yt, yp, Average::Weighted), 4.7 / 7.0));
        QVERIFY(near(f1Score(yt, yp, Average::Micro), 5.0 / 7.0));
        QVERIFY(near(recall(yt, yp, Average::Macro), 7.0 / 9.0));
    }

    void classNeverPredictedHasPrecisionZero() {
        const auto s = perClassScores(vec({0, 1, 1}), vec({0, 0, 0}), 2);
        QCOMPARE(s.precision(1), 0.0);
        QCOMPARE(s.recall(1), 0.0);
        QCOMPARE(s.support(1), 2);
    }

    void textbookRocCurve() {
        // The classic four-sample example: AUC 0.75.
        const auto roc = rocCurve(vec({0, 0, 1, 1}), vec({0.1, 0.4, 0.35, 0.8}));
        QCOMPARE(roc.auc, 0.75);
        QCOMPARE(roc.fpr, vec({0, 0, 0.5, 0.5, 1}));
        QCOMPARE(roc.tpr, vec({0, 0.5, 0.5, 1, 1}));
        QVERIFY(std::isinf(roc.thresholds(0)));
        QCOMPARE(roc.thresholds(1), 0.8);
    }

    void tiedScoresMakeOneDiagonalStep() {
        const auto roc = rocCurve(vec({0, 1, 0, 1}), vec({0.5, 0.5, 0.5, 0.5}));
        QCOMPARE(roc.auc, 0.5);
        QCOMPARE(roc.fpr.size(), Eigen::Index{2});
    }

    void perfectAndInvertedRankings() {
        QCOMPARE(rocCurve(vec({0, 0, 1}), vec({1, 2, 3})).auc, 1.0);
        QCOMPARE(rocCurve(vec({0, 0, 1}), vec({3, 2, 1})).auc, 0.0);
        QVERIFY_THROWS_EXCEPTION(MisuseError, rocCurve(vec({1, 1}), vec({0.2, 0.3})));
    }

    void multiclassAucAndLogLossMatchScikitLearn() {
        const auto yt = vec({0, 1, 2, 2, 1, 0, 1});
        Eigen::MatrixXd p(7, 3);
        p << .7, .2, .1, .1, .3, .6, .2, .2, .6, .1, .1, .8, .2, .5, .3, .6, .3, .1, .5, .4, .1;
        QVERIFY(near(rocAuc(yt, p), 0.9694444444444444));
        QVERIFY(near(logLoss(yt, p), 0.6306972085064227));
        // binary: column 1 is the positive class
        Eigen::MatrixXd b(4, 2);
        b << .9, .1, .6, .4, .65, .35, .2, .8;
        QCOMPARE(rocAuc(vec({0, 0, 1, 1}), b), 0.75);
    }

    void precisionRecallCurveByHand() {
        const auto pr = precisionRecallCurve(vec({0, 0, 1, 1}), vec({0.1, 0.4, 0.35, 0.8}));
        // thresholds 0.8, 0.4, 0.35, 0.1
        QCOMPARE(pr.precision, vec({1, 0.5, 2.0 / 3.0, 0.5}));
        QCOMPARE(pr.recall, vec({0.5, 0.5, 1, 1}));
    }

    void regressionMetricsByHand() {
        const auto yt = vec({3, -0.5, 2, 7});
        const auto yp = vec({2.5, 0.0, 2, 8});
        QCOMPARE(meanSquaredError(yt, yp), 0.375);
        QCOMPARE(meanAbsoluteError(yt, yp), 0.5);
        QVERIFY(near(rootMeanSquaredError(yt, yp), std::sqrt(0.375)));
        QVERIFY(near(r2Score(yt, yp), 0.9486081370449679));  // the scikit-learn docs example
        QCOMPARE(r2Score(vec({1, 1}), vec({1, 1})), 1.0);
        QCOMPARE(r2Score(vec({1, 1}), vec({1, 2})), 0.0);
        QVERIFY_THROWS_EXCEPTION(MisuseError, r2Score(vec({1, 2}), vec({1})));
    }

    void clusteringMetricsByHand() {
        Eigen::MatrixXd X(4, 1);
        X << 0, 1, 10, 11;
        const auto labels = vec({0, 0, 1, 1});
        Eigen::MatrixXd centers(2, 1);
        centers << 0.5, 10.5;
        QCOMPARE(inertia(X, labels, centers), 1.0);
        // sample 0: a = 1, b = (10 + 11) / 2 = 10.5 -> s = 9.5 / 10.5, etc.
        const double s0 = (10.5 - 1) / 10.5, s1 = (9.5 - 1) / 9.5;
        QVERIFY(near(silhouetteScore(X, labels), (s0 + s1 + s1 + s0) / 4));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestMetrics)
#include "test_metrics.moc"
