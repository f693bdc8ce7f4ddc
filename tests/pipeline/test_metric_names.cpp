// Metric keys as people read them (issue 25, item 7): every key the nodes
// and learners emit today has a readable name, and an unknown key still
// reads as words.
#include <QtTest>

#include "nodes/metric_names.h"
#include "support/test_registry.h"

using namespace sluice;

class TestMetricNames : public QObject {
    Q_OBJECT

private slots:
    void knownKeysHaveTheirUsualNames_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("name");
        QTest::newRow("accuracy") << "accuracy"
                                  << "Accuracy";
        QTest::newRow("balanced") << "balanced_accuracy"
                                  << "Balanced accuracy";
        QTest::newRow("f1") << "f1_macro"
                            << "F1 (macro)";
        QTest::newRow("precision") << "precision_weighted"
                                   << "Precision (weighted)";
        QTest::newRow("recall") << "recall_micro"
                                << "Recall (micro)";
        QTest::newRow("roc") << "roc_auc"
                             << "ROC AUC";
        QTest::newRow("per class") << "auc Iris-setosa"
                                   << "AUC Iris-setosa";
        QTest::newRow("log loss") << "log_loss"
                                  << "Log loss";
        QTest::newRow("r2") << "r2"
                            << "R²";
        QTest::newRow("rmse") << "rmse"
                              << "RMSE";
        QTest::newRow("mae") << "mae"
                             << "MAE";
        QTest::newRow("train loss") << "train_loss"
                                    << "Training loss";
        QTest::newRow("validation") << "validation_score"
                                    << "Validation score";
        QTest::newRow("oob") << "oob_error"
                             << "Out-of-bag error";
        QTest::newRow("inertia") << "inertia"
                                 << "Inertia";
        QTest::newRow("psi") << "max_psi"
                             << "Largest PSI";
        QTest::newRow("unknown") << "some_new_metric"
                                 << "Some new metric";
        QTest::newRow("average alone") << "macro"
                                       << "Macro";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("underscores only") << "__"
                                          << "__";
    }
    void knownKeysHaveTheirUsualNames() {
        QFETCH(QString, key);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(metricDisplayName(key.toStdString())), name);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestMetricNames)
#include "test_metric_names.moc"
