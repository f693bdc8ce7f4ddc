// Run > Watch Input Files through the real window: an edited input file
// runs the pipeline again (once, with the new data), a file the run itself
// writes does not, and turning the watch off stops it.
#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

#include "app/document.h"
#include "app/main_window.h"
#include "app/pipeline_watcher.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "data/table.h"
#include "history/run_history.h"
#include "support/test_registry.h"
#include "views/run_log.h"

using namespace sluice;
using namespace std::chrono_literals;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

// Read data.csv and write a copy next to it: the copy must never trigger.
QByteArray pipelineJson() {
    return R"({
  "format": "sluice.pipeline", "version": 1, "meta": {"name": "Watch test"},
  "nodes": [
    {"id": "read", "type": "data.read_csv", "title": "Read", "position": [0, 0],
     "params": {"path": "data.csv"}},
    {"id": "write", "type": "data.write_csv", "title": "Write", "position": [240, 0],
     "params": {"path": "copy.csv"}}
  ],
  "edges": [{"from": ["read", "table"], "to": ["write", "table"]}]
})";
}

std::size_t rowsRead(MainWindow& window) {
    const auto outputs = window.runner()->outputs(QStringLiteral("read"));
    if (!outputs || !outputs->count("table"))
        return 0;
    const auto* table = std::get_if<TablePtr>(&outputs->at("table"));
    return table && *table ? (*table)->rowCount() : 0;
}

}  // namespace

class TestWatchMode : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        qunsetenv("SLUICE_RUN_HISTORY");  // ctest turns recording off for other tests
        QCoreApplication::setOrganizationName("SluiceTests");
        QCoreApplication::setApplicationName("test_watch_mode");
        QStandardPaths::setTestModeEnabled(true);
    }

    void editedInputRunsAgainButWrittenOutputDoesNot() {
        QTemporaryDir dir;
        const QString data = dir.filePath("data.csv");
        writeText(data, "x,y\n1,2\n3,4\n");
        writeText(dir.filePath("watch.sluice"), pipelineJson());

        MainWindow window;
        QVERIFY(window.document()->open(dir.filePath("watch.sluice")).ok());
        window.watcher()->setMinimumInterval(0ms);
        window.watcher()->setSettleTime(100ms);
        window.watcher()->setPollInterval(20ms);
        QAction* watch = window.actions().watchInputs;
        QVERIFY(watch->isCheckable());
        watch->setChecked(true);
        QCOMPARE(window.watcher()->files(), QStringList{QFileInfo(data).absoluteFilePath()});

        QSignalSpy finished(window.runner(), &RunController::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(20000));
        QCOMPARE(rowsRead(window), std::size_t(2));
        QVERIFY(QFile::exists(dir.filePath("copy.csv")));

        // The run wrote copy.csv: that is no reason to run again.
        QTest::qWait(600);
        QCOMPARE(finished.size(), 1);

        writeText(data, "x,y\n1,2\n3,4\n5,6\n");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(rowsRead(window), std::size_t(3));
        QVERIFY(window.runLog()->toPlainText().contains("data.csv changed: running again"));
        QTest::qWait(600);
        QCOMPARE(finished.size(), 2);  // once per change
        // Both runs are in the history; the watched one says so.
        QTRY_COMPARE(
            history::RunHistory(dir.filePath("watch.sluice").toStdString()).list().runs.size(),
            std::size_t(2));
        const auto runs =
            history::RunHistory(dir.filePath("watch.sluice").toStdString()).list().runs;
        QCOMPARE(runs[0].source, std::string("watch"));
        QCOMPARE(runs[1].source, std::string("gui"));

        watch->setChecked(false);
        QVERIFY(!window.watcher()->isWatching());
        writeText(data, "x,y\n7,8\n");
        QTest::qWait(600);
        QCOMPARE(finished.size(), 2);
    }

    void intervalComesFromTheSettings() {
        QSettings().setValue("watch/minIntervalSeconds", 42);
        MainWindow window;
        QCOMPARE(window.watcher()->minimumInterval(), std::chrono::milliseconds(42000));
        QSettings().remove("watch/minIntervalSeconds");
    }
};

SLUICE_TEST_MAIN(TestWatchMode)
#include "test_watch_mode.moc"
