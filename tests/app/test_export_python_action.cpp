// File > Export as Python…: the action in the File menu asks for a file,
// writes the script there (paths relative to the pipeline's folder), leaves
// the document unmodified and without an undo step, and says why in a
// message box when a node cannot be exported (writing nothing).
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include "app/document.h"
#include "app/main_window.h"
#include "support/dialog_answers.h"
#include "support/test_registry.h"

using namespace sluice;

using sluice::testing::answerFileDialog;
using sluice::testing::answerMessageBox;

namespace {

const QString kIris = QStringLiteral(SLUICE_EXAMPLES_DIR "/iris.sluice");

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QAction* exportAction(const MainWindow& window) {
    return window.findChild<QAction*>(QStringLiteral("exportPythonAction"));
}

}  // namespace

class TestExportPythonAction : public QObject {
    Q_OBJECT

private slots:
    void actionIsInTheFileMenu() {
        MainWindow window;
        QAction* action = exportAction(window);
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Export as &Python…"));
        auto* file = window.menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(file);
        QVERIFY(file->actions().contains(action));
        QVERIFY(action->isEnabled());
    }

    // With SLUICE_SCREENSHOT_DIR set (run under xvfb-run), saves the open
    // File menu as file-menu.png there, to look at.
    void fileMenuScreenshot() {
        const QString dir = qEnvironmentVariable("SLUICE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set SLUICE_SCREENSHOT_DIR to save a screenshot");
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* file = window.menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"));
        file->popup(window.mapToGlobal(QPoint(10, 30)));
        QTest::qWait(300);
        QVERIFY(file->grab().save(dir + QStringLiteral("/file-menu.png")));
        file->close();
    }

    void writesTheScriptBesideThePipeline() {
        QTemporaryDir dir;
        const QString pipeline = dir.filePath(QStringLiteral("iris.sluice"));
        QVERIFY(QFile::copy(kIris, pipeline));
        MainWindow window;
        QVERIFY(window.document()->open(pipeline).ok());
        const int undoSteps = window.document()->undoStack()->count();

        const QString script = dir.filePath(QStringLiteral("iris_export"));  // no suffix
        answerFileDialog(script);
        exportAction(window)->trigger();

        const QString text = readAll(script + QStringLiteral(".py"));  // .py added
        QVERIFY2(!text.isEmpty(), "no script written");
        QVERIFY(text.startsWith(QStringLiteral("#!/usr/bin/env python3\n")));
        QVERIFY(text.contains(QStringLiteral("PIPELINE_DIR = \"%1\"").arg(dir.path())));
        QVERIFY(text.contains(QStringLiteral("# [1] read: Iris flowers (data.read_csv)")));
        QVERIFY(text.contains(QStringLiteral("LogisticRegression(\n    C=1.0,\n")));
        // Exporting is no edit.
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->undoStack()->count(), undoSteps);
    }

    void failureIsExplainedAndWritesNothing() {
        QTemporaryDir dir;
        MainWindow window;
        const std::string id = window.document()->addNode("evaluate.score", QPointF(0, 0));
        const QString script = dir.filePath(QStringLiteral("broken.py"));
        QString message;
        answerFileDialog(script);
        answerMessageBox(&message);
        exportAction(window)->trigger();
        QVERIFY2(message.contains(QStringLiteral("not exported")), qPrintable(message));
        QVERIFY2(message.contains(QString::fromStdString("'" + id + "'")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("input 'predictions' is not connected")),
                 qPrintable(message));
        QVERIFY(!QFile::exists(script));
    }
};

SLUICE_TEST_MAIN(TestExportPythonAction)
#include "test_export_python_action.moc"
