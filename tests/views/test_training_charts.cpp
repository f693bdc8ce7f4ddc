// The live training charts: the metric history and its run labels, the chart
// series a stream of points makes, earlier runs faded with their parameters
// in the legend, hide / clear / log scale, the redraw cap under a fast
// stream, and the sparkline on a node card.
#include <QChart>
#include <QDir>
#include <QElapsedTimer>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QToolButton>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <cstdlib>

#include "canvas_test_support.h"
#include "nodes/metric_names.h"
#include "support/test_registry.h"
#include "views/charts/chart_theme.h"
#include "views/charts/metric_history.h"
#include "views/charts/training_chart.h"
#include "views/charts/training_chart_axes.h"
#include "views/charts/training_charts_panel.h"

using namespace sluice;

namespace {

QVector<engine::MetricPoint> points(const std::string& name, int first, int count,
                                    double (*value)(int)) {
    QVector<engine::MetricPoint> result;
    for (int step = first; step < first + count; ++step)
        result.push_back({name, step, value(step)});
    return result;
}

double loss(int step) {
    return 2.0 / (1.0 + step);
}
double validation(int step) {
    return 2.5 / (1.0 + step) + 0.05;
}
double score(int step) {
    return 1.0 - 0.5 / step;
}

// A panel fed one MLP-like run of `epochs` epochs with learning_rate `rate`.
void feedRun(TrainingChartsPanel& panel, const QString& rate, int epochs) {
    panel.startRun("mlp", "Neural network", {{"learning_rate", rate}, {"alpha", "0.0001"}},
                   "epoch");
    panel.appendPoints("mlp", points("train_loss", 1, epochs, loss));
    panel.appendPoints("mlp", points("validation_loss", 1, epochs, validation));
    panel.appendPoints("mlp", points("validation_score", 1, epochs, score));
    panel.flush();
}

}  // namespace

class TestTrainingCharts : public QObject {
    Q_OBJECT

private slots:
    void historyKeepsTheLastRunsAndNamesThemByParameters() {
        MetricHistory history(4);
        for (int run = 0; run < 6; ++run) {
            history.startRun("gb", "Boosting",
                             {{"learning_rate", QString::number(run)}, {"depth", "3"}});
            history.append("gb", "train_loss", 1, 1.0);
        }
        const NodeMetrics* node = history.node("gb");
        QVERIFY(node);
        QCOMPARE(node->runs.size(), std::size_t(4));
        QCOMPARE(node->runs.front().number, 3);
        QCOMPARE(node->runs.back().number, 6);
        QCOMPARE(MetricHistory::differingParams(*node), QStringList{"learning_rate"});
        QCOMPARE(MetricHistory::runLabel(*node, 0), QString("learning_rate 2"));
        QCOMPARE(MetricHistory::runLabel(*node, 3), QString("learning_rate 5"));

        // Nothing differs: runs are told apart by number.
        MetricHistory same;
        same.startRun("k", "k-means", {{"k", "3"}});
        same.startRun("k", "k-means", {{"k", "3"}});
        QCOMPARE(MetricHistory::runLabel(*same.node("k"), 0), QString("run 1"));
        QCOMPARE(MetricHistory::runLabel(*same.node("k"), 1), QString("run 2"));
        // A single run needs no label.
        MetricHistory one;
        one.startRun("k", "k-means", {{"k", "3"}});
        QCOMPARE(MetricHistory::runLabel(*one.node("k"), 0), QString());
    }

