// Result views: the numbers the widgets show are the numbers the evaluation
// nodes computed (confusion cells, AUC and AP in legends, scatter points, the
// best cross-validated learner, sorted importances), and charts, heatmaps and
// tables export what they show. Results come from running the real nodes on
// the bundled datasets where that is quick.
//
// With SLUICE_RESULT_SCREENSHOTS=<dir> set, screenshotEveryView also writes
// every page at the preview's default size in a light and a dark palette.
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>
#include <cmath>

#include "../support/test_palettes.h"
#include "nodes/results.h"
#include "pipeline/node_test_support.h"
#include "support/test_registry.h"
#include "views/charts/chart_view.h"
#include "views/results/confusion_heatmap.h"
#include "views/results/cv_view.h"
#include "views/results/regression_charts.h"
#include "views/results/results_page.h"
#include "views/results/results_table.h"

using namespace sluice;
using sluice::testing::datasetTable;
using sluice::testing::runNode;

namespace {

ModelValue trainOn(const std::string& learner, const TablePtr& table,
                   const nlohmann::json& params = nlohmann::json::object()) {
    return std::get<ModelValue>(
        runNode("train." + learner, {{"train", table}}, params).at("model"));
}

ResultsValue resultsOf(const std::string& id, const PortValues& in,
                       const nlohmann::json& params = nlohmann::json::object()) {
    return std::get<ResultsValue>(runNode(id, in, params).at("results"));
}

ResultsValue scoresOf(const std::string& learner, const std::string& dataset) {
    const auto table = datasetTable(dataset);
    const auto predictions = std::get<TablePtr>(
        runNode("evaluate.predict", {{"model", trainOn(learner, table)}, {"table", table}})
            .at("predictions"));
    return resultsOf("evaluate.score", {{"predictions", predictions}});
}

ResultsValue crossValidation() {
    const auto iris = datasetTable("iris.csv");
    const auto learner = [&](const std::string& kind) {
        return std::get<LearnerValue>(runNode("train." + kind, {{"train", iris}}).at("learner"));
    };
    return resultsOf("evaluate.cross_validate",
                     {{"table", iris},
                      {"learner_1", learner("logistic_regression")},
                      {"learner_2", learner("decision_tree_classifier")},
                      {"learner_3", learner("gaussian_nb")}},
                     {{"folds", 5}, {"shuffle", true}, {"seed", 3}});
}

ResultsValue importances() {
    return resultsOf("evaluate.feature_importance",
                     {{"model", trainOn("random_forest_classifier", datasetTable("iris.csv"),
                                        {{"n_estimators", 20}})}});
}

// A regression result with `n` rows: predicted = actual + a small wiggle.
ResultsValue syntheticRegression(std::size_t n) {
    std::vector<double> actual(n), predicted(n);
    for (std::size_t i = 0; i < n; ++i) {
        actual[i] = static_cast<double>(i) / static_cast<double>(n) * 100.0;
        predicted[i] = actual[i] + std::sin(static_cast<double>(i)) * 5.0;
    }
    auto r = std::make_shared<Results>();
    r->kind = ResultKind::Scores;
    r->task = "regression";
    r->metrics = {{"r2", 0.99}, {"rmse", 3.5}};
    r->table = Table::make({Column::numeric("actual", std::move(actual)),
                            Column::numeric("predicted", std::move(predicted))});
    return r;
}

template <class T>
T* child(QWidget* page, const char* name) {
    auto* w = page->findChild<T*>(QString::fromLatin1(name));
    if (!w)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

QStringList seriesNames(const QChart* chart) {
    QStringList names;
    for (const QAbstractSeries* s : chart->series())
        names << s->name();
    return names;
}

QStringList visibleLegend(QChart* chart) {
    QStringList labels;
    for (QLegendMarker* m : chart->legend()->markers())
        if (m->isVisible())
            labels << m->label();
    return labels;
}

QString percent(double count, double rowTotal) {
    return QString::number(100.0 * count / rowTotal, 'f', 1) + '%';
}

}  // namespace

class TestResultViews : public QObject {
    Q_OBJECT

private slots:
    void heatmapCellsHoldCountsAndRowPercentages() {
        const auto scores = scoresOf("logistic_regression", "iris.csv");
        std::unique_ptr<QWidget> page(makeResultsPage(*scores, nullptr));
        auto* heatmap = child<ConfusionHeatmap>(page.get(), "confusionHeatmap");
        QVERIFY(heatmap);
        QCOMPARE(heatmap->classCount(), 3);
        for (int r = 0; r < 3; ++r) {
            const double total = scores->matrix.row(r).sum();
            QCOMPARE(total, 50.0);
            for (int c = 0; c < 3; ++c) {
                const double n = scores->matrix(r, c);
                QCOMPARE(heatmap->count(r, c), n);
                QCOMPARE(heatmap->cellText(r, c),
                         QString::number(static_cast<int>(n)) + '\n' + percent(n, total));
            }
        }
        // By hand: an uneven matrix, percentages of the row (not the total).
        ConfusionHeatmap small({"no", "yes"}, Eigen::MatrixXd{{48, 2}, {5, 45}});
        QCOMPARE(small.cellText(0, 1), QString("2\n4.0%"));
        QCOMPARE(small.cellText(1, 0), QString("5\n10.0%"));
        QCOMPARE(small.cellToolTip(1, 0), QString("True yes, predicted no: 5 (10.0% of yes)"));
        small.resize(400, 300);
        const QPoint centre = small.rect().center();
        QVERIFY(small.cellAt(centre).x() >= 0);
        QCOMPARE(small.cellAt(QPoint(1, 1)), QPoint(-1, -1));
        // The counts table of the Metrics tab.
        auto* counts = child<QTableWidget>(page.get(), "matrixTable");
        QVERIFY(counts);
        QCOMPARE(counts->item(0, 0)->text(), QString("50"));
    }

