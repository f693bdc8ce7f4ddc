// transform.select_features against scikit-learn 1.2's scores (printed by
// f_classif and chi2 on iris, f_regression on diabetes, and iris'
// population variances): scores and p-values, the k kept, the drop applied
// to apply, the ranking results, the incomplete beta behind the p-values,
// and the refusals.
#include <QtTest>

#include <cmath>

#include "ml/preprocessing/feature_selection.h"
#include "ml/stats/special_functions.h"
#include "node_test_support.h"
#include "nodes/results.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::cells;
using sluice::testing::columnNames;
using sluice::testing::datasetTable;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

NodeRun select(const TablePtr& train, const nlohmann::json& params,
               const TablePtr& apply = nullptr) {
    PortValues inputs{{"train", train}};
    if (apply)
        inputs["apply"] = apply;
    return sluice::testing::runNode(builtinNodes(), "transform.select_features", inputs, params);
}

// The ranking's value for `feature` in column `column`.
double ranked(const Results& r, const std::string& feature, const std::string& column) {
    const Table& t = *r.table;
    for (std::size_t i = 0; i < t.rowCount(); ++i)
        if (t.column("feature").displayValue(i) == feature)
            return t.column(column).numbers()[i];
    return std::nan("");
}

bool near(double got, double expected, double relative) {
    return std::abs(got - expected) <= relative * std::abs(expected);
}

}  // namespace

class TestSelectFeaturesNode : public QObject {
    Q_OBJECT

private slots:
    void anovaFOnIris() {
        const TablePtr iris = datasetTable("iris.csv");
        const NodeRun run = select(iris, {{"k", 2}}, iris);
        // The two petal measurements: F 1180.16 and 960.01.
        QCOMPARE(columnNames(*run.table("train")),
                 (QStringList{"petal_length", "petal_width", "species"}));
        QCOMPARE(columnNames(*run.table("apply")),
                 (QStringList{"petal_length", "petal_width", "species"}));
        const Results& r = *std::get<ResultsValue>(run.outputs.at("results"));
        QCOMPARE(r.kind, ResultKind::Importance);
        QCOMPARE(cells(*r.table, "feature"),
                 (QStringList{"petal_length", "petal_width", "sepal_length", "sepal_width"}));
        QCOMPARE(cells(*r.table, "kept"), (QStringList{"yes", "yes", "no", "no"}));
        const std::vector<std::pair<std::string, std::pair<double, double>>> sklearn = {
            {"sepal_length", {119.26450218449871, 1.6696691907731882e-31}},
            {"sepal_width", {49.16004008961098, 4.4920171333119905e-17}},
            {"petal_length", {1180.1611822529776, 2.85677661096213e-91}},
            {"petal_width", {960.0071468018025, 4.169445839445089e-85}}};
        for (const auto& [feature, expected] : sklearn) {
            QVERIFY2(near(ranked(r, feature, "F"), expected.first, 1e-10), feature.c_str());
            QVERIFY2(near(ranked(r, feature, "p_value"), expected.second, 1e-6), feature.c_str());
        }
        QCOMPARE(r.metrics.at("kept"), 2.0);
    }

    void chiSquareAndVariance() {
        const TablePtr iris = datasetTable("iris.csv");
        const NodeRun chi = select(iris, {{"method", "chi2"}, {"k", 3}});
        const Results& r = *std::get<ResultsValue>(chi.outputs.at("results"));
        QVERIFY(near(ranked(r, "sepal_length", "chi2"), 10.817820878494008, 1e-10));
        QVERIFY(near(ranked(r, "sepal_width", "chi2"), 3.710728303532498, 1e-10));
        QVERIFY(near(ranked(r, "petal_length", "chi2"), 116.31261309207032, 1e-10));
        QVERIFY(near(ranked(r, "sepal_width", "p_value"), 0.15639598043162506, 1e-8));
        QCOMPARE(columnNames(*chi.table("train")),
                 (QStringList{"sepal_length", "petal_length", "petal_width", "species"}));
        // Population variances 0.681, 0.189, 3.096, 0.577: above 0.5 stay.
        const NodeRun var = select(iris, {{"method", "variance"}, {"threshold", 0.5}});
        QCOMPARE(columnNames(*var.table("train")),
                 (QStringList{"sepal_length", "petal_length", "petal_width", "species"}));
        const Results& v = *std::get<ResultsValue>(var.outputs.at("results"));
        QVERIFY(near(ranked(v, "sepal_width", "variance"), 0.1887128888888889, 1e-12));
        QCOMPARE(v.table->indexOf("p_value"), std::nullopt);
    }

    void fRegressionOnDiabetes() {
        const TablePtr diabetes = datasetTable("diabetes.csv");
        const NodeRun run = select(diabetes, {{"k", 3}});
        QCOMPARE(columnNames(*run.table("train")), (QStringList{"bmi", "bp", "s5", "progression"}));
        const Results& r = *std::get<ResultsValue>(run.outputs.at("results"));
        QVERIFY(near(ranked(r, "bmi", "F"), 230.65376449412466, 1e-10));
        QVERIFY(near(ranked(r, "sex", "F"), 0.817423490252975, 1e-10));
        QVERIFY(near(ranked(r, "sex", "p_value"), 0.3664292946520661, 1e-8));
        QVERIFY(near(ranked(r, "bmi", "p_value"), 3.46600644516921e-42, 1e-6));
    }

