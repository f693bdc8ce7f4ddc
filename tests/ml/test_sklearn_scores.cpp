// Every learner's 5-fold cross-validated score on the bundled datasets is at
// least scikit-learn's score with the same settings and folds, minus 0.02.
// The scikit-learn figures were recorded by bench/ml_scores.py --record into
// fixtures/sklearn_scores.json.
#include <QtTest>
#include <fstream>

#include "ml/core/registry.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

class TestSklearnScores : public QObject {
    Q_OBJECT

private slots:
    void scoresMatchOrBeatScikitLearn_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("params");
        QTest::addColumn<bool>("standardize");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<double>("sklearn");
        std::ifstream in(SLUICE_ML_FIXTURES "/sklearn_scores.json");
        QVERIFY(in.good());
        const auto recorded = nlohmann::json::parse(in);
        for (const auto& c : recorded.at("configs")) {
            for (const auto& [dataset, score] : c.at("scores").items()) {
                const std::string row = c.at("kind").get<std::string>() + " on " + dataset;
                QTest::newRow(row.c_str())
                    << QString::fromStdString(c.at("kind"))
                    << QString::fromStdString(c.at("params").dump())
                    << c.value("standardize", false) << QString::fromStdString(dataset)
                    << score.get<double>();
            }
        }
    }

    void scoresMatchOrBeatScikitLearn() {
        QFETCH(QString, kind);
        QFETCH(QString, params);
        QFETCH(bool, standardize);
        QFETCH(QString, dataset);
        QFETCH(double, sklearn);
        const auto learner = MlRegistry::instance().makeLearner(
            kind.toStdString(), nlohmann::json::parse(params.toStdString()));
        const double ours = testing::crossValScore(
            *learner, testing::loadDataset(dataset.toStdString()), standardize);
        QVERIFY2(ours >= sklearn - 0.02, (kind + " on " + dataset + ": " + QString::number(ours) +
                                          " vs scikit-learn " + QString::number(sklearn))
                                             .toUtf8());
    }
};

SLUICE_TEST_APPLESS_MAIN(TestSklearnScores)
#include "test_sklearn_scores.moc"
