// The main window, About box, canvas and command line, driven through the real
// widgets and the built executable.

#include "app/about_dialog.h"
#include "app/command_line.h"
#include "app/main_window.h"
#include "app/version.h"
#include "support/test_registry.h"
#include "views/canvas_view.h"

#include <QAction>
#include <QApplication>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextEdit>
#include <QtTest>

using sluice::AboutDialog;
using sluice::CanvasView;
using sluice::CommandLine;
using sluice::MainWindow;

namespace {

// Everything a user can read in a widget tree: label texts and rich-text views,
// one paragraph per line.
QString visibleText(const QWidget& root) {
    QStringList parts;
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        QTextDocument doc;
        doc.setHtml(label->text());
        parts << doc.toPlainText();
    }
    for (const QTextEdit* edit : root.findChildren<QTextEdit*>()) {
        parts << edit->toPlainText();
    }
    return parts.join(QLatin1Char('\n'));
}

QString lineContaining(const QString& text, const QString& needle) {
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.contains(needle)) {
            return line;
        }
    }
    return {};
}

QMenu* menuNamed(const MainWindow& window, const char* objectName) {
    return window.menuBar()->findChild<QMenu*>(QLatin1String(objectName));
}

double meanLightness(const QImage& image) {
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            sum += QColor(image.pixel(x, y)).lightnessF();
        }
    }
    return sum / (image.width() * image.height());
}

int countPixelsUnlike(const QImage& image, QRgb colour) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            count += image.pixel(x, y) != colour ? 1 : 0;
        }
    }
    return count;
}

QPalette paletteWithBase(const QColor& base, const QColor& text) {
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::PlaceholderText, text);
    return palette;
}

// Runs the built executable; the platform is forced offscreen so the test also
// passes where no display exists.
struct Run {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;
};

Run runSluice(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SLUICE_EXECUTABLE), arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.status = process.exitStatus();
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void windowShowsAnEmptyCanvas();
    void canvasDrawsGridThatFollowsPalette();
    void canvasHintOnlyWhileEmpty();
    void menusHoldOnlyWorkingActions();
    void quitUsesStandardShortcut();
    void aboutDialogCreditsEachDataset();
    void aboutDialogNamesAppAndQtVersions();
    void aboutActionOpensOneNonBlockingDialog();
    void missingPipelineIsReportedInStatusBar();
    void brokenPipelineIsReportedAndNothingChanges();
    void commandLineRules();
    void versionOptionPrintsVersionAndExitsZero();
    void helpOptionPrintsUsage();
    void unknownOptionFails();
    void missingPipelineArgumentDoesNotCrash();
};

void TestMainWindow::windowShowsAnEmptyCanvas() {
    MainWindow window;
    // "[*]" is where Qt shows the unsaved-changes mark; a new pipeline has none.
    QCOMPARE(window.windowTitle(), QStringLiteral("Untitled[*] — Sluice"));
    QVERIFY(!window.isWindowModified());
    auto* canvas = qobject_cast<CanvasView*>(window.centralWidget());
    QVERIFY(canvas != nullptr);
    QCOMPARE(canvas, window.canvas());
    QVERIFY(canvas->scene() != nullptr);
    QVERIFY(canvas->scene()->items().isEmpty());
    QVERIFY(canvas->renderHints().testFlag(QPainter::Antialiasing));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Ready"));
    // The icon comes from the compiled-in SVG; a null pixmap means the resource
    // or the SVG icon engine is missing.
    QVERIFY(!window.windowIcon().pixmap(QSize(64, 64)).isNull());
    QVERIFY(window.width() >= 640 && window.height() >= 480);
}

void TestMainWindow::canvasDrawsGridThatFollowsPalette() {
    CanvasView canvas;
    canvas.resize(400, 300);

    const QColor lightBase(Qt::white);
    canvas.setPalette(paletteWithBase(lightBase, Qt::black));
    const QImage light = canvas.viewport()->grab().toImage();
    QVERIFY(meanLightness(light) > 0.8);
    // Dots: many pixels differ from the plain background (the hint alone is far
    // fewer than a grid over 400x300 at 20 px spacing).
    QVERIFY2(countPixelsUnlike(light, lightBase.rgb()) > 200, "no dot grid drawn");

    canvas.setPalette(paletteWithBase(QColor(30, 30, 34), QColor(230, 230, 230)));
    const QImage dark = canvas.viewport()->grab().toImage();
    QVERIFY(meanLightness(dark) < 0.3);
}

