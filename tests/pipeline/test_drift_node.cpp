// The Drift node (evaluate.drift) on the iris dataset split in two, with the
// figures scipy 1.10.1 gives for the same halves (tests/ml/
// test_drift_statistics.cpp checks the statistics one by one), and its
// handling of bad input: missing columns, mismatched kinds, empty tables;
// and a pipeline using it (fixtures/drift_breast_cancer.sluice) run whole.
#include <QtTest>
#include <cmath>

#include "engine/engine.h"
#include "node_test_support.h"
#include "nodes/results.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::datasetTable;
using sluice::testing::rowsOf;
using sluice::testing::runNode;

namespace {

ResultsValue drift(const TablePtr& reference, const TablePtr& current,
                   const nlohmann::json& params = nlohmann::json::object()) {
    return std::get<ResultsValue>(
        runNode("evaluate.drift", {{"reference", reference}, {"current", current}}, params)
            .at("results"));
}

// The row of `column` in the results table.
std::size_t rowOf(const Results& r, const std::string& column) {
    const auto& names = r.table->column("column").texts();
    const auto it = std::find(names.begin(), names.end(), column);
    if (it == names.end())
        throw std::runtime_error("no row for " + column);
    return static_cast<std::size_t>(it - names.begin());
}

double number(const Results& r, const std::string& column, const std::string& field) {
    return r.table->column(field).numbers()[rowOf(r, column)];
}

std::string text(const Results& r, const std::string& column, const std::string& field) {
    return r.table->column(field).displayValue(rowOf(r, column));
}

bool close(double a, double b, double relative) {
    return std::abs(a - b) <= relative * std::abs(b);
}

QString failure(const Results& r, const std::string& column, const std::string& field,
                double expected) {
    return QString("%1.%2 = %3, expected %4")
        .arg(QString::fromStdString(column), QString::fromStdString(field))
        .arg(number(r, column, field), 0, 'g', 17)
        .arg(expected, 0, 'g', 17);
}

#define CHECK_FIELD(r, column, field, expected, relative)             \
    QVERIFY2(close(number(r, column, field), (expected), (relative)), \
             qPrintable(failure(r, column, field, (expected))))

NodeError errorOf(const TablePtr& reference, const TablePtr& current,
                  const nlohmann::json& params = nlohmann::json::object()) {
    try {
        drift(reference, current, params);
    } catch (const NodeError& e) {
        return e;
    }
    return NodeError("no error");
}

}  // namespace

class TestDriftNode : public QObject {
    Q_OBJECT

private slots:
    void irisEvenAgainstOddRows() {
        // Reference: rows 0, 2, 4, ...; current: rows 1, 3, 5, ... (iris is
        // sorted by species, so both halves hold 25 of each). Figures from
        // numpy/scipy on the same halves: PSI over numpy.quantile cut points
        // (bins closed on the right), stats.ks_2samp(ref, cur,
        // method="exact"), stats.chi2_contingency(counts, correction=False).
        const TablePtr iris = datasetTable("iris.csv");
        const auto r = drift(rowsOf(iris, 0, 150, 2), rowsOf(iris, 1, 150, 2));
        QCOMPARE(r->kind, ResultKind::Drift);
        QCOMPARE(r->table->rowCount(), std::size_t{5});
        QCOMPARE(r->distributions.size(), std::size_t{5});
        CHECK_FIELD(*r, "sepal_length", "psi", 0.15018242397779494, 1e-9);
        CHECK_FIELD(*r, "sepal_length", "statistic", 0.06666666666666667, 1e-12);
        CHECK_FIELD(*r, "sepal_length", "p_value", 0.9966899221363298, 1e-9);
        CHECK_FIELD(*r, "sepal_width", "psi", 0.0720777945409448, 1e-9);
        CHECK_FIELD(*r, "petal_length", "psi", 0.4184104578434783, 1e-9);
        CHECK_FIELD(*r, "petal_length", "statistic", 0.08, 1e-12);
        CHECK_FIELD(*r, "petal_length", "p_value", 0.9717333170639332, 1e-9);
        CHECK_FIELD(*r, "petal_width", "psi", 0.10388671864103764, 1e-9);
        QCOMPARE(r->distributions[rowOf(*r, "petal_width")].bins.size(), std::size_t{9});
        QCOMPARE(number(*r, "species", "psi"), 0.0);
        QCOMPARE(number(*r, "species", "statistic"), 0.0);
        QCOMPARE(number(*r, "species", "dof"), 2.0);
        QCOMPARE(number(*r, "species", "p_value"), 1.0);
        QCOMPARE(text(*r, "species", "test"), std::string("chi-square"));
        QCOMPARE(text(*r, "sepal_length", "test"), std::string("ks"));
        // 75 rows in 10 bins is ~7 a bin: the PSI of the (tie-heavy) petal
        // length passes 0.2 by chance although KS sees nothing. Only it is
        // flagged, and a threshold for small samples clears it.
        QCOMPARE(text(*r, "petal_length", "drifted"), std::string("yes"));
        for (const char* c : {"sepal_length", "sepal_width", "petal_width", "species"})
            QCOMPARE(text(*r, c, "drifted"), std::string("no"));
        QCOMPARE(r->metrics.at("columns"), 5.0);
        QCOMPARE(r->metrics.at("drifted_columns"), 1.0);
        QVERIFY(close(r->metrics.at("max_psi"), 0.4184104578434783, 1e-9));
        const auto loose =
            drift(rowsOf(iris, 0, 150, 2), rowsOf(iris, 1, 150, 2), {{"psi_threshold", 0.5}});
        QCOMPARE(loose->metrics.at("drifted_columns"), 0.0);
        // Each side's shares sum to 1.
        for (const Distribution& d : r->distributions) {
            double ref = 0, cur = 0;
            for (std::size_t i = 0; i < d.bins.size(); ++i) {
                ref += d.reference[i];
                cur += d.current[i];
            }
            QVERIFY(std::abs(ref - 1) < 1e-12 && std::abs(cur - 1) < 1e-12);
        }
    }