    void rocLegendShowsAucPerClassAndChance() {
        const auto scores = scoresOf("logistic_regression", "iris.csv");
        std::unique_ptr<QWidget> page(makeResultsPage(*scores, nullptr));
        auto* tabs = child<QTabWidget>(page.get(), "resultsTabs");
        auto* roc = child<ChartView>(page.get(), "rocChart");
        QVERIFY(tabs && roc);
        tabs->setCurrentWidget(roc);  // legend markers are visible once shown
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        const QStringList names = seriesNames(roc->chart());
        QCOMPARE(names.size(), 4);  // chance + 3 classes
        for (const Curve& c : scores->curves) {
            const QString expected =
                QString::fromStdString(c.name) + " (AUC " + QString::number(c.area, 'f', 3) + ")";
            QVERIFY2(names.contains(expected), qPrintable(names.join(" | ")));
            QVERIFY2(visibleLegend(roc->chart()).contains(expected),
                     qPrintable(visibleLegend(roc->chart()).join(" | ")));
        }
        QVERIFY(names.contains("Chance"));
        QVERIFY(names.contains("setosa vs rest (AUC 1.000)"));
        // Each curve's points are the curve's.
        auto* first = qobject_cast<QLineSeries*>(roc->chart()->series().at(1));
        QVERIFY(first);
        QCOMPARE(first->count(), static_cast<int>(scores->curves[0].x.size()));
    }

    void binaryRocAndPrecisionRecallLegends() {
        const auto scores = scoresOf("logistic_regression", "breast_cancer.csv");
        QCOMPARE(scores->curves.size(), std::size_t{1});
        std::unique_ptr<QWidget> page(makeResultsPage(*scores, nullptr));
        auto* roc = child<ChartView>(page.get(), "rocChart");
        QVERIFY(roc);
        const double auc = scores->metrics.at("roc_auc");
        QVERIFY(auc > 0.9);
        const QString aucText = "(AUC " + QString::number(auc, 'f', 3) + ")";
        QVERIFY2(seriesNames(roc->chart()).filter(aucText).size() == 1,
                 qPrintable(seriesNames(roc->chart()).join(" | ")));
        auto* pr = child<ChartView>(page.get(), "prChart");
        QVERIFY(pr);
        const Curve& curve = scores->precisionRecall.front();
        const QString expected = QString::fromStdString(curve.name) + " (AP " +
                                 QString::number(curve.area, 'f', 3) + ")";
        QCOMPARE(seriesNames(pr->chart()), QStringList{expected});
        auto* tabs = child<QTabWidget>(page.get(), "resultsTabs");
        QVERIFY(tabs);
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        QCOMPARE(titles, (QStringList{"Confusion matrix", "ROC", "Precision–recall", "Metrics"}));
    }