    void mutualInformation() {
        // Worked by hand (integers, so every distance is exact): with two
        // neighbours per class of three, the counts within the radius are
        // 2, 2, 2, 5, 5, 2, so MI = psi(6) + psi(2) - psi(3) - mean psi(m)
        // = 19/45; scikit-learn 1.2's _compute_mi_cd gives 0.4222222222222224.
        const std::vector<double> x = {0, 1, 3, 7, 15, 31};
        const std::vector<std::size_t> y = {0, 0, 0, 1, 1, 1};
        QVERIFY(std::abs(ml::mutualInformation(x, y) - 19.0 / 45) < 1e-12);
        // A class of one row is left out and changes nothing.
        std::vector<double> x2 = x;
        std::vector<std::size_t> y2 = y;
        x2.push_back(100);
        y2.push_back(2);
        QVERIFY(std::abs(ml::mutualInformation(x2, y2) - 19.0 / 45) < 1e-12);
        // Wine: mutual_info_classif's mean over random_state 0..4 for three
        // columns; ours is one more draw of the jitter, so within 0.05.
        const TablePtr wine = datasetTable("wine.csv");
        const NodeRun run = select(wine, {{"method", "mutual_info"}, {"k", 3}});
        const Results& r = *std::get<ResultsValue>(run.outputs.at("results"));
        QVERIFY2(std::abs(ranked(r, "flavanoids", "mutual_information") - 0.6613) < 0.05,
                 qPrintable(QString::number(ranked(r, "flavanoids", "mutual_information"))));
        QVERIFY(std::abs(ranked(r, "ash", "mutual_information") - 0.0668) < 0.05);
        QVERIFY(std::abs(ranked(r, "proline", "mutual_information") - 0.5623) < 0.05);
        QCOMPARE(columnNames(*run.table("train")),
                 (QStringList{"flavanoids", "color_intensity", "proline", "cultivar"}));
        const std::string why = nodeError([&] {
            select(datasetTable("diabetes.csv"), {{"method", "mutual_info"}});
        });
        QVERIFY2(why.find("mutual information") != std::string::npos, why.c_str());
    }

    void incompleteBeta() {
        // scipy.special.betainc(2, 3, 0.4) = 0.5248, betainc(0.5, 0.5, 0.5) = 0.5.
        QVERIFY(std::abs(ml::regularizedBeta(2, 3, 0.4) - 0.5248) < 1e-12);
        QVERIFY(std::abs(ml::regularizedBeta(0.5, 0.5, 0.5) - 0.5) < 1e-12);
        QCOMPARE(ml::regularizedBeta(2, 3, 0), 0.0);
        QCOMPARE(ml::regularizedBeta(2, 3, 1), 1.0);
        QVERIFY(std::isnan(ml::regularizedBeta(-1, 3, 0.5)));
        // scipy.stats.f.sf(3.0, 2, 10) = (10 / 16)^5 = 0.095367431640625.
        QVERIFY(std::abs(ml::fSurvival(3.0, 2, 10) - 0.095367431640625) < 1e-12);
    }

    void refusals() {
        const TablePtr iris = datasetTable("iris.csv");
        std::string why = nodeError([&] {
            select(datasetTable("diabetes.csv"), {{"method", "chi2"}});
        });
        QVERIFY2(why.find("numeric") != std::string::npos &&
                     why.find("'progression'") != std::string::npos,
                 why.c_str());
        const TablePtr negative =
            Table::make({Column::numeric("x", {1, -2, 3, 4}),
                         Column::categorical("y", {0, 1, 0, 1}, {"a", "b"}, ColumnRole::Target)});
        why = nodeError([&] { select(negative, {{"method", "chi2"}}); });
        QVERIFY2(why.find("'x'") != std::string::npos && why.find("row 2") != std::string::npos,
                 why.c_str());
        const TablePtr gap =
            Table::make({Column::numeric("x", {1, std::nan(""), 3, 4}),
                         Column::categorical("y", {0, 1, 0, 1}, {"a", "b"}, ColumnRole::Target)});
        why = nodeError([&] { select(gap, {}); });
        QVERIFY2(why.find("missing") != std::string::npos && why.find("'x'") != std::string::npos,
                 why.c_str());
        const TablePtr noTarget = Table::make({Column::numeric("x", {1, 2})});
        why = nodeError([&] { select(noTarget, {}); });
        QVERIFY2(why.find("'target'") != std::string::npos, why.c_str());
        why = nodeError([&] { select(iris, {{"columns", {"species"}}}); });
        QVERIFY2(why.find("'species'") != std::string::npos, why.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestSelectFeaturesNode)
#include "test_select_features_node.moc"
