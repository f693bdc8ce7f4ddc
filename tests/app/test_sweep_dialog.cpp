// The sweep dialog driven like a user: open it from Run > Sweep on the
// selected node, start a sweep over the iris forest's depth, watch the rows
// arrive, check the table, the chart and Apply best, then undo.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

#include "app/document.h"
#include "app/main_window.h"
#include "app/sweep_chart.h"
#include "app/sweep_controller.h"
#include "app/sweep_dialog.h"
#include "support/test_registry.h"
#include "views/canvas/graph_scene.h"

using namespace sluice;

namespace {

const QString kIris = QStringLiteral(SLUICE_EXAMPLES_DIR "/iris.sluice");

QString cell(QTableWidget* t, int row, int col) {
    return t->item(row, col) ? t->item(row, col)->text() : QString();
}

}  // namespace

class TestSweepDialog : public QObject {
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }

    void sweepApplyBestAndUndo() {
        MainWindow window;
        QVERIFY(window.openFile(kIris, true));
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("sweepAction"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = window.findChild<SweepDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        std::unique_ptr<QMenu> menu(window.createNodeMenu(QStringLiteral("forest")));
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("sweepNodeAction")));

        // The form: one axis row for the forest's depth, with a list.
        auto* axes = dialog->findChild<QTableWidget*>(QStringLiteral("axesTable"));
        while (axes->rowCount() > 0)
            axes->removeRow(0);
        QVERIFY(dialog->addAxis("forest", "max_depth", QStringLiteral("1,2,3,5")));
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("sweepStatus"));
        QCOMPARE(status->text(), QStringLiteral("4 combination(s)"));
        QVERIFY(dialog->startButton()->isEnabled());

        // A bad value: the reason shows and Start is off.
        auto* values = qobject_cast<QLineEdit*>(axes->cellWidget(0, 1));
        values->setText(QStringLiteral("1,-3"));
        // Named as the inspector and the table name it (issue 25, item 7).
        const QString depth = dialog->titleOf("forest.max_depth");
        QVERIFY2(!depth.contains('_') && !depth.contains('.'), qPrintable(depth));
        QCOMPARE(status->text(), depth + QStringLiteral(" = -3: must be at least 0, not -3"));
        QVERIFY(!dialog->startButton()->isEnabled());
        values->setText(QStringLiteral("1,2,3,5"));
        QVERIFY(dialog->startButton()->isEnabled());

        QSignalSpy rows(dialog->controller(), &SweepController::rowsChanged);
        QSignalSpy done(dialog->controller(), &SweepController::finished);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QVERIFY(dialog->controller()->isRunning());
        QVERIFY(!dialog->startButton()->isEnabled());
        QVERIFY(done.wait(60000));
        QVERIFY(rows.count() >= 1);  // at least the final table (fast sweeps end in one tick)
        QCOMPARE(done.first().at(0).toBool(), true);

        QTableWidget* table = dialog->resultsTable();
        QCOMPARE(table->rowCount(), 4);
        const GraphNode* forest = window.document()->graph().node("forest");
        const GraphNode* score = window.document()->graph().node("score_forest");
        QCOMPARE(table->horizontalHeaderItem(1)->text(),
                 QString::fromStdString(forest->title) + QStringLiteral(" · Max depth"));
        QCOMPARE(table->horizontalHeaderItem(3)->text(),
                 QString::fromStdString(score->title) + QStringLiteral(" · Accuracy"));
        for (int r = 0; r < 4; ++r)
            QCOMPARE(cell(table, r, 2), QStringLiteral("done"));
        QCOMPARE(cell(table, 3, 1), QStringLiteral("5"));
        const auto best = dialog->bestRow();
        QVERIFY(best);
        QVERIFY(cell(table, static_cast<int>(*best), 0).endsWith(QStringLiteral("\u2605")));
        QCOMPARE(dialog->chart()->lineCount(), 1);
        QVERIFY(dialog->applyButton()->isEnabled());

        // The metric box lists every metric; choosing log_loss re-picks the best.
        auto* metric = dialog->metricBox();
        const int logLoss = metric->findData(QStringLiteral("score_forest.log_loss"));
        QVERIFY(logLoss > 0);
        QCOMPARE(metric->itemText(logLoss),
                 QString::fromStdString(score->title) + QStringLiteral(" · Log loss"));
        QVERIFY(dialog->chart()->chart()->title().contains(" · Accuracy"));

        // Apply best: one undo step that sets the depth, undone in one go.
        Document* doc = window.document();
        const auto before = doc->graph().node("forest")->params;
        const int steps = doc->undoStack()->count();
        const auto bestValue = dialog->controller()->result().rows[*best].values[0];
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QCOMPARE(doc->graph().node("forest")->params["max_depth"], bestValue);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QVERIFY(doc->undoStack()->undoText().startsWith(QStringLiteral("Apply sweep best")));
        doc->undoStack()->undo();
        QCOMPARE(doc->graph().node("forest")->params, before);

        if (const QByteArray shot = qgetenv("SLUICE_SWEEP_SHOT"); !shot.isEmpty()) {
            dialog->resize(1100, 720);
            QTest::qWait(200);
            dialog->grab().save(QString::fromLocal8Bit(shot));
        }
    }

    void twoAxesGiveOneLinePerValue() {
        Document doc;
        QVERIFY(doc.open(kIris).ok());
        SweepDialog dialog(&doc, QStringLiteral(SLUICE_EXAMPLES_DIR), "forest");
        auto* axes = dialog.findChild<QTableWidget*>(QStringLiteral("axesTable"));
        QCOMPARE(axes->rowCount(), 1);  // the selected node's first sweepable parameter
        axes->removeRow(0);
        QVERIFY(dialog.addAxis("forest", "max_depth", QStringLiteral("1..4:4")));
        QVERIFY(dialog.addAxis("forest", "criterion", QStringLiteral("gini,entropy")));
        QVERIFY(!dialog.addAxis("read", "path"));  // not sweepable
        dialog.offerNode("forest");                // it has axes already: nothing added
        QCOMPARE(axes->rowCount(), 2);
        dialog.offerNode("logreg");
        QCOMPARE(axes->rowCount(), 3);
        axes->removeRow(2);
        QSignalSpy done(dialog.controller(), &SweepController::finished);
        dialog.start();
        QVERIFY(done.wait(60000));
        QCOMPARE(dialog.resultsTable()->rowCount(), 8);
        QCOMPARE(dialog.chart()->lineCount(), 2);
        // Pick a lower-is-better metric: the best follows it.
        auto* metric = dialog.metricBox();
        metric->setCurrentIndex(metric->findData(QStringLiteral("score_forest.log_loss")));
        const auto choice = dialog.chosenMetric();
        QVERIFY(choice);
        QCOMPARE(choice->goal, sweep::MetricGoal::Minimize);
        const auto best = dialog.bestRow();
        QVERIFY(best);
        for (const auto& row : dialog.controller()->result().rows)
            QVERIFY(row.metrics.at("score_forest.log_loss") >=
                    dialog.controller()->result().rows[*best].metrics.at("score_forest.log_loss"));
        if (const QByteArray shot = qgetenv("SLUICE_SWEEP_SHOT2"); !shot.isEmpty()) {
            dialog.show();
            QTest::qWait(200);
            dialog.grab().save(QString::fromLocal8Bit(shot));
        }
    }
};

SLUICE_TEST_MAIN(TestSweepDialog)
#include "test_sweep_dialog.moc"