    void historyKeepsStreamsSortedByStep() {
        MetricHistory history;
        history.startRun("km", "k-means", {});
        for (int step : {2, 0, 3, 1})
            history.append("km", "restart_inertia", step, 10.0 + step);
        const MetricStream* s = history.node("km")->latest()->stream("restart_inertia");
        QVERIFY(s);
        QCOMPARE(s->points.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(s->points[i], QPointF(i, 10.0 + i));
    }

    void niceAxisRanges() {
        const AxisRange loss = niceLinearRange(0.12, 0.93);
        QCOMPARE(loss.min, 0.0);
        QCOMPARE(loss.max, 1.0);
        QVERIFY(loss.tick > 0.1 && loss.tick <= 0.25);
        const AxisRange big = niceLinearRange(10300, 48700);
        QVERIFY(big.min <= 10300 - 0.04 * 38400 && big.min >= 0);
        QVERIFY(big.max >= 48700 + 0.04 * 38400);
        QCOMPARE(std::fmod(big.max, big.tick), 0.0);
        const AxisRange flat = niceLinearRange(0.5, 0.5);
        QVERIFY(flat.min < 0.5 && flat.max > 0.5);
        const AxisRange steps = stepRange(1, 60);
        QCOMPARE(steps.min, 1.0);
        QCOMPARE(steps.max, 60.0);
        const AxisRange log = niceLogRange(0.003, 2.4);
        QCOMPARE(log.min, 0.001);
        QCOMPARE(log.max, 10.0);
        const AxisRange narrow = niceLogRange(0.31, 0.62);
        QCOMPARE(narrow.min, 0.2);
        QCOMPARE(narrow.max, 1.0);
    }

    void pointsBecomeSeriesWithExactlyThoseValues() {
        TrainingChartsPanel panel;
        panel.resize(900, 300);
        feedRun(panel, "0.01", 25);
        TrainingChart* chart = panel.chart("mlp");
        QVERIFY(chart);
        QCOMPARE(chart->lineSeries().size(), 3);
        QCOMPARE(chart->chart()->title(), QString("Neural network"));
        for (const auto& [name, f] : std::initializer_list<std::pair<QString, double (*)(int)>>{
                 {"train_loss", loss},
                 {"validation_loss", validation},
                 {"validation_score", score}}) {
            QLineSeries* s = chart->series(name);
            QVERIFY2(s, qPrintable(name));
            QCOMPARE(s->count(), 25);
            // One run: no label; the metric as people name it.
            QCOMPARE(s->name(), QString::fromStdString(metricDisplayName(name.toStdString())));
            QVERIFY(!s->name().contains('_'));
            for (int i = 0; i < 25; ++i)
                QCOMPARE(s->at(i), QPointF(i + 1, f(i + 1)));
        }
        // The score has an axis of its own; the x axis spans the steps.
        QLineSeries* scoreSeries = chart->series("validation_score");
        QVERIFY(chart->scoreAxis());
        QVERIFY(scoreSeries->attachedAxes().contains(chart->scoreAxis()));
        QVERIFY(chart->series("train_loss")->attachedAxes().contains(chart->valueAxis()));
        auto* x = qobject_cast<QValueAxis*>(chart->stepAxis());
        QCOMPARE(x->min(), 1.0);
        QCOMPARE(x->max(), 25.0);
        QCOMPARE(x->titleText(), QString("epoch"));
        auto* y = qobject_cast<QValueAxis*>(chart->valueAxis());
        QVERIFY(y->min() <= loss(25) && y->min() >= 0.0);
        QVERIFY(y->max() >= validation(1));

        // More points of the same run extend the same series.
        panel.appendPoints("mlp", points("train_loss", 26, 5, loss));
        panel.flush();
        QCOMPARE(chart->series("train_loss")->count(), 30);
        QCOMPARE(chart->lineSeries().size(), 3);
    }

    void aSecondRunKeepsTheFirstFadedAndNamedByItsParameter() {
        TrainingChartsPanel panel;
        feedRun(panel, "0.01", 20);
        feedRun(panel, "0.001", 12);
        TrainingChart* chart = panel.chart("mlp");
        QCOMPARE(chart->lineSeries().size(), 6);
        QLineSeries* latest = chart->series("train_loss");
        QLineSeries* previous = chart->series("train_loss", 1);
        QVERIFY(latest && previous && latest != previous);
        QCOMPARE(latest->count(), 12);
        QCOMPARE(previous->count(), 20);
        QCOMPARE(latest->name(), QString("Training loss (learning_rate 0.001)"));
        QCOMPARE(previous->name(), QString("Training loss (learning_rate 0.01)"));
        // Same hue, washed out, dashed.
        const QColor full = seriesColor(0, chart->palette());
        QCOMPARE(latest->pen().color(), full);
        QCOMPARE(previous->pen().color(), fadedColor(full, chart->palette()));
        QCOMPARE(previous->pen().style(), Qt::DashLine);
        QVERIFY(previous->pen().widthF() < latest->pen().widthF());

        // Only the last four runs stay.
        for (int i = 0; i < 4; ++i)
            feedRun(panel, QString::number(i), 5);
        QCOMPARE(panel.history().node("mlp")->runs.size(), std::size_t(4));
        QCOMPARE(chart->lineSeries().size(), 12);
        QVERIFY(!chart->series("train_loss", 4));
    }

    void legendClickHidesAndClearRemoves() {
        TrainingChartsPanel panel;
        panel.resize(900, 320);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        feedRun(panel, "0.01", 10);
        feedRun(panel, "0.1", 10);
        QCoreApplication::processEvents();
        TrainingChart* chart = panel.chart("mlp");
        QLineSeries* old = chart->series("validation_loss", 1);
        QLegendMarker* marker = nullptr;
        for (QLegendMarker* m : chart->chart()->legend()->markers())
            if (m->series() == old)
                marker = m;
        QVERIFY(marker);
        emit marker->clicked();
        QVERIFY(!old->isVisible());
        // Still there to be clicked back, dimmed.
        QVERIFY(marker->isVisible());
        QVERIFY(marker->labelBrush().color().alpha() < 128);
        // New points do not bring it back.
        panel.appendPoints("mlp", points("train_loss", 11, 3, loss));
        panel.flush();
        QVERIFY(!old->isVisible());
        emit marker->clicked();
        QVERIFY(old->isVisible());
        QCOMPARE(marker->labelBrush().color().alpha(), 255);

        panel.clearPreviousRuns("mlp");
        panel.flush();
        QCOMPARE(chart->lineSeries().size(), 3);
        QVERIFY(!chart->series("train_loss", 1));
        QCOMPARE(chart->series("train_loss")->name(), QString("Training loss"));

        panel.startRun("forest", "Forest", {}, "trees");
        panel.appendPoints("forest", points("oob_error", 1, 50, loss));
        panel.flush();
        QVERIFY(panel.chart("forest"));
        panel.clearNode("mlp");
        panel.flush();
        QVERIFY(!panel.chart("mlp"));
        QVERIFY(panel.chart("forest"));
        panel.clearAll();
        QVERIFY(!panel.chart("forest"));
        QVERIFY(panel.history().nodeIds().isEmpty());
    }

    void logScaleAndClearAllLookLikeButtons() {
        // Issue 25, item 10: drawn flat, the two read as labels. A button
        // has a frame: its border pixels differ from the panel behind it,
        // and the log-scale one shows whether it is on.
        TrainingChartsPanel panel;
        panel.resize(600, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QColor background = panel.palette().color(QPalette::Window);
        for (const char* name : {"chartsLogScale", "chartsClearAll"}) {
            auto* button = panel.findChild<QToolButton*>(name);
            QVERIFY(button);
            const QImage image = button->grab().toImage();
            int framed = 0;
            for (int x = 0; x < image.width(); ++x)
                framed += QColor(image.pixel(x, image.height() - 1)) != background;
            QVERIFY2(framed > image.width() / 2, name);
        }
        auto* log = panel.findChild<QToolButton*>("chartsLogScale");
        const QImage off = log->grab().toImage();
        log->click();
        QVERIFY(log->isChecked());
        QVERIFY(log->grab().toImage() != off);  // on looks different from off
    }

    void logScaleSwitchesTheAxisAndNamesNonPositiveSeries() {
        TrainingChartsPanel panel;
        feedRun(panel, "0.01", 30);
        TrainingChart* chart = panel.chart("mlp");
        QVERIFY(qobject_cast<QValueAxis*>(chart->valueAxis()));
        panel.setLogScale(true);
        auto* log = qobject_cast<QLogValueAxis*>(chart->valueAxis());
        QVERIFY(log);
        QVERIFY(chart->series("train_loss")->attachedAxes().contains(log));
        QCOMPARE(chart->series("train_loss")->count(), 30);
        QVERIFY(log->min() <= loss(30) && log->max() >= validation(1));
        QVERIFY(chart->note().isEmpty());
        // The score stays on its linear axis.
        QVERIFY(qobject_cast<QValueAxis*>(chart->scoreAxis()));

        // Values <= 0 cannot be drawn on a log axis: said, and left out.
        panel.startRun("lasso", "Lasso", {}, "sweep");
        panel.appendPoints("lasso",
                           {{"objective", 1, 1.0}, {"objective", 2, 0.0}, {"objective", 3, 0.5}});
        panel.flush();
        TrainingChart* lasso = panel.chart("lasso");
        QVERIFY(lasso->logScale());
        QCOMPARE(lasso->series("objective")->count(), 2);
        QVERIFY2(lasso->note().contains("Objective"), qPrintable(lasso->note()));
        // One metric: the axis is named by it, as people read it.
        QCOMPARE(lasso->valueAxis()->titleText(), QString("Objective (log)"));

        panel.setLogScale(false);
        QVERIFY(qobject_cast<QValueAxis*>(chart->valueAxis()));
        QCOMPARE(lasso->series("objective")->count(), 3);
        QVERIFY(lasso->note().isEmpty());
    }

    void aFastStreamRedrawsAtMostThirtyTimesASecondAndLosesNothing() {
        TrainingChartsPanel panel;
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.startRun("lr", "Logistic regression", {}, "iteration");
        const int total = 20000;
        const double spreadMs = 1000.0;
        const int redrawsBefore = panel.redrawCount();
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < total; ++i) {
            panel.appendPoints("lr", {{"loss", i + 1, 1.0 / (i + 1)}});
            if (i % 20 == 0) {
                // Keep pace with about 1 s for the whole stream, with the
                // event loop turning as it would between RunController ticks.
                while (clock.elapsed() < i * spreadMs / total)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                QCoreApplication::processEvents();
            }
        }
        const double seconds = clock.elapsed() / 1000.0;
        const int redraws = panel.redrawCount() - redrawsBefore;
        const double cap = 35.0 * seconds + 2;
        qInfo("%d points, %d redraws in %.2f s", total, redraws, seconds);
        QVERIFY2(redraws <= cap,
                 qPrintable(QStringLiteral("%1 redraws in %2 s").arg(redraws).arg(seconds)));
        QVERIFY2(redraws >= 5, qPrintable(QString::number(redraws)));  // it did draw live
        QTRY_VERIFY(panel.chart("lr") && panel.chart("lr")->series("loss") &&
                    panel.chart("lr")->series("loss")->count() == total);
        const QLineSeries* s = panel.chart("lr")->series("loss");
        QCOMPARE(s->at(0), QPointF(1, 1.0));
        QCOMPARE(s->at(total - 1), QPointF(total, 1.0 / total));
        QCOMPARE(panel.history().node("lr")->latest()->stream("loss")->points.size(), total);
    }

    void screenshotOfTwoRunsInAWideShortDock() {
        TrainingChartsPanel panel;
        panel.resize(700, 220);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Let the first run lay out before the second arrives, as in the app.
        panel.startRun("mlp", "Neural network", {{"learning_rate", "0.01"}}, "epoch");
        for (int epoch = 1; epoch <= 40; ++epoch) {
            panel.appendPoints("mlp", points("train_loss", epoch, 1, loss));
            panel.appendPoints("mlp", points("validation_loss", epoch, 1, validation));
            panel.appendPoints("mlp", points("validation_score", epoch, 1, score));
            QTest::qWait(2);
        }
        QTest::qWait(50);
        feedRun(panel, "0.001", 30);
        QTest::qWait(50);
        // What was drawn: both runs' lines are in the picture, the latest in
        // the series' full colour and the earlier one in its faded colour.
        TrainingChart* chart = panel.chart("mlp");
        QVERIFY(chart);
        QCOMPARE(chart->lineSeries().size(), 6);
        const QImage image = panel.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QColor full = seriesColor(0, chart->palette());
        const QColor faded = fadedColor(full, chart->palette());
        QVERIFY(faded != full);
        auto pixelsOf = [&image](const QColor& c) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor p = image.pixelColor(x, y);
                    n += std::abs(p.red() - c.red()) <= 12 &&
                         std::abs(p.green() - c.green()) <= 12 &&
                         std::abs(p.blue() - c.blue()) <= 12;
                }
            return n;
        };
        const int latestPixels = pixelsOf(full), earlierPixels = pixelsOf(faded);
        qInfo("latest run: %d pixels, earlier run: %d pixels", latestPixels, earlierPixels);
        QVERIFY2(latestPixels > 60, qPrintable(QString::number(latestPixels)));
        QVERIFY2(earlierPixels > 20, qPrintable(QString::number(earlierPixels)));
        const QString path = QDir::temp().filePath("sluice_training_charts.png");
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    void nodeCardDrawsADownsampledSparkline() {
        test::Canvas canvas;
        QVERIFY(canvas.exposed);
        NodeItem* item = canvas.scene.nodeItem("logreg");
        QVERIFY(item);
        QVERIFY(item->sparkline().isEmpty());
        QVector<double> values;
        for (int i = 0; i < 1000; ++i)
            values << 1.0 / (i + 1);
        canvas.scene.setSparkline("logreg", values, "loss");
        const QVector<double> shown = canvas.scene.sparkline("logreg");
        QCOMPARE(shown.size(), NodeItem::kSparklinePoints);
        QCOMPARE(shown.front(), values.front());
        QCOMPARE(shown.back(), values.back());
        QVERIFY(item->toolTip().contains("loss"));
        // Inside the card, clear of the header, wide enough to read.
        const QRectF r = item->sparklineRect();
        QVERIFY(item->cardRect().contains(r));
        QVERIFY(r.top() >= NodeItem::kHeaderHeight);
        QVERIFY(r.width() >= 44);
        // Few points are drawn as they are; an empty series clears it.
        canvas.scene.setSparkline("logreg", {3, 2, 1});
        QCOMPARE(canvas.scene.sparkline("logreg"), (QVector<double>{3, 2, 1}));
        canvas.scene.setSparkline("logreg", {});
        QVERIFY(canvas.scene.sparkline("logreg").isEmpty());
        canvas.scene.setSparkline("nope", values);  // ignored
    }
};

SLUICE_TEST_MAIN(TestTrainingCharts)
#include "test_training_charts.moc"
