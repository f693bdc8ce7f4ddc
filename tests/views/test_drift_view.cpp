// The Drift node's result page: the table shows each column's numbers and
// marks the drifted rows, the chart shows the selected column's bins
// (reference and current shares, the results' own numbers) and follows the
// selection, and the chart exports. Results come from running the node on
// iris halves. (test_result_views' screenshot mode draws the page too.)
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include "nodes/results.h"
#include "pipeline/node_test_support.h"
#include "support/test_registry.h"
#include "views/charts/chart_view.h"
#include "views/results/drift_view.h"
#include "views/results/results_page.h"

using namespace sluice;
using sluice::testing::datasetTable;
using sluice::testing::rowsOf;
using sluice::testing::runNode;

namespace {

ResultsValue drift(const TablePtr& reference, const TablePtr& current) {
    return std::get<ResultsValue>(
        runNode("evaluate.drift", {{"reference", reference}, {"current", current}}).at("results"));
}

// Iris: setosa and versicolor against virginica (everything drifts) and
// even against odd rows (only petal_length's PSI passes 0.2).
ResultsValue speciesDrift() {
    const auto iris = datasetTable("iris.csv");
    return drift(rowsOf(iris, 0, 100), rowsOf(iris, 100, 150));
}
ResultsValue halvesDrift() {
    const auto iris = datasetTable("iris.csv");
    return drift(rowsOf(iris, 0, 150, 2), rowsOf(iris, 1, 150, 2));
}

QBarSeries* barsOf(ChartView* view) {
    const auto series = view->chart()->series();
    return series.size() == 1 ? qobject_cast<QBarSeries*>(series.front()) : nullptr;
}

// The category axis labels, with the line breaks of long ones undone.
QStringList categoriesOf(ChartView* view) {
    for (QAbstractAxis* axis : view->chart()->axes(Qt::Horizontal))
        if (auto* c = qobject_cast<QBarCategoryAxis*>(axis))
            return c->categories().replaceInStrings("<br>", " ");
    return {};
}

}  // namespace

