// Switching pipelines leaves nothing of the old one behind (issue 25, item 8):
// File > New and File > Open empty the run log and close the old pipeline's
// preview window; Save As names an untitled window after its file, and the
// unsaved mark then follows every edit and save.
#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/document.h"
#include "app/file_controller.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "support/dialog_answers.h"
#include "support/test_registry.h"
#include "views/preview/output_preview.h"
#include "views/run_log.h"

using namespace sluice;
using sluice::testing::answerFileDialog;

namespace {

const QString kExamples = QStringLiteral(SLUICE_EXAMPLES_DIR);

bool runToEnd(MainWindow& window) {
    QSignalSpy finished(window.runner(), &RunController::runFinished);
    window.runPipeline();
    return finished.wait(60000);
}

}  // namespace

class TestDocumentSwitch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("SluiceTests");
        QCoreApplication::setApplicationName("test_document_switch");
        QStandardPaths::setTestModeEnabled(true);
    }

    void newFileClearsTheLogAndClosesThePreview() {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        QVERIFY(runToEnd(window));
        window.showOutputs("score_logreg");
        QVERIFY(window.preview() && window.preview()->isVisible());
        QVERIFY(!window.runLog()->toPlainText().isEmpty());

        window.actions().newFile->trigger();
        QVERIFY(window.document()->graph().empty());
        QVERIFY2(window.runLog()->toPlainText().isEmpty(),
                 qPrintable(window.runLog()->toPlainText()));
        QTRY_VERIFY(!window.preview() || !window.preview()->isVisible());
    }

    void openingAnotherFileShowsOnlyItsMessages() {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kExamples + "/iris.sluice", true));
        QVERIFY(runToEnd(window));
        window.showOutputs("score_logreg");
        QVERIFY(window.runLog()->toPlainText().contains("Logistic", Qt::CaseInsensitive));

        QVERIFY(window.openFile(kExamples + "/wine_clustering.sluice", true));
        QVERIFY2(window.runLog()->toPlainText().isEmpty(),
                 qPrintable(window.runLog()->toPlainText()));
        QTRY_VERIFY(!window.preview() || !window.preview()->isVisible());

        // A file that fails to open changes nothing: the log keeps the
        // current pipeline's lines and adds the failure.
        QVERIFY(runToEnd(window));
        const QString before = window.runLog()->toPlainText();
        QVERIFY(!before.isEmpty());
        QVERIFY(!window.openFile(kExamples + "/no_such_pipeline.sluice", true));
        const QString after = window.runLog()->toPlainText();
        QVERIFY(after.startsWith(before));
        QVERIFY(after.contains("no_such_pipeline"));
    }

    void saveAsNamesTheWindowAndTheMarkFollowsEdits() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.show();
        window.document()->addNode("data.read_csv", {0, 0});
        QVERIFY(window.windowTitle().startsWith("Untitled"));
        QVERIFY(window.isWindowModified());

        answerFileDialog(dir.filePath("churn model"));
        window.actions().saveAs->trigger();
        QVERIFY(!window.document()->isModified());
        QVERIFY2(window.windowTitle().startsWith("churn model"), qPrintable(window.windowTitle()));
        QVERIFY(!window.isWindowModified());

        // Every kind of edit after the save marks the window, as closing
        // would ask: a move, a parameter, a new node, and undo past the save.
        const std::string read = window.document()->graph().nodes().front().id;
        window.document()->moveNodes({{read, {40, 8}}});
        QVERIFY(window.isWindowModified());
        window.actions().save->trigger();
        QVERIFY(!window.isWindowModified());
        window.document()->setParam(read, "path", "elsewhere.csv");
        QVERIFY(window.isWindowModified());
        window.actions().undo->trigger();
        QVERIFY(!window.isWindowModified());
        window.actions().undo->trigger();
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.isWindowModified(), window.document()->isModified());
        QVERIFY(window.windowTitle().startsWith("churn model"));
    }
};

SLUICE_TEST_MAIN(TestDocumentSwitch)
#include "test_document_switch.moc"
