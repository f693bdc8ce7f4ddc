// Every learner's 5-fold cross-validated score on the bundled datasets,
// held to scikit-learn's with the same settings and folds from both sides,
// so a learner that ignores a hyperparameter, or a leak that raises a
// score, fails as surely as one that scores too low.
//
// The figures were recorded by bench/ml_scores.py --record into
// fixtures/sklearn_scores.json (see its header):
// - "exact" configs (learners without randomness: linear models, logistic
//   regression, naive Bayes, k-NN) must agree within 1e-4;
// - the others must lie within 0.02 of scikit-learn's score and inside the
//   spread of scikit-learn's scores over random_state 0..9, widened by
//   kSeedMargin: Sluice draws its own random numbers (its run is one more
//   draw), and where scikit-learn's seeds change nothing (boosting on small
//   data) the two still bin and break ties their own way.
// Configs that set a hyperparameter far from its default (ridge alpha=100,
// k-NN k=1 and k=15, a depth-2 tree, C=0.01, ...) make each important one
// count: ignoring it moves the score out of its band.
#include <QtTest>
#include <algorithm>
#include <fstream>
#include <set>

#include "ml/core/registry.h"
#include "ml_test_support.h"
#include "support/test_registry.h"

using namespace sluice::ml;

namespace {

constexpr double kExactTolerance = 1e-4;
constexpr double kScoreTolerance = 0.02;
constexpr double kSeedMargin = 0.015;

nlohmann::json recorded() {
    std::ifstream in(SLUICE_ML_FIXTURES "/sklearn_scores.json");
    return in.good() ? nlohmann::json::parse(in) : nlohmann::json();
}

}  // namespace

class TestSklearnScores : public QObject {
    Q_OBJECT

private slots:
    // Enough rows, every supervised learner with a Train node present, and
    // some configs away from the defaults.
    void theFixtureCoversEveryLearner() {
        const auto all = recorded();
        QVERIFY(all.contains("configs"));
        std::set<std::string> kinds;
        int rows = 0, tuned = 0;
        for (const auto& c : all.at("configs")) {
            kinds.insert(c.at("kind").get<std::string>());
            rows += static_cast<int>(c.at("scores").size());
            tuned += c.at("name") != c.at("kind");
            if (!c.value("exact", false)) {
                QVERIFY2(c.contains("seed_min") && c.contains("seed_max"),
                         c.at("name").get<std::string>().c_str());
            }
        }
        QVERIFY2(rows >= 50, std::to_string(rows).c_str());
        QVERIFY2(tuned >= 10, std::to_string(tuned).c_str());
        const auto& registry = MlRegistry::instance();
        for (const auto& kind : registry.learnerKinds()) {
            const auto learner = registry.makeLearner(kind);
            const bool supervised =
                learner->task() == Task::Classification || learner->task() == Task::Regression;
            if (supervised && registry.spec(kind)->hasTrainNode)
                QVERIFY2(kinds.count(kind), ("no scikit-learn figure for " + kind).c_str());
        }
    }

    void scoresMatchScikitLearn_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("params");
        QTest::addColumn<bool>("standardize");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        const auto all = recorded();
        QVERIFY(all.contains("configs"));
        for (const auto& c : all.at("configs")) {
            const bool exact = c.value("exact", false);
            for (const auto& [dataset, score] : c.at("scores").items()) {
                const double sk = score.get<double>();
                double lo = sk - kExactTolerance, hi = sk + kExactTolerance;
                if (!exact) {
                    lo = std::max(sk - kScoreTolerance,
                                  c.at("seed_min").at(dataset).get<double>() - kSeedMargin);
                    hi = std::min(sk + kScoreTolerance,
                                  c.at("seed_max").at(dataset).get<double>() + kSeedMargin);
                }
                const std::string row = c.at("name").get<std::string>() + " on " + dataset;
                QTest::newRow(row.c_str())
                    << QString::fromStdString(c.at("name")) << QString::fromStdString(c.at("kind"))
                    << QString::fromStdString(c.at("params").dump())
                    << c.value("standardize", false) << QString::fromStdString(dataset) << lo << hi;
            }
        }
    }

    void scoresMatchScikitLearn() {
        QFETCH(QString, name);
        QFETCH(QString, kind);
        QFETCH(QString, params);
        QFETCH(bool, standardize);
        QFETCH(QString, dataset);
        QFETCH(double, lo);
        QFETCH(double, hi);
        const auto learner = MlRegistry::instance().makeLearner(
            kind.toStdString(), nlohmann::json::parse(params.toStdString()));
        const double ours = testing::crossValScore(
            *learner, testing::loadDataset(dataset.toStdString()), standardize);
        QVERIFY2(ours >= lo && ours <= hi, QString("%1 on %2: %3, outside scikit-learn's [%4, %5]")
                                               .arg(name, dataset)
                                               .arg(ours, 0, 'f', 6)
                                               .arg(lo, 0, 'f', 6)
                                               .arg(hi, 0, 'f', 6)
                                               .toUtf8());
    }
};

SLUICE_TEST_APPLESS_MAIN(TestSklearnScores)
#include "test_sklearn_scores.moc"