class TestDriftView : public QObject {
    Q_OBJECT

private slots:
    void tableShowsEveryColumnAndMarksDrift() {
        const auto r = halvesDrift();
        DriftView view(*r);
        QTableWidget* table = view.table();
        QCOMPARE(table->objectName(), QString("driftTable"));
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->item(2, 0)->text(), QString("petal_length"));
        QCOMPARE(table->item(2, 2)->text(), QString("0.4184"));  // PSI, 4 digits
        QCOMPARE(table->item(2, 3)->text(), QString("KS"));
        QCOMPARE(table->item(2, 5)->text(), QString("0.9717"));
        QCOMPARE(table->item(2, 6)->text(), QString("yes"));
        QCOMPARE(table->item(4, 3)->text(), QString("χ² (2 dof)"));
        QCOMPARE(table->item(0, 6)->text(), QString("no"));
        // The drifted row is tinted and bold; the others are not.
        QVERIFY(table->item(2, 0)->background().style() != Qt::NoBrush);
        QVERIFY(table->item(2, 0)->font().bold());
        QCOMPARE(table->item(2, 0)->toolTip(),
                 QString("Drifted: PSI at or above the threshold, or p-value below alpha"));
        QCOMPARE(table->item(0, 0)->background().style(), Qt::NoBrush);
        QVERIFY(!table->item(0, 0)->font().bold());
        // The page opens on the drifted column.
        QCOMPARE(view.shownRow(), 2);
        QCOMPARE(table->currentRow(), 2);
    }

    void chartShowsTheSelectedColumnsBins() {
        const auto r = speciesDrift();
        DriftView view(*r);
        view.resize(760, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy shown(&view, &DriftView::rowShown);

        // Select species by clicking its row, as a user would.
        QTableWidget* table = view.table();
        const QRect cell = table->visualItemRect(table->item(4, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(view.shownRow(), 4);
        QCOMPARE(shown.count(), 1);
        QBarSeries* bars = barsOf(view.chart());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets().at(0)->label(), QString("Reference"));
        QCOMPARE(bars->barSets().at(1)->label(), QString("Current"));
        QCOMPARE(categoriesOf(view.chart()), QStringList({"setosa", "versicolor", "virginica"}));
        // Shares in percent: 50/50/0 against 0/0/100.
        QCOMPARE(bars->barSets().at(0)->at(0), 50.0);
        QCOMPARE(bars->barSets().at(0)->at(2), 0.0);
        QCOMPARE(bars->barSets().at(1)->at(2), 100.0);
        QVERIFY(view.chart()->chart()->title().startsWith("species — PSI 17.72"));

        // Keyboard: up to petal_width, whose bins are the reference's
        // quantiles (8 distinct cut points there, so 8 bins).
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Up);
        QCOMPARE(view.shownRow(), 3);
        const Distribution& width = r->distributions[3];
        QCOMPARE(width.name, std::string("petal_width"));
        QStringList expected;
        for (const auto& b : width.bins)
            expected << QString::fromStdString(b);
        QCOMPARE(categoriesOf(view.chart()), expected);
        QCOMPARE(view.shownBins(), expected);
        QCOMPARE(expected.size(), 8);
        QVERIFY(expected.front().startsWith("≤ "));
        QVERIFY(expected.back().startsWith("> "));
        bars = barsOf(view.chart());
        QVERIFY(bars);
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(bars->barSets().at(0)->at(i), 100.0 * width.reference[i]);
            QCOMPARE(bars->barSets().at(1)->at(i), 100.0 * width.current[i]);
        }
        // The y axis reaches the tallest bar.
        const auto axes = view.chart()->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        double tallest = 0;
        for (std::size_t i = 0; i < width.bins.size(); ++i)
            tallest = std::max({tallest, 100 * width.reference[i], 100 * width.current[i]});
        QVERIFY(qobject_cast<QValueAxis*>(axes.front())->max() >= tallest);
        QCOMPARE(shown.count(), 2);
    }

    void columnsWithoutDistributionSayWhy() {
        const auto iris = datasetTable("iris.csv");
        const TablePtr narrow = iris->select({"sepal_length", "species"});
        const auto r = drift(iris, narrow);
        DriftView view(*r);
        view.selectRow(1);  // sepal_width: missing from the current table
        QCOMPARE(view.shownRow(), 1);
        QVERIFY(view.chart()->chart()->series().isEmpty());
        QCOMPARE(view.chart()->chart()->title(),
                 QString("sepal_width: missing from the current table"));
        QCOMPARE(view.table()->item(1, 2)->text(), QString("—"));
        QCOMPARE(view.table()->item(1, 0)->toolTip(),
                 QString("Drifted: missing from the current table"));
        QCOMPARE(view.table()->item(0, 0)->toolTip(), QString());  // not drifted
        view.selectRow(0);
        QVERIFY(barsOf(view.chart()));
    }

    void pageHasHeadlineAndExports() {
        const auto r = speciesDrift();
        std::unique_ptr<QWidget> page(makeResultsPage(*r, nullptr));
        auto* headline = page->findChild<QLabel*>("resultsHeadline");
        QVERIFY(headline);
        QCOMPARE(headline->text(), QString("<b>5</b> of 5 columns drifted &nbsp;·&nbsp; largest "
                                           "PSI <b>17.72</b>"));
        auto* tabs = page->findChild<QTabWidget*>("resultsTabs");
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QString("Drift"));
        QCOMPARE(tabs->tabText(1), QString("Details"));
        auto* chart = page->findChild<ChartView*>("driftChart");
        QVERIFY(chart);
        page->resize(760, 520);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(chart->exportTo(dir.filePath("drift.png"), &error), qPrintable(error));
        QImage png(dir.filePath("drift.png"));
        QVERIFY(!png.isNull());
        QCOMPARE(png.width(), 2 * chart->width());
        QVERIFY2(chart->exportTo(dir.filePath("drift.svg"), &error), qPrintable(error));
        QFile svg(dir.filePath("drift.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("sepal_length"));  // the first drifted column's title
    }
};

SLUICE_TEST_MAIN(TestDriftView)
#include "test_drift_view.moc"