void TestMainWindow::canvasHintOnlyWhileEmpty() {
    QVERIFY(!CanvasView::emptyHint().isEmpty());
    CanvasView canvas;
    canvas.resize(400, 300);
    canvas.setPalette(paletteWithBase(Qt::white, Qt::black));
    const QRect middle(100, 130, 200, 40);  // where the centred hint is drawn
    const QImage withHint = canvas.viewport()->grab(middle).toImage();

    // Any item counts as content, even one far outside the visible area.
    canvas.scene()->addItem(new QGraphicsRectItem(5000, 5000, 10, 10));
    const QImage withoutHint = canvas.viewport()->grab(middle).toImage();
    QVERIFY2(withHint != withoutHint, "hint not drawn on the empty canvas");
    QVERIFY(meanLightness(withHint) < meanLightness(withoutHint));
}

void TestMainWindow::menusHoldOnlyWorkingActions() {
    MainWindow window;
    QMenu* file = menuNamed(window, "fileMenu");
    QMenu* help = menuNamed(window, "helpMenu");
    QVERIFY(file != nullptr);
    QVERIFY(help != nullptr);

    auto* about = window.findChild<QAction*>(QStringLiteral("aboutAction"));
    auto* aboutQt = window.findChild<QAction*>(QStringLiteral("aboutQtAction"));
    QVERIFY(about != nullptr);
    QVERIFY(aboutQt != nullptr);
    QVERIFY(help->actions().contains(about));
    QVERIFY(help->actions().contains(aboutQt));

    // No placeholder entries: exactly the actions that work today, all enabled.
    const auto names = [](const QMenu* menu) {
        QStringList result;
        for (const QAction* action : menu->actions()) {
            if (!action->isSeparator()) {
                result << action->objectName();
                if (!action->isEnabled()) {
                    result << QStringLiteral("(disabled)");
                }
            }
        }
        return result;
    };
    QCOMPARE(names(file),
             (QStringList{"newAction", "openAction", "", "", "saveAction", "saveAsAction",
                          "exportPythonAction", "quitAction"}));  // "": Recent and Examples
    QCOMPARE(names(help),
             (QStringList{QStringLiteral("userGuideAction"), QStringLiteral("shortcutsAction"),
                          QStringLiteral("aboutAction"), QStringLiteral("aboutQtAction")}));
    // Undo, Redo and Stop wait until there is something to undo, redo or stop.
    QCOMPARE(names(menuNamed(window, "editMenu")),
             (QStringList{"undoAction", "(disabled)", "redoAction", "(disabled)", "cutAction",
                          "copyAction", "pasteAction", "duplicateAction", "deleteAction",
                          "selectAllAction"}));
    QCOMPARE(names(menuNamed(window, "runMenu")),
             (QStringList{"runAction", "runToAction", "(disabled)", "stopAction", "(disabled)",
                          "sweepAction", "watchInputsAction", "watchIntervalAction"}));
}

void TestMainWindow::quitUsesStandardShortcut() {
    MainWindow window;
    auto* quit = window.findChild<QAction*>(QStringLiteral("quitAction"));
    QVERIFY(quit != nullptr);
    QVERIFY(menuNamed(window, "fileMenu")->actions().contains(quit));
    // The platform's standard Quit key, or Ctrl+Q where the platform has none
    // (Windows, and the offscreen platform these tests run on).
    const QList<QKeySequence> standard = QKeySequence::keyBindings(QKeySequence::Quit);
    QCOMPARE(quit->shortcuts(), standard.isEmpty()
                                    ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                                    : standard);

    // Triggering it really closes the window.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    quit->trigger();
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::aboutDialogCreditsEachDataset() {
    AboutDialog dialog;
    const QString text = visibleText(dialog);
    const struct {
        const char* file;
        const char* origin;
        const char* license;
    } expected[] = {
        {"iris.csv", "Fisher", "CC BY 4.0"},
        {"wine.csv", "Forina", "CC BY 4.0"},
        {"breast_cancer.csv", "Wolberg", "CC BY 4.0"},
        {"diabetes.csv", "Efron", "BSD-3-Clause"},
    };
    for (const auto& dataset : expected) {
        // Each credit sits on its own line, so the license shown is that file's.
        const QString line = lineContaining(text, QLatin1String(dataset.file));
        QVERIFY2(!line.isEmpty(), dataset.file);
        QVERIFY2(line.contains(QLatin1String(dataset.origin)), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String(dataset.license)), qPrintable(line));
    }
    QVERIFY(text.contains(QStringLiteral("scikit-learn")));
}

void TestMainWindow::aboutDialogNamesAppAndQtVersions() {
    AboutDialog dialog;
    const QString text = visibleText(dialog);
    QVERIFY(text.contains(QStringLiteral("Sluice %1").arg(QLatin1String(sluice::kVersion))));
    QVERIFY(text.contains(QLatin1String(qVersion())));
    QVERIFY(text.contains(QLatin1String(QT_VERSION_STR)));
}

