// The output preview: a virtual table model over a Table (a million rows open
// at once) and the per-port tabs of a node's outputs.
#include <QElapsedTimer>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include "ml/core/registry.h"
#include "ml/pipeline/trained_pipeline.h"
#include "nodes/evaluate_nodes/importance_results.h"
#include "nodes/results.h"
#include "support/test_registry.h"
#include "support/time_scale.h"
#include "views/preview/output_preview.h"
#include "views/preview/table_model.h"

using namespace sluice;

namespace {

TablePtr sample() {
    return Table::make({Column::numeric("x", {1.5, std::nan(""), 3.0}),
                        Column::categorical("species", {0, 1, -1}, {"setosa", "virginica"})});
}

}  // namespace

class TestOutputPreview : public QObject {
    Q_OBJECT

private slots:
    void modelShowsCellsHeadersAndMissing() {
        TableModel model(sample());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QString("1.5"));
        QCOMPARE(model.data(model.index(1, 0)).toString(), QString("—"));
        QCOMPARE(model.data(model.index(1, 1)).toString(), QString("virginica"));
        QVERIFY(model.headerData(0, Qt::Horizontal).toString().startsWith("x\nnumeric"));
        const QString tip = model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains("1 missing") && tip.contains("mean 2.25"), qPrintable(tip));
        const QString levels = model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(levels.contains("2 levels") && levels.contains("setosa"), qPrintable(levels));
        QCOMPARE(model.headerData(2, Qt::Vertical).toInt(), 3);
    }

    // Issue 25, item 10: cells showed 16 significant digits. They show six,
    // whole numbers in full; the tooltip and a copy keep every digit.
    void numbersAreShortOnScreenAndFullInTooltipAndCopy() {
        TableModel model(Table::make({Column::numeric(
            "p", {0.1 + 0.2, 2.0 / 3.0, 123456789.0, 1234.5678912, 1e-9 / 3, -7.25})}));
        const auto shown = [&](int row) { return model.data(model.index(row, 0)).toString(); };
        const auto tip = [&](int row) {
            return model.data(model.index(row, 0), Qt::ToolTipRole).toString();
        };
        QCOMPARE(shown(0), QString("0.3"));
        QCOMPARE(tip(0), QString("0.30000000000000004"));
        QCOMPARE(shown(1), QString("0.666667"));
        QCOMPARE(tip(1), QString("0.6666666666666666"));
        QCOMPARE(shown(2), QString("123456789"));  // an id keeps all its digits
        QCOMPARE(tip(2), QString());               // nothing hidden: no tooltip
        QCOMPARE(shown(3), QString("1234.57"));
        QCOMPARE(shown(4), QString("3.33333e-10"));
        QCOMPARE(shown(5), QString("-7.25"));
        QCOMPARE(model.plainText(1, 0), QString("0.6666666666666666"));  // what a copy takes
    }

    void aMillionRowsOpenAtOnce() {
        std::vector<double> values(1'000'000);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = double(i);
        const TablePtr big = Table::make({Column::numeric("i", std::move(values))});
        QElapsedTimer timer;
        timer.start();
        OutputPreview preview;
        preview.setOutputs("big", {{"table", big}});
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        // The table page holds the view next to its status line and scatter.
        auto* view = preview.tabs()->widget(0)->findChild<QTableView*>();
        QVERIFY(view);
        view->scrollToBottom();
        QCoreApplication::processEvents();
        qInfo("1M-row preview shown and scrolled to the end in %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 3000 * sluice::testing::timeScale());
        QCOMPARE(view->model()->rowCount(), 1'000'000);
        QCOMPARE(view->model()->data(view->model()->index(999'999, 0)).toString(),
                 QString("999999"));
    }

    void resultsShowMetricsAndMatrix() {
        auto results = std::make_shared<Results>();
        results->kind = ResultKind::ConfusionMatrix;
        results->metrics = {{"accuracy", 0.9}, {"f1_macro", 0.85}};
        results->labels = {"a", "b"};
        results->matrix = Eigen::MatrixXd{{5, 1}, {0, 4}};
        OutputPreview preview;
        preview.setOutputs("Score (n1)", {{"results", ResultsValue(results)}, {"table", sample()}});
        QCOMPARE(preview.tabs()->count(), 2);
        QCOMPARE(preview.tabs()->tabText(0), QString("results"));
        auto* metrics = preview.findChild<QTableWidget*>("metricsTable");
        QVERIFY(metrics);
        QCOMPARE(metrics->rowCount(), 2);
        QCOMPARE(metrics->item(0, 0)->text(), QString("Accuracy"));
        QCOMPARE(metrics->item(1, 0)->text(), QString("F1 (macro)"));  // not f1_macro
        QCOMPARE(metrics->item(1, 0)->toolTip(), QString("f1_macro"));
        QCOMPARE(metrics->item(0, 1)->text(), QString("0.9"));
        auto* matrix = preview.findChild<QTableWidget*>("matrixTable");
        QVERIFY(matrix);
        QCOMPARE(matrix->item(0, 1)->text(), QString("1"));
        QCOMPARE(matrix->item(1, 1)->text(), QString("4"));
        QVERIFY(preview.windowTitle().contains("Score (n1)"));
    }

    void modelPageSummarisesAndRanksCoefficients() {
        // y = 1 + 2 x1 - 0.5 x2 exactly: least squares recovers the
        // coefficients, so the ranking is x1 (2) before x2 (0.5).
        std::vector<double> x1, x2, y;
        for (int i = 0; i < 40; ++i) {
            x1.push_back(i % 7);
            x2.push_back((i * 3) % 11);
            y.push_back(1 + 2 * x1.back() - 0.5 * x2.back());
        }
        const TablePtr table = Table::make(
            {Column::numeric("x1", x1), Column::numeric("x2", x2), Column::numeric("y", y)});
        ml::PipelineSpec spec;
        spec.learner = ml::MlRegistry::instance().makeLearner("linear_regression");
        spec.target = "y";
        const auto model =
            std::make_shared<const ml::TrainedPipeline>(ml::TrainedPipeline::fit(*table, spec));

        const auto importance = importanceResults(*model);
        QVERIFY(importance && importance->table);
        QCOMPARE(importance->table->column("feature").texts()[0], std::string("x1"));
        QVERIFY(std::abs(importance->table->column("mean |coefficient|").numbers()[0] - 2.0) <
                1e-9);
        QVERIFY(std::abs(importance->table->column("mean |coefficient|").numbers()[1] - 0.5) <
                1e-9);

        OutputPreview preview;
        preview.setOutputs("Linear (n1)", {{"learner", LearnerValue{spec.learner, "Linear"}},
                                           {"model", ModelValue(model)}});
        // It opens on the model, not on the unfitted learner listed first.
        QCOMPARE(preview.tabs()->tabText(preview.tabs()->currentIndex()), QString("model"));
        auto* params = preview.findChild<QTableWidget*>("learnerParams");
        QVERIFY(params);
        QCOMPARE(params->rowCount(), static_cast<int>(spec.learner->params().size()));
        auto* summary = preview.findChild<QLabel*>("modelSummary");
        QVERIFY(summary);
        QVERIFY2(summary->text().contains("Linear regression") &&
                     summary->text().contains("Target: y") &&
                     summary->text().contains("2 features: x1, x2"),
                 qPrintable(summary->text()));
        QVERIFY(preview.findChild<QWidget*>("importanceBars"));
    }

    void escapeAndCloseShortcutClosePreview() {
        // Issue 25, item 10: Esc and Ctrl+W did nothing in a preview window.
        for (const QKeySequence& keys :
             {QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Close)}) {
            OutputPreview preview;
            preview.setOutputs("n", {});
            preview.show();
            preview.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&preview));
            QTest::keySequence(&preview, keys);
            QTRY_VERIFY2(!preview.isVisible(), qPrintable(keys.toString()));
        }
    }

    void noOutputsSaysSo() {
        OutputPreview preview;
        preview.setOutputs("n", {});
        QCOMPARE(preview.tabs()->count(), 1);
    }
};

SLUICE_TEST_MAIN(TestOutputPreview)
#include "test_output_preview.moc"