    void irisSetosaVersicolorAgainstVirginica() {
        // Reference: the first 100 rows (setosa, versicolor); current: the
        // last 50 (virginica). scipy as above.
        const TablePtr iris = datasetTable("iris.csv");
        std::vector<std::string> log;
        RunContext context;
        context.onLog = [&](std::string_view line) { log.emplace_back(line); };
        const auto r = std::get<ResultsValue>(
            runNode("evaluate.drift",
                    {{"reference", rowsOf(iris, 0, 100)}, {"current", rowsOf(iris, 100, 150)}},
                    nlohmann::json::object(), &context)
                .at("results"));
        QCOMPARE(log, (std::vector<std::string>{"drifted: sepal_length, sepal_width, "
                                                "petal_length, petal_width, species"}));
        CHECK_FIELD(*r, "sepal_length", "psi", 4.159965020332175, 1e-9);
        CHECK_FIELD(*r, "sepal_length", "p_value", 2.890539932472086e-13, 1e-6);
        CHECK_FIELD(*r, "sepal_width", "statistic", 0.22, 1e-12);
        CHECK_FIELD(*r, "sepal_width", "p_value", 0.0753291534649868, 1e-8);
        CHECK_FIELD(*r, "petal_length", "p_value", 5.93621876864293e-31, 1e-6);
        CHECK_FIELD(*r, "petal_width", "p_value", 3.7207420467593056e-29, 1e-6);
        CHECK_FIELD(*r, "species", "psi", 17.724909090716935, 1e-9);
        CHECK_FIELD(*r, "species", "statistic", 150.0, 1e-12);
        CHECK_FIELD(*r, "species", "p_value", 2.678636961808087e-33, 1e-6);
        QCOMPARE(r->metrics.at("drifted_columns"), 5.0);  // sepal_width: PSI 0.74
        const Distribution& species = r->distributions[rowOf(*r, "species")];
        QCOMPARE(species.bins, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(species.reference, (std::vector<double>{0.5, 0.5, 0.0}));
        QCOMPARE(species.current, (std::vector<double>{0.0, 0.0, 1.0}));
    }

    void identicalTablesHaveNoDrift() {
        const TablePtr cancer = datasetTable("breast_cancer.csv");
        const auto r = drift(cancer, cancer);
        QCOMPARE(r->metrics.at("columns"), static_cast<double>(cancer->columnCount()));
        QCOMPARE(r->metrics.at("drifted_columns"), 0.0);
        QCOMPARE(r->metrics.at("max_psi"), 0.0);
        for (std::size_t i = 0; i < r->table->rowCount(); ++i)
            QCOMPARE(r->table->column("p_value").numbers()[i], 1.0);
    }

    void columnsParameterAndSchemaChanges() {
        const TablePtr iris = datasetTable("iris.csv");
        const auto two =
            drift(iris, iris, {{"columns", nlohmann::json::array({"petal_width", "species"})}});
        QCOMPARE(two->table->column("column").texts(),
                 (std::vector<std::string>{"petal_width", "species"}));
        // A column dropped from the new data is drifted; an added one is
        // listed but not flagged.
        const TablePtr renamed = Table::make(
            {iris->column("sepal_length"), iris->column("sepal_width").withName("width"),
             iris->column("petal_length"), iris->column("petal_width"), iris->column("species")});
        const auto r = drift(iris, renamed);
        QCOMPARE(r->table->rowCount(), std::size_t{6});
        QCOMPARE(text(*r, "sepal_width", "note"), std::string("missing from the current table"));
        QCOMPARE(text(*r, "sepal_width", "drifted"), std::string("yes"));
        QCOMPARE(text(*r, "width", "note"), std::string("only in the current table"));
        QCOMPARE(text(*r, "width", "drifted"), std::string("no"));
        QVERIFY(std::isnan(number(*r, "width", "psi")));
        QCOMPARE(r->metrics.at("columns"), 4.0);
        QCOMPARE(r->metrics.at("drifted_columns"), 1.0);
        // Kinds that differ.
        std::vector<std::string> asText;
        for (std::size_t i = 0; i < iris->rowCount(); ++i)
            asText.push_back(iris->column("petal_width").displayValue(i));
        const TablePtr textual = Table::make({Column::text("petal_width", asText)});
        const auto m = drift(iris, textual, {{"columns", nlohmann::json::array({"petal_width"})}});
        QCOMPARE(text(*m, "petal_width", "note"),
                 std::string("the reference column is numeric, the current one text: not "
                             "compared"));
        QCOMPARE(text(*m, "petal_width", "drifted"), std::string("yes"));
    }

    void badInputsGiveClearErrors() {
        const TablePtr iris = datasetTable("iris.csv");
        QCOMPARE(std::string(
                     errorOf(iris, iris, {{"columns", nlohmann::json::array({"colour"})}}).what()),
                 std::string("parameter 'columns': column 'colour' not found in the reference "
                             "table (columns: sepal_length, sepal_width, petal_length, "
                             "petal_width, species)"));
        const TablePtr narrow = iris->select({"species"});
        QCOMPARE(
            std::string(errorOf(iris, narrow, {{"columns", nlohmann::json::array({"petal_width"})}})
                            .what()),
            std::string("parameter 'columns': column 'petal_width' not found in the "
                        "current table (columns: species)"));
        const TablePtr empty = rowsOf(iris, 0, 0);
        QCOMPARE(std::string(errorOf(iris, empty).what()),
                 std::string("input 'current': the table has no rows"));
        QCOMPARE(std::string(errorOf(empty, iris).what()),
                 std::string("input 'reference': the table has no rows"));
        QCOMPARE(std::string(errorOf(Table::make({}), iris).what()),
                 std::string("input 'reference': the table has no columns"));
        // A column with nothing but missing values is a row, not a failure.
        const TablePtr holes =
            Table::make({Column::numeric("sepal_length", std::vector<double>(10, std::nan("")))});
        const auto r = drift(iris, holes, {{"columns", nlohmann::json::array({"sepal_length"})}});
        QCOMPARE(text(*r, "sepal_length", "note"), std::string("no values in the current table"));
        QCOMPARE(text(*r, "sepal_length", "drifted"), std::string("yes"));
    }

    void breastCancerPipelineFlagsTheReferralClinic() {
        // Training part against the held-out part (same population), and
        // against the held-out tumours with mean_radius > 15 (larger ones).
        // Its Example dataset node looks for the data where this says.
        qputenv("SLUICE_DATASETS_DIR", SLUICE_DATASETS_DIR);
        const auto loaded =
            loadPipeline(std::string(SLUICE_PIPELINE_FIXTURES) + "/drift_breast_cancer.sluice");
        QVERIFY(loaded.warnings.empty());
        engine::Engine eng;
        const auto run = eng.run(loaded.graph);
        for (const auto& [id, outcome] : run.nodes)
            QVERIFY2(outcome.status == engine::NodeStatus::Done,
                     (id + ": " + outcome.message).c_str());
        const auto resultsOf = [&](const std::string& node) {
            return std::get<ResultsValue>(run.nodes.at(node).outputs.at("results"));
        };
        const auto same = resultsOf("drift_holdout"), referrals = resultsOf("drift_referrals");
        QCOMPARE(same->metrics.at("columns"), 31.0);
        QCOMPARE(referrals->metrics.at("columns"), 31.0);
        // The radius itself, the size measures that follow it and the
        // diagnosis (large tumours are mostly malignant) drift; in the same
        // population they do not.
        for (const char* c : {"mean_radius", "mean_perimeter", "mean_area", "worst_radius",
                              "worst_area", "diagnosis"}) {
            QCOMPARE(text(*referrals, c, "drifted"), std::string("yes"));
            QVERIFY2(number(*referrals, c, "p_value") < 1e-6, c);
            QCOMPARE(text(*same, c, "drifted"), std::string("no"));
            QVERIFY2(number(*same, c, "p_value") > 0.05, c);
        }
        // Nothing can sit below the cut in the referrals' radius bins:
        // every reference bin up to 15 is empty on the current side.
        const Distribution& radius = referrals->distributions[rowOf(*referrals, "mean_radius")];
        QCOMPARE(radius.current.front(), 0.0);
        QVERIFY(referrals->metrics.at("drifted_columns") > same->metrics.at("drifted_columns"));
        qInfo(
            "same population: %g of 31 drifted (max PSI %.3f); referral clinic: %g (max PSI "
            "%.3f)",
            same->metrics.at("drifted_columns"), same->metrics.at("max_psi"),
            referrals->metrics.at("drifted_columns"), referrals->metrics.at("max_psi"));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestDriftNode)
#include "test_drift_node.moc"