    void regressionScatterHasEveryRowAndTheIdentityLine() {
        const auto scores = scoresOf("linear_regression", "diabetes.csv");
        std::unique_ptr<QWidget> page(makeResultsPage(*scores, nullptr));
        auto* chart = child<ChartView>(page.get(), "predictedVsActual");
        QVERIFY(chart);
        QScatterSeries* points = nullptr;
        QLineSeries* identity = nullptr;
        for (QAbstractSeries* s : chart->chart()->series()) {
            if (auto* sc = qobject_cast<QScatterSeries*>(s))
                points = sc;
            else if (auto* line = qobject_cast<QLineSeries*>(s))
                identity = line;
        }
        QVERIFY(points && identity);
        QCOMPARE(points->count(), 442);
        QVERIFY(!child<QLabel>(page.get(), "sampleNote"));
        const auto actual = scores->table->column("actual").numbers();
        const auto predicted = scores->table->column("predicted").numbers();
        const double lo = std::min(*std::min_element(actual.begin(), actual.end()),
                                   *std::min_element(predicted.begin(), predicted.end()));
        const double hi = std::max(*std::max_element(actual.begin(), actual.end()),
                                   *std::max_element(predicted.begin(), predicted.end()));
        QCOMPARE(identity->count(), 2);
        const QPointF a = identity->at(0), b = identity->at(1);
        QCOMPARE(a.x(), a.y());
        QCOMPARE(b.x(), b.y());
        QVERIFY(a.x() <= lo && b.x() >= hi);
        // Corner to corner of the plot, which is rounded out from the data.
        auto* xAxis = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).at(0));
        QVERIFY(xAxis);
        QCOMPARE(a.x(), xAxis->min());
        QCOMPARE(b.x(), xAxis->max());
        QVERIFY(b.x() - a.x() < (hi - lo) * 1.5);