void TestMainWindow::aboutActionOpensOneNonBlockingDialog() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* about = window.findChild<QAction*>(QStringLiteral("aboutAction"));
    QVERIFY(about != nullptr);

    about->trigger();  // would hang here if the dialog were exec()'d
    auto* dialog = window.findChild<AboutDialog*>();
    QVERIFY(dialog != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);

    about->trigger();
    QCOMPARE(window.findChildren<AboutDialog*>().size(), 1);

    QPointer<AboutDialog> guard(dialog);
    dialog->close();
    QTRY_VERIFY(guard.isNull());  // deleted on close, nothing leaks per click
}

void TestMainWindow::missingPipelineIsReportedInStatusBar() {
    MainWindow window;
    const QString path = QStringLiteral("/no/such/dir/missing.sluice");
    window.requestPipeline(path);
    QCOMPARE(window.requestedPipeline(), path);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("Could not open")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("missing.sluice")), qPrintable(message));
}

void TestMainWindow::brokenPipelineIsReportedAndNothingChanges() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("iris.sluice"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();

    MainWindow window;
    window.requestPipeline(path);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("Could not open")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("iris.sluice")), qPrintable(message));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
}

void TestMainWindow::commandLineRules() {
    const QString exe = QStringLiteral("sluice");

    const CommandLine none = CommandLine::parse({exe});
    QCOMPARE(none.action(), CommandLine::Action::RunGui);
    QVERIFY(none.pipelinePath().isEmpty());

    // A missing file is not a command-line error: the window reports it.
    const CommandLine missing = CommandLine::parse({exe, QStringLiteral("/no/such.sluice")});
    QCOMPARE(missing.action(), CommandLine::Action::RunGui);
    QCOMPARE(missing.pipelinePath(), QStringLiteral("/no/such.sluice"));

    const CommandLine two =
        CommandLine::parse({exe, QStringLiteral("a.sluice"), QStringLiteral("b.sluice")});
    QCOMPARE(two.action(), CommandLine::Action::Fail);
    QVERIFY(two.exitCode() != 0);
    QVERIFY(!two.hasUnknownOptions());  // final: no Qt option can explain it

    // Unknown options may be Qt's (-platform ...); main() retries after QApplication.
    const CommandLine qtOption =
        CommandLine::parse({exe, QStringLiteral("-platform"), QStringLiteral("offscreen")});
    QCOMPARE(qtOption.action(), CommandLine::Action::Fail);
    QVERIFY(qtOption.hasUnknownOptions());

    const CommandLine help = CommandLine::parse({exe, QStringLiteral("--help")});
    QCOMPARE(help.action(), CommandLine::Action::PrintAndExit);
    QVERIFY2(help.output().contains(QStringLiteral("[options] [pipeline]")),
             qPrintable(help.output()));
    QVERIFY(!help.output().contains(QStringLiteral("<executable_name>")));

    const CommandLine version = CommandLine::parse({exe, QStringLiteral("--version")});
    QCOMPARE(version.action(), CommandLine::Action::PrintAndExit);
    QCOMPARE(version.exitCode(), 0);
}

void TestMainWindow::versionOptionPrintsVersionAndExitsZero() {
    const Run run = runSluice({QStringLiteral("--version")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QStringLiteral("sluice %1").arg(QLatin1String(sluice::kVersion)));
    QVERIFY(QRegularExpression(QStringLiteral("^sluice \\d+\\.\\d+\\.\\d+\\s*$"))
                .match(run.out)
                .hasMatch());
}

void TestMainWindow::helpOptionPrintsUsage() {
    const Run run = runSluice({QStringLiteral("--help")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Usage: sluice [options] [pipeline]")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("--version")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("pipeline")), qPrintable(run.out));
}

void TestMainWindow::unknownOptionFails() {
    const Run run = runSluice({QStringLiteral("--no-such-option")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(QStringLiteral("no-such-option")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestMainWindow::missingPipelineArgumentDoesNotCrash() {
    // The GUI runs until closed, so "does not crash" means: still running a
    // moment after start-up, with the window shown. The status bar text itself
    // is checked in-process by missingPipelineIsReportedInStatusBar.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SLUICE_EXECUTABLE),
                  {QStringLiteral("/no/such/dir/missing.sluice")});
    QVERIFY(process.waitForStarted(10000));
    QVERIFY2(!process.waitForFinished(1500),
             qPrintable(QStringLiteral("exited early with code %1: %2")
                            .arg(process.exitCode())
                            .arg(QString::fromLocal8Bit(process.readAllStandardError()))));
    QCOMPARE(process.state(), QProcess::Running);
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
}

SLUICE_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
