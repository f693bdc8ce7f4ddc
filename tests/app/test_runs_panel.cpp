// The Runs dock in the real window: a saved pipeline's runs are recorded and
// listed, two selected runs compare side by side, Restore parameters is one
// undo step, an unsaved pipeline says why nothing is recorded, a damaged
// run file is skipped.
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "support/test_registry.h"
#include "views/charts/training_chart.h"
#include "views/history/run_compare.h"
#include "views/history/run_text.h"
#include "views/history/runs_panel.h"

using namespace sluice;

namespace {

// The runner's iris pipeline: quick, and its logistic regression streams a loss.
const char* kFixture = SLUICE_EXAMPLES_DIR "/../../tests/runner/fixtures/iris.sluice";

bool runAndWait(MainWindow& w) {
    QSignalSpy recorded(w.runner(), &RunController::runRecorded);
    QSignalSpy finished(w.runner(), &RunController::runFinished);
    w.runPipeline();
    return finished.wait(60000) && recorded.count() == 1;
}

int rowOf(const QTableWidget* table, const QString& label) {
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->verticalHeaderItem(r)->text() == label)
            return r;
    return -1;
}

}  // namespace

class TestRunsPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        qunsetenv("SLUICE_RUN_HISTORY");  // ctest turns recording off for other tests
        qputenv("SLUICE_DATASETS_DIR", SLUICE_DATASETS_DIR);
        QStandardPaths::setTestModeEnabled(true);
    }

    void recordsListsComparesAndRestores() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pipeline = dir.filePath("iris.sluice");
        QVERIFY(QFile::copy(kFixture, pipeline));
        QFile::setPermissions(pipeline, QFile::ReadOwner | QFile::WriteOwner);

        MainWindow w;
        w.resize(1400, 900);
        w.show();  // shortcuts need a visible, active window
        w.findChild<QDockWidget*>("runsDock")->raise();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);  // no window manager under xvfb or offscreen
        QVERIFY(w.openFile(pipeline, true));
        RunsPanel* panel = w.runsPanel();
        QVERIFY(panel);
        QCOMPARE(w.runner()->historyPipeline(), pipeline);
        QVERIFY(panel->message()->text().contains("No runs recorded yet"));

        QVERIFY(runAndWait(w));
        QVERIFY(!w.document()->setParam("train", "max_iter", 300));
        QVERIFY(runAndWait(w));

        // Listed newest first, with what changed.
        QCOMPARE(panel->runs().size(), std::size_t(2));
        QTreeWidget* list = panel->runList();
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(RunsPanel::ChangesColumn),
                 QStringLiteral("Max iterations 200 → 300"));
        QCOMPARE(list->topLevelItem(1)->text(RunsPanel::ChangesColumn),
                 QStringLiteral("first run"));
        QCOMPARE(list->topLevelItem(0)->text(RunsPanel::SourceColumn), QStringLiteral("gui"));
        QCOMPARE(list->topLevelItem(0)->text(RunsPanel::StatusColumn), QStringLiteral("ok"));
        QVERIFY(list->topLevelItem(0)->text(RunsPanel::MetricsColumn).startsWith("Accuracy "));

        // Select both: the compare table has both runs' metrics.
        list->setFocus();
        list->selectAll();
        QTableWidget* table = panel->compare()->table();
        QCOMPARE(table->columnCount(), 2);
        const int accuracy = rowOf(table, QStringLiteral("Score · Accuracy"));
        QVERIFY2(accuracy >= 0, "no accuracy row");
        for (int c = 0; c < 2; ++c) {
            const history::RunRecord& run = panel->runs()[1 - c];  // columns oldest first
            const history::MetricRecord* m = run.metric("score", "results", "accuracy");
            QVERIFY(m);
            QVERIFY(table->item(accuracy, c)->text().startsWith(runtext::number(m->value)));
        }
        const int maxIter = rowOf(table, QStringLiteral("Logistic regression · Max iterations"));
        QVERIFY(maxIter >= 0);
        QCOMPARE(table->item(maxIter, 0)->text(), QStringLiteral("200"));  // oldest first
        QCOMPARE(table->item(maxIter, 1)->text(), QStringLiteral("300"));
        // The logistic regression's loss curves of both runs, overlaid: read
        // from the records' files, since the list keeps none.
        QVERIFY(panel->runs()[0].curves.empty() && panel->runs()[1].curves.empty());
        QCOMPARE(panel->compare()->charts().size(), 1);
        QCOMPARE(panel->compare()->charts()[0]->series("loss", 0) != nullptr, true);
        QCOMPARE(panel->compare()->charts()[0]->series("loss", 1) != nullptr, true);

        if (const QByteArray shot = qgetenv("SLUICE_RUNS_SCREENSHOT"); !shot.isEmpty()) {
            w.findChild<QDockWidget*>("runsDock")->raise();
            QTest::qWait(300);
            w.grab().save(QString::fromLocal8Bit(shot));
            panel->compare()->findChild<QTabWidget*>()->setCurrentIndex(1);
            QTest::qWait(300);
            w.grab().save(QString::fromLocal8Bit(shot).replace(".png", "-curves.png"));
        }

        // Restore the first run (max_iter 200) with the keyboard: one undo step.
        list->clearSelection();
        list->setCurrentItem(list->topLevelItem(1));
        QCOMPARE(list->selectedItems().size(), 1);
        QVERIFY(panel->restoreAction()->isEnabled());
        QUndoStack* undo = w.document()->undoStack();
        const int steps = undo->count();
        QSignalSpy status(panel, &RunsPanel::statusMessage);
        QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(status.count(), 1);
        QVERIFY2(status[0][0].toString().startsWith("Restored 1 parameter"),
                 qPrintable(status[0][0].toString()));
        QCOMPARE(w.document()->graph().node("train")->params["max_iter"], nlohmann::json(200));
        QCOMPARE(undo->count(), steps + 1);
        undo->undo();
        QCOMPARE(w.document()->graph().node("train")->params["max_iter"], nlohmann::json(300));
        undo->redo();
        QCOMPARE(w.document()->graph().node("train")->params["max_iter"], nlohmann::json(200));

        // Restoring again changes nothing and pushes nothing.
        QVERIFY(panel->restoreParameters(panel->runs()[1].id).contains("already has"));
        QCOMPARE(undo->count(), steps + 1);

        // A damaged file in the folder: skipped, and said.
        QFile junk(dir.filePath(".sluice-runs/iris/20990101T000000.000Z-dead.json"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{ not json");
        junk.close();
        panel->refresh();
        QCOMPARE(panel->runs().size(), std::size_t(2));
        QVERIFY(panel->message()->text().contains("1 damaged run file skipped"));
        QVERIFY(panel->message()->toolTip().contains("-dead.json"));

        // An unsaved pipeline: nothing is recorded, and the panel says why.
        w.document()->newDocument();
        QVERIFY(w.runner()->historyPipeline().isEmpty());
        QVERIFY(panel->message()->text().contains("not saved"));
        QCOMPARE(list->topLevelItemCount(), 0);
    }
};

SLUICE_TEST_MAIN(TestRunsPanel)
#include "test_runs_panel.moc"