        auto* residuals = child<ChartView>(page.get(), "residuals");
        QVERIFY(residuals);
        for (QAbstractSeries* s : residuals->chart()->series()) {
            if (auto* sc = qobject_cast<QScatterSeries*>(s)) {
                QCOMPARE(sc->count(), 442);
                QCOMPARE(sc->at(3).x(), predicted[3]);
                QCOMPARE(sc->at(3).y(), actual[3] - predicted[3]);
            } else if (auto* zero = qobject_cast<QLineSeries*>(s)) {
                QCOMPARE(zero->at(0).y(), 0.0);
                QCOMPARE(zero->at(1).y(), 0.0);
            }
        }
        QVERIFY(child<QTableWidget>(page.get(), "metricsTable"));
    }

    void largeRegressionIsSampledAndSaysSo() {
        QCOMPARE(evenSample(10, 4), (std::vector<std::size_t>{0, 2, 5, 7}));
        QCOMPARE(evenSample(3, 4).size(), std::size_t{3});
        QCOMPARE(sampleNote(5000, 1'000'000),
                 QString("showing 5,000 of 1,000,000 points (an even sample)"));
        const auto r = syntheticRegression(20'000);
        std::unique_ptr<QWidget> page(makeResultsPage(*r, nullptr));
        auto* chart = child<ChartView>(page.get(), "predictedVsActual");
        QVERIFY(chart);
        auto* points = qobject_cast<QScatterSeries*>(chart->chart()->series().at(0));
        QVERIFY(points);
        QCOMPARE(points->count(), static_cast<int>(kMaxScatterPoints));
        const auto notes = page->findChildren<QLabel*>("sampleNote");
        QCOMPARE(notes.size(), 2);  // both scatters
        QVERIFY2(notes.front()->text().startsWith("showing 5,000 of 20,000 points"),
                 qPrintable(notes.front()->text()));
    }

    void crossValidationHighlightsTheRealBest() {
        const auto cv = crossValidation();
        std::unique_ptr<QWidget> page(makeResultsPage(*cv, nullptr));
        auto* view = page->findChild<CrossValidationView*>();
        QVERIFY(view);
        auto* table = child<QTableWidget>(page.get(), "cvTable");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->columnCount(), 4);  // learner + accuracy, balanced_accuracy, f1_macro
        const Table& t = *cv->table;
        const auto mean = t.column("mean").numbers();
        const auto sd = t.column("std").numbers();
        for (int m = 0; m < 3; ++m) {
            // The best learner straight from the long table (rows: learner-major).
            int best = 0;
            for (int l = 1; l < 3; ++l)
                if (mean[static_cast<std::size_t>(l * 3 + m)] >
                    mean[static_cast<std::size_t>(best * 3 + m)])
                    best = l;
            for (int l = 0; l < 3; ++l) {
                QTableWidgetItem* item = table->item(l, m + 1);
                const std::size_t row = static_cast<std::size_t>(l * 3 + m);
                QCOMPARE(item->data(Qt::UserRole).toDouble(), mean[row]);
                QVERIFY2(item->text().contains(" ± "), qPrintable(item->text()));
                QVERIFY(item->toolTip().contains("fold 5:"));
                const bool highlighted = item->font().bold();
                QCOMPARE(highlighted, mean[row] == mean[static_cast<std::size_t>(best * 3 + m)]);
                QCOMPARE(item->background().style() != Qt::NoBrush, highlighted);
            }
            Q_UNUSED(sd);
        }
        // The bar chart follows the chosen metric: one bar per learner.
        auto* combo = child<QComboBox>(page.get(), "cvMetric");
        QVERIFY(combo);
        combo->setCurrentIndex(2);
        auto* bars = child<ChartView>(page.get(), "cvBars");
        QVERIFY(bars);
        auto* barSeries = qobject_cast<QBarSeries*>(bars->chart()->series().at(0));
        QVERIFY(barSeries);
        QCOMPARE(barSeries->barSets().at(0)->label(), QString("F1 (macro)"));
        QCOMPARE(combo->currentData().toString(), QString("f1_macro"));
        QCOMPARE(table->horizontalHeaderItem(3)->text(), QString("F1 (macro) ↑"));
        QCOMPARE(barSeries->barSets().at(0)->count(), 3);
        QCOMPARE(barSeries->barSets().at(0)->at(1), mean[5]);
        QCOMPARE(bars->chart()->series().size(), 4);  // bars + 3 whiskers
    }

    void errorMetricsAreBestWhenLowest() {
        QVERIFY(lowerIsBetter("rmse") && lowerIsBetter("log_loss") && !lowerIsBetter("r2"));
        const TablePtr t = Table::make({Column::text("learner", {"a", "a", "b", "b"}),
                                        Column::text("metric", {"r2", "rmse", "r2", "rmse"}),
                                        Column::numeric("mean", {0.8, 3.0, 0.7, 2.0}),
                                        Column::numeric("std", {0.1, 0.2, 0.1, 0.3}),
                                        Column::numeric("fold 1", {0.7, 2.8, 0.6, 1.7}),
                                        Column::numeric("fold 2", {0.9, 3.2, 0.8, 2.3})});
        const CvSummary s = summarizeCrossValidation(*t);
        QCOMPARE(s.learners, (QStringList{"a", "b"}));
        QCOMPARE(s.metrics, (QStringList{"r2", "rmse"}));
        QVERIFY(s.isBest(0, 0) && !s.isBest(1, 0));  // r2: higher
        QVERIFY(s.isBest(1, 1) && !s.isBest(0, 1));  // rmse: lower
        QCOMPARE(s.cell(1, 1).folds, (std::vector<double>{1.7, 2.3}));
        QCOMPARE(meanStdText(s.cell(0, 0)), QString("0.80 ± 0.10"));
    }

    void importanceBarsAreSortedLargestAtTop() {
        const auto imp = importances();
        std::unique_ptr<QWidget> page(makeResultsPage(*imp, nullptr));
        auto* chart = child<ChartView>(page.get(), "importanceBars");
        QVERIFY(chart);
        auto* series = qobject_cast<QHorizontalBarSeries*>(chart->chart()->series().at(0));
        QVERIFY(series);
        QBarSet* set = series->barSets().at(0);
        QCOMPARE(set->count(), 4);
        // Bars run bottom-up: reading them top-down must be descending.
        for (int i = 0; i + 1 < set->count(); ++i)
            QVERIFY(set->at(i) <= set->at(i + 1));
        auto* axis = qobject_cast<QBarCategoryAxis*>(chart->chart()->axes(Qt::Vertical).at(0));
        QVERIFY(axis);
        QCOMPARE(axis->categories().last().toStdString(), imp->table->column("feature").texts()[0]);
        QCOMPARE(set->at(3), imp->table->column(1).numbers()[0]);
        auto* valueAxis = chart->chart()->axes(Qt::Horizontal).at(0);
        QCOMPARE(valueAxis->titleText(), QString("importance"));
        auto* table = child<QTableWidget>(page.get(), "importanceTable");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 0)->text().toStdString(), imp->table->column("feature").texts()[0]);
    }

    void chartsAndHeatmapExportPngAndSvg() {
        QTemporaryDir dir;
        const auto scores = scoresOf("logistic_regression", "iris.csv");
        std::unique_ptr<QWidget> page(makeResultsPage(*scores, nullptr));
        page->resize(760, 520);
        auto* roc = child<ChartView>(page.get(), "rocChart");
        auto* heatmap = child<ConfusionHeatmap>(page.get(), "confusionHeatmap");
        QVERIFY(roc && heatmap);
        roc->resize(600, 400);
        heatmap->resize(500, 400);
        struct Case {
            QString name;
            std::function<bool(const QString&, QString*)> exportTo;
            QSize size;
        };
        const Case cases[] = {
            {"roc", [&](const QString& p, QString* e) { return roc->exportTo(p, e); },
             QSize(1200, 800)},
            {"heatmap", [&](const QString& p, QString* e) { return heatmap->exportTo(p, e); },
             QSize(1000, 800)},
        };
        for (const Case& c : cases) {
            const QString png = dir.filePath(c.name + ".png");
            QString error;
            QVERIFY2(c.exportTo(png, &error), qPrintable(error));
            QImage image(png);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), c.size);
            const QString svg = dir.filePath(c.name + ".svg");
            QVERIFY2(c.exportTo(svg, &error), qPrintable(error));
            QFile file(svg);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            QVERIFY(text.startsWith("<?xml"));
            QVERIFY(text.contains("<svg"));
            QVERIFY(!c.exportTo(dir.filePath(c.name + ".bmp"), &error));
            QVERIFY(error.contains(".png"));
        }
    }

    void tablesCopySelectionAsTsv() {
        auto r = std::make_shared<Results>();
        r->kind = ResultKind::Scores;
        r->task = "classification";
        r->metrics = {{"accuracy", 0.9733333333333334}, {"f1_macro", 0.5}, {"log_loss", 0.25}};
        std::unique_ptr<QWidget> page(makeResultsPage(*r, nullptr));
        auto* table = child<QTableWidget>(page.get(), "metricsTable");
        QVERIFY(table);
        QCOMPARE(table->item(0, 1)->text(), QString("0.9733"));  // shown rounded
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        table->setFocus();
        table->setRangeSelected(QTableWidgetSelectionRange(0, 0, 1, 1), true);
        QApplication::clipboard()->clear();
        QTest::keySequence(table, QKeySequence::Copy);
        // Copied at full precision, with the header.
        QCOMPARE(QApplication::clipboard()->text(),
                 QString("Metric\tValue\naccuracy\t0.9733333333333334\nf1_macro\t0.5\n"));
        // A ragged selection keeps its rectangle; unselected cells are empty.
        table->clearSelection();
        table->setRangeSelected(QTableWidgetSelectionRange(1, 1, 2, 1), true);
        table->setRangeSelected(QTableWidgetSelectionRange(2, 0, 2, 0), true);
        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(),
                 QString("Metric\tValue\n\t0.5\nlog_loss\t0.25\n"));
    }

    void saveAsCsvWritesWhatTheTableHolds() {
        QTableWidget table(2, 2);
        table.setHorizontalHeaderLabels({"name", "value"});
        table.setItem(0, 0, new QTableWidgetItem("plain"));
        table.setItem(0, 1, new QTableWidgetItem("1.5"));
        table.setItem(1, 0, new QTableWidgetItem("has, comma \"quoted\""));
        auto* precise = new QTableWidgetItem("0.3333");
        precise->setData(kExportTextRole, "0.3333333333333333");
        table.setItem(1, 1, precise);
        QTemporaryDir dir;
        const QString path = dir.filePath("t.csv");
        QString error;
        QVERIFY2(saveTableCsv(*table.model(), path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(
            QString::fromUtf8(file.readAll()),
            QString("name,value\nplain,1.5\n\"has, comma \"\"quoted\"\"\",0.3333333333333333\n"));
        QCOMPARE(tableTsv(*table.model()),
                 QString("name\tvalue\nplain\t1.5\nhas, comma \"quoted\"\t0.3333333333333333\n"));
        table.setVerticalHeaderLabels({"r1", "r2"});
        QCOMPARE(tableCsv(*table.model(), true).section('\n', 0, 1),
                 QString(",name,value\nr1,plain,1.5"));
        QVERIFY(!saveTableCsv(*table.model(), dir.filePath("missing/dir/t.csv"), &error));
        QVERIFY(!error.isEmpty());
    }

    void otherKindsShowTheirView() {
        const auto iris = datasetTable("iris.csv");
        const auto predictions = std::get<TablePtr>(
            runNode("evaluate.predict",
                    {{"model", trainOn("logistic_regression", iris)}, {"table", iris}})
                .at("predictions"));
        const auto cm = resultsOf("evaluate.confusion_matrix", {{"predictions", predictions}});
        std::unique_ptr<QWidget> cmPage(makeResultsPage(*cm, nullptr));
        QVERIFY(cmPage->findChild<ConfusionHeatmap*>("confusionHeatmap"));
        QVERIFY(!cmPage->findChild<ChartView*>("rocChart"));
        const auto roc = resultsOf("evaluate.roc_curve", {{"predictions", predictions}});
        std::unique_ptr<QWidget> rocPage(makeResultsPage(*roc, nullptr));
        QVERIFY(rocPage->findChild<ChartView*>("rocChart"));
        QVERIFY(!rocPage->findChild<ChartView*>("prChart"));
        QVERIFY(!rocPage->findChild<ConfusionHeatmap*>());
        const Results empty;  // nothing in it: one tab that says so
        std::unique_ptr<QWidget> emptyPage(makeResultsPage(empty, nullptr));
        QCOMPARE(child<QTabWidget>(emptyPage.get(), "resultsTabs")->count(), 1);
    }

    void screenshotEveryView() {
        const QString dir = qEnvironmentVariable("SLUICE_RESULT_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set SLUICE_RESULT_SCREENSHOTS=<dir> to write screenshots");
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        const QPalette light = QApplication::style()->standardPalette();
        const QPalette dark = sluice::test::darkTestPalette();

        const auto iris = datasetTable("iris.csv"), cancer = datasetTable("breast_cancer.csv");
        const std::vector<std::pair<QString, ResultsValue>> pages = {
            {"iris", scoresOf("logistic_regression", "iris.csv")},
            {"breast_cancer", scoresOf("logistic_regression", "breast_cancer.csv")},
            {"diabetes", scoresOf("linear_regression", "diabetes.csv")},
            {"large_regression", syntheticRegression(50'000)},
            {"cv", crossValidation()},
            {"importance", importances()},
            {"importance_bc", resultsOf("evaluate.feature_importance",
                                        {{"model", trainOn("logistic_regression",
                                                           datasetTable("breast_cancer.csv"))}})},
            {"drift_iris",
             resultsOf("evaluate.drift", {{"reference", testing::rowsOf(iris, 0, 150, 2)},
                                          {"current", testing::rowsOf(iris, 1, 150, 2)}})},
            {"drift_bc",
             resultsOf("evaluate.drift", {{"reference", testing::rowsOf(cancer, 0, 569, 2)},
                                          {"current", testing::rowsOf(cancer, 1, 569, 2)}})},
        };
        for (const auto& [palette, paletteName] :
             {std::pair{light, QString("light")}, std::pair{dark, QString("dark")}}) {
            QApplication::setPalette(palette);
            for (const auto& [name, results] : pages) {
                std::unique_ptr<QWidget> page(makeResultsPage(*results, nullptr));
                page->resize(760, 520);
                page->show();
                QVERIFY(QTest::qWaitForWindowExposed(page.get()));
                auto* tabs = page->findChild<QTabWidget*>("resultsTabs");
                for (int i = 0; i < tabs->count(); ++i) {
                    tabs->setCurrentIndex(i);
                    QTest::qWait(30);
                    const QString file = QStringLiteral("%1/results_%2_%3_%4.png")
                                             .arg(dir, name, paletteName)
                                             .arg(i);
                    QVERIFY(page->grab().save(file));
                }
            }
        }
    }
};

SLUICE_TEST_MAIN(TestResultViews)
#include "test_result_views.moc"
