// Live training charts through the real window: a small neural network runs
// for a known number of epochs, its chart holds exactly one point per epoch
// per metric and its card a sparkline; a second run with another learning
// rate keeps the first as a faded series named by that parameter.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include "../support/test_palettes.h"
#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "support/test_registry.h"
#include "views/canvas/graph_scene.h"
#include "views/charts/training_chart.h"
#include "views/charts/training_charts_panel.h"

using namespace sluice;

namespace {

constexpr int kEpochs = 14;

// Synthetic blobs into a neural network that validates on a fifth of its
// rows every epoch and never stops early (patience beyond max_iter).
QByteArray pipelineJson() {
    return QStringLiteral(R"({
  "format": "sluice.pipeline", "version": 1,
  "meta": {"name": "Live charts test"},
  "nodes": [
    {"id": "data", "type": "data.synthetic", "title": "Blobs", "position": [0, 0],
     "params": {"kind": "blobs", "n_rows": 400, "n_features": 4, "n_classes": 3,
                "noise": 1.0, "seed": 3}},
    {"id": "mlp", "type": "train.mlp_classifier", "title": "Small network",
     "position": [240, 0],
     "params": {"hidden_layer_sizes": "[8]", "max_iter": %1, "early_stopping": true,
                "validation_fraction": 0.2, "n_iter_no_change": 1000,
                "learning_rate_init": 0.001, "batch_size": 50, "random_state": 0}}
  ],
  "edges": [{"from": ["data", "table"], "to": ["mlp", "train"]}]
})")
        .arg(kEpochs)
        .toUtf8();
}

QPalette darkPalette() {
    return test::darkTestPalette();
}

bool runToEnd(MainWindow& window, int timeoutMs = 60000) {
    QSignalSpy finished(window.runner(), &RunController::runFinished);
    window.runPipeline();
    return finished.wait(timeoutMs) && finished.first().at(0).toBool();
}

}  // namespace

class TestLiveCharts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("SluiceTests");
        QCoreApplication::setApplicationName("test_live_charts");
        QStandardPaths::setTestModeEnabled(true);
    }

    void chartsDockIsInTheViewMenu() {
        MainWindow window;
        auto* dock = window.findChild<QDockWidget*>("chartsDock");
        QVERIFY(dock);
        QCOMPARE(dock->widget(), static_cast<QWidget*>(window.charts()));
        auto* view = window.menuBar()->findChild<QMenu*>("viewMenu");
        QVERIFY(view);
        QVERIFY(view->actions().contains(dock->toggleViewAction()));
    }

    void aRunFillsTheChartAndTheSparklineAndASecondRunIsCompared_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void aRunFillsTheChartAndTheSparklineAndASecondRunIsCompared() {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
        QTemporaryDir dir;
        const QString path = dir.filePath("live.sluice");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pipelineJson());
        file.close();

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path, true));
        // A tab behind the run log: nothing of it shows.
        QTRY_VERIFY(window.charts()->visibleRegion().isEmpty());
        QVERIFY(runToEnd(window));
        TrainingChartsPanel* panel = window.charts();
        // Training brought the Charts tab to the front.
        QTRY_VERIFY(!panel->visibleRegion().isEmpty());
        QTRY_VERIFY(panel->chart("mlp"));
        TrainingChart* chart = panel->chart("mlp");
        QCOMPARE(chart->chart()->title(), QString("Small network"));
        for (const char* metric : {"train_loss", "validation_loss", "validation_score"}) {
            QLineSeries* s = chart->series(metric);
            QVERIFY2(s, metric);
            QTRY_COMPARE(s->count(), kEpochs);
            for (int i = 0; i < kEpochs; ++i)
                QCOMPARE(s->at(i).x(), double(i + 1));
        }
        QCOMPARE(chart->lineSeries().size(), 3);
        // The card shows the training loss, one value per epoch.
        const QVector<double> spark = window.scene()->sparkline("mlp");
        QCOMPARE(spark.size(), kEpochs);
        QCOMPARE(spark.back(), chart->series("train_loss")->at(kEpochs - 1).y());
        // Nodes that report no metrics get no chart.
        QVERIFY(!panel->chart("data"));

        // Another learning rate: both runs, named by it.
        QVERIFY(!window.document()->setParam("mlp", "learning_rate_init", 0.01));
        QVERIFY(runToEnd(window));
        QTRY_VERIFY(chart->series("train_loss", 1));
        QTRY_COMPARE(chart->series("train_loss")->count(), kEpochs);
        QCOMPARE(chart->lineSeries().size(), 6);
        QCOMPARE(chart->series("train_loss")->name(),
                 QString("Training loss (Learning rate 0.01)"));
        QCOMPARE(chart->series("train_loss", 1)->name(),
                 QString("Training loss (Learning rate 0.001)"));
        QCOMPARE(chart->series("validation_loss", 1)->count(), kEpochs);
        QCOMPARE(window.scene()->sparkline("mlp").size(), kEpochs);

        // For a look at it: the Charts dock after two runs.
        window.resize(1280, 800);
        QTest::qWait(200);
        if (auto* sa = qobject_cast<QValueAxis*>(chart->scoreAxis()))
            QVERIFY(sa->max() <= 1.0);  // a score axis stops at a perfect score
        const QString shot =
            QDir::temp().filePath(QApplication::palette().color(QPalette::Window).lightness() < 128
                                      ? "sluice_live_charts_dark.png"
                                      : "sluice_live_charts.png");
        QVERIFY(window.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // A run that only reuses the cache adds no run.
        QVERIFY(runToEnd(window));
        QCoreApplication::processEvents();
        QCOMPARE(panel->history().node("mlp")->runs.size(), std::size_t(2));

        // A new pipeline clears the charts.
        QVERIFY(window.openFile(path, true));
        QTRY_VERIFY(!panel->chart("mlp"));
    }
};

SLUICE_TEST_MAIN(TestLiveCharts)
#include "test_live_charts.moc"
