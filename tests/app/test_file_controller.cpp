// FileController without a window: open, save as and open back, failed
// opens, unsaved-changes questions, the Recent and Examples menus, dropped
// files, and recovery copies (written by the timer, listed, offered,
// restored or discarded). Dialogs and message boxes are answered as a user
// would; what the controller reports is caught from its signals.
#include "app/document.h"
#include "app/example_pipelines.h"
#include "app/file_controller.h"
#include "app/recent_files.h"
#include "app/recovery_files.h"
#include "support/dialog_answers.h"
#include "support/file_bytes.h"
#include "support/test_registry.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QtTest>

#include <algorithm>

using namespace sluice;
using namespace sluice::testing;

using sluice::testing::answerFileDialog;
using sluice::testing::answerMessageBox;

namespace {

const QString kIris = QStringLiteral(SLUICE_EXAMPLES_DIR "/iris.sluice");

// Every field of a graph as text, so QCOMPARE shows where two differ.
QString graphText(const Graph& graph) {
    QStringList lines{QString::fromStdString(graph.meta.dump())};
    for (const GraphNode& n : graph.nodes())
        lines << QStringLiteral("node %1 %2 '%3' (%4, %5) %6")
                     .arg(QString::fromStdString(n.id), QString::fromStdString(n.type),
                          QString::fromStdString(n.title), QString::number(n.x, 'g', 17),
                          QString::number(n.y, 'g', 17), QString::fromStdString(n.params.dump()));
    for (const GraphEdge& e : graph.edges())
        lines << QString::fromStdString("edge " + e.from.node + "." + e.from.port + " -> " +
                                        e.to.node + "." + e.to.port);
    return lines.join(QLatin1Char('\n'));
}

QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

// Whether two spellings (a file dialog's, ours) name the same existing file.
bool sameFile(const QString& a, const QString& b) {
    const QString canonical = QFileInfo(a).canonicalFilePath();
    return !canonical.isEmpty() && canonical == QFileInfo(b).canonicalFilePath();
}

// What a FileController reported, in order.
struct Reports : QObject {
    struct Status {
        QString text;
        int timeoutMs;
    };
    struct Line {
        QString source;
        QString text;
        RunLog::Severity severity;
    };

    explicit Reports(FileController& files) {
        connect(&files, &FileController::statusMessage, this, [this](const QString& t, int ms) {
            statuses.append(Status{t, ms});
            events << QStringLiteral("status");
        });
        connect(&files, &FileController::logLine, this,
                [this](const QString& source, const QString& text, RunLog::Severity severity) {
                    lines.append(Line{source, text, severity});
                    events << QStringLiteral("log");
                });
        connect(&files, &FileController::aboutToReplace, this,
                [this] { events << QStringLiteral("aboutToReplace"); });
        connect(&files, &FileController::replaced, this,
                [this] { events << QStringLiteral("replaced"); });
        connect(&files, &FileController::opened, this, [this](const QString& path) {
            events << QStringLiteral("opened");
            paths << path;
        });
        connect(&files, &FileController::savedAs, this, [this](const QString& path) {
            events << QStringLiteral("savedAs");
            paths << path;
        });
    }

    void clear() {
        events.clear();
        statuses.clear();
        lines.clear();
        paths.clear();
    }

    QStringList events;
    QStringList paths;  // of opened() and savedAs()
    QList<Status> statuses;
    QList<Line> lines;
};

QStringList menuTexts(const QMenu& menu) {
    QStringList texts;
    for (const QAction* action : menu.actions())
        texts << (action->isSeparator() ? QStringLiteral("--")
                  : action->isEnabled() ? action->text()
                                        : action->text() + QStringLiteral(" (disabled)"));
    return texts;
}

QAction* actionNamed(const QMenu& menu, const QString& text) {
    for (QAction* action : menu.actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

}  // namespace

class TestFileController : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // RecentFiles lives in QSettings: keep the user's list out of it.
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { RecentFiles::clear(); }

    void saveAsThenOpenBackGivesTheSameGraph() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = dir.filePath(QStringLiteral("iris.sluice"));
        QVERIFY(QFile::copy(kIris, source));
        Document doc;
        FileController files(&doc, nullptr);
        Reports reports(files);

        QVERIFY(files.openFile(source, true));
        QCOMPARE(reports.events, (QStringList{"aboutToReplace", "replaced", "status", "opened"}));
        QCOMPARE(reports.paths, QStringList{source});
        QCOMPARE(reports.statuses.front().text,
                 QStringLiteral("Opened %1").arg(QDir::toNativeSeparators(absolute(source))));
        QCOMPARE(reports.statuses.front().timeoutMs, 6000);
        QCOMPARE(files.requestedPipeline(), source);
        QCOMPARE(files.baseDirectory(), QFileInfo(source).absolutePath());
        QCOMPARE(RecentFiles::list(), QStringList{absolute(source)});

        doc.renameNode("read", "Flowers");
        doc.moveNodes({{"cv", {10.25, -3}}});
        doc.addNode("transform.scale", {120, 40});
        QVERIFY(doc.isModified());
        const QString edited = graphText(doc.graph());

        // Save As with a name without suffix: ".sluice" is added.
        reports.clear();
        const QString copy = dir.filePath(QStringLiteral("sub/copy"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
        answerFileDialog(copy);
        QVERIFY(files.saveAs());
        const QString saved = copy + QStringLiteral(".sluice");
        QVERIFY(QFileInfo::exists(saved));
        QVERIFY(!QFileInfo::exists(copy));
        QVERIFY(!doc.isModified());
        QVERIFY2(sameFile(doc.filePath(), saved), qPrintable(doc.filePath()));
        QVERIFY(sameFile(files.baseDirectory(), QFileInfo(saved).absolutePath()));
        QCOMPARE(reports.events, (QStringList{"status", "savedAs"}));
        const QString savedAs = reports.paths.front();  // as the dialog spelled it
        QVERIFY2(sameFile(savedAs, saved), qPrintable(savedAs));
        QCOMPARE(reports.statuses.front().text,
                 QStringLiteral("Saved %1").arg(QDir::toNativeSeparators(savedAs)));
        QCOMPARE(RecentFiles::list().size(), 2);
        QVERIFY(sameFile(RecentFiles::list().front(), saved));
        QCOMPARE(RecentFiles::list().back(), absolute(source));

        // A new document (nothing unsaved: no question), then the copy back.
        reports.clear();
        files.newFile();
        QVERIFY(doc.graph().empty());
        QVERIFY(doc.filePath().isEmpty());
        QCOMPARE(reports.events, (QStringList{"aboutToReplace", "replaced", "status"}));
        QCOMPARE(reports.statuses.front().text, QStringLiteral("New pipeline"));

        QVERIFY(files.openFile(saved, true));
        QCOMPARE(graphText(doc.graph()), edited);
        QVERIFY(!doc.isModified());
        QVERIFY(sameFile(doc.filePath(), saved));
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void failedOpenLeavesTheDocumentUntouched() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Document doc;
        FileController files(&doc, nullptr);
        QVERIFY(files.openFile(kIris, true));
        doc.renameNode("read", "Flowers");
        const QString before = graphText(doc.graph());
        const QString pathBefore = doc.filePath();
        const int undoSteps = doc.undoStack()->count();
        const QStringList recentBefore = RecentFiles::list();
        Reports reports(files);

        const QString broken = dir.filePath(QStringLiteral("broken.sluice"));
        QVERIFY(writeAll(broken, "{ not json"));
        QString shown;
        answerMessageBox(&shown, QMessageBox::Ok);
        QVERIFY(!files.openFile(broken));  // not quiet: a message box too
        QVERIFY2(shown.startsWith(QStringLiteral("Could not open ") +
                                  QDir::toNativeSeparators(absolute(broken))),
                 qPrintable(shown));

        QCOMPARE(graphText(doc.graph()), before);
        QCOMPARE(doc.filePath(), pathBefore);
        QVERIFY(doc.isModified());
        QCOMPARE(doc.undoStack()->count(), undoSteps);
        QCOMPARE(files.requestedPipeline(), broken);  // asked for, though not loaded
        QCOMPARE(RecentFiles::list(), recentBefore);
        // The run is stopped, but nothing is replaced.
        QCOMPARE(reports.events, (QStringList{"aboutToReplace", "status", "log"}));
        QCOMPARE(reports.statuses.front().text, shown);
        QCOMPARE(reports.statuses.front().timeoutMs, 0);  // stays until replaced
        QCOMPARE(reports.lines.front().source, QStringLiteral("Open"));
        QCOMPARE(reports.lines.front().text, shown);
        QVERIFY(reports.lines.front().severity == RunLog::Severity::Error);

        // A missing file, quietly: the same, without a message box.
        reports.clear();
        const QString missing = dir.filePath(QStringLiteral("missing.sluice"));
        QVERIFY(!files.openFile(missing, true));
        QCOMPARE(graphText(doc.graph()), before);
        QCOMPARE(doc.filePath(), pathBefore);
        QCOMPARE(files.requestedPipeline(), missing);
        QCOMPARE(reports.events, (QStringList{"aboutToReplace", "status", "log"}));
        QVERIFY2(reports.statuses.front().text.contains(QStringLiteral("missing.sluice")),
                 qPrintable(reports.statuses.front().text));
    }

    void loaderWarningsGoToTheLog() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString odd = dir.filePath(QStringLiteral("odd.sluice"));
        QVERIFY(writeAll(odd, R"({"format": "sluice.pipeline", "version": 1, "meta": {},
            "nodes": [{"id": "a", "type": "transform.scale", "title": "A",
                       "position": [0, 0], "params": {}}],
            "edges": [{"from": ["a", "train"], "to": ["ghost", "table"]}]})"));
        Document doc;
        FileController files(&doc, nullptr);
        Reports reports(files);
        QString shown;
        answerMessageBox(&shown, QMessageBox::Ok);
        QVERIFY(files.openFile(odd));
        QCOMPARE(doc.graph().nodes().size(), 1u);
        QCOMPARE(reports.events,
                 (QStringList{"aboutToReplace", "replaced", "log", "status", "opened"}));
        QCOMPARE(reports.paths, QStringList{odd});
        QCOMPARE(reports.lines.front().source, QStringLiteral("odd.sluice"));
        QVERIFY(reports.lines.front().severity == RunLog::Severity::Warning);
        const QString summary = reports.statuses.front().text;
        QVERIFY2(summary.contains(QStringLiteral("with 1 problem")), qPrintable(summary));
        QCOMPARE(reports.statuses.front().timeoutMs, 0);
        // The box shows the summary and the warning itself.
        QVERIFY2(shown.startsWith(summary), qPrintable(shown));
        QVERIFY2(shown.contains(reports.lines.front().text), qPrintable(shown));
    }

    void unsavedChangesAreAskedAbout() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("work.sluice"));
        QVERIFY(QFile::copy(kIris, path));
        const QByteArray onDisk = readAll(path);
        Document doc;
        FileController files(&doc, nullptr);
        QVERIFY(files.openFile(path, true));
        QVERIFY(files.maybeSave());  // nothing unsaved: no question

        doc.renameNode("read", "Flowers");
        Reports reports(files);
        QString shown;

        // Cancel: New does nothing at all.
        answerMessageBox(&shown, QMessageBox::Cancel);
        files.newFile();
        QVERIFY2(shown.contains(QStringLiteral("has changes that are not saved")),
                 qPrintable(shown));
        QVERIFY(reports.events.isEmpty());
        QCOMPARE(doc.filePath(), absolute(path));
        QCOMPARE(doc.graph().node("read")->title, std::string("Flowers"));
        QVERIFY(doc.isModified());

        // Cancel and Discard answer maybeSave() without saving.
        shown.clear();
        answerMessageBox(&shown, QMessageBox::Cancel);
        QVERIFY(!files.maybeSave());
        QVERIFY(!shown.isEmpty());
        shown.clear();
        answerMessageBox(&shown, QMessageBox::Discard);
        QVERIFY(files.maybeSave());
        QVERIFY(!shown.isEmpty());
        QVERIFY(doc.isModified());
        QCOMPARE(readAll(path), onDisk);

        // Save writes the file first.
        shown.clear();
        answerMessageBox(&shown, QMessageBox::Save);
        QVERIFY(files.maybeSave());
        QVERIFY(!shown.isEmpty());
        QVERIFY(!doc.isModified());
        Document reopened;
        QVERIFY(reopened.open(path).ok());
        QCOMPARE(reopened.graph().node("read")->title, std::string("Flowers"));
    }

    void recentMenuOpensAndClears() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a.sluice"));
        const QString b = dir.filePath(QStringLiteral("b.sluice"));
        QVERIFY(QFile::copy(kIris, a));
        QVERIFY(QFile::copy(kIris, b));
        Document doc;
        FileController files(&doc, nullptr);
        QMenu menu;

        files.rebuildRecentMenu(&menu);
        QCOMPARE(menuTexts(menu), QStringList{"No recent pipelines (disabled)"});

        RecentFiles::add(a);
        RecentFiles::add(b);
        files.rebuildRecentMenu(&menu);
        QCOMPARE(menuTexts(menu), (QStringList{"b.sluice", "a.sluice", "--", "Clear list"}));
        QCOMPARE(actionNamed(menu, "a.sluice")->toolTip(), QDir::toNativeSeparators(absolute(a)));

        actionNamed(menu, "a.sluice")->trigger();
        QCOMPARE(doc.filePath(), absolute(a));
        QCOMPARE(RecentFiles::list(), (QStringList{absolute(a), absolute(b)}));

        // With unsaved changes an entry asks first; Cancel keeps the document.
        doc.renameNode("read", "Flowers");
        QString shown;
        answerMessageBox(&shown, QMessageBox::Cancel);
        actionNamed(menu, "b.sluice")->trigger();
        QVERIFY(!shown.isEmpty());
        QCOMPARE(doc.filePath(), absolute(a));
        QVERIFY(doc.isModified());

        actionNamed(menu, "Clear list")->trigger();
        QVERIFY(RecentFiles::list().isEmpty());
        files.rebuildRecentMenu(&menu);
        QCOMPARE(menuTexts(menu), QStringList{"No recent pipelines (disabled)"});
    }

    void examplesMenuOpensTheExamples() {
        const QList<ExamplePipeline> examples = examplePipelines();
        QVERIFY(!examples.isEmpty());
        Document doc;
        FileController files(&doc, nullptr);
        QMenu menu;
        files.rebuildExamplesMenu(&menu);
        QStringList names;
        for (const ExamplePipeline& example : examples)
            names << example.name;
        QCOMPARE(menuTexts(menu), names);

        const auto iris = std::find_if(examples.begin(), examples.end(), [](const auto& e) {
            return e.path.endsWith(QStringLiteral("/iris.sluice"));
        });
        QVERIFY(iris != examples.end());
        QAction* entry = menu.actions().at(static_cast<int>(iris - examples.begin()));
        QCOMPARE(entry->toolTip(), iris->description);
        entry->trigger();
        QCOMPARE(doc.filePath(), absolute(iris->path));
        QVERIFY(!doc.graph().empty());
    }

    void droppedPipelineIsTheFirstLocalSluiceFile() {
        QMimeData mime;
        QCOMPARE(FileController::droppedPipeline(&mime), QString());
        mime.setUrls({QUrl(QStringLiteral("https://example.org/remote.sluice")),
                      QUrl::fromLocalFile(QStringLiteral("/data/table.csv")),
                      QUrl::fromLocalFile(QStringLiteral("/data/Upper.SLUICE")),
                      QUrl::fromLocalFile(QStringLiteral("/data/later.sluice"))});
        QCOMPARE(FileController::droppedPipeline(&mime), QStringLiteral("/data/Upper.SLUICE"));
        mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/data/table.csv"))});
        QCOMPARE(FileController::droppedPipeline(&mime), QString());
    }

    void recoveryCopyIsWrittenForAModifiedDocumentAndListed() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString recovery = dir.filePath(QStringLiteral("recovery"));
        Document doc;
        FileController files(&doc, nullptr);
        QCOMPARE(files.recoveryDirectory(), FileController::standardRecoveryDirectory());
        QVERIFY(files.recoveryDirectory().endsWith(QStringLiteral("/recovery")));
        QCOMPARE(files.recoveryInterval(), 60'000);
        files.setRecoveryDirectory(recovery);
        QVERIFY(files.openFile(kIris, true));

        files.writeRecoveryCopy();  // nothing unsaved: nothing to recover
        QVERIFY(Document::findRecoveryFiles(recovery).isEmpty());

        doc.renameNode("forest", "Unsaved forest");
        files.writeRecoveryCopy();
        const QList<RecoveryFile> found = Document::findRecoveryFiles(recovery);
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.front().problem.isEmpty(), qPrintable(found.front().problem));
        QCOMPARE(found.front().path, doc.recoveryFilePath());
        QCOMPARE(found.front().originalPath, absolute(kIris));
        QVERIFY(doc.isModified());  // a recovery copy is no save

        // What it holds is the unsaved graph.
        Document restored;
        QVERIFY(restored.restoreFrom(found.front().path).ok());
        QCOMPARE(graphText(restored.graph()), graphText(doc.graph()));
    }

    void recoveryTimerCopiesOnlyModifiedDocuments() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString recovery = dir.filePath(QStringLiteral("recovery"));
        Document doc;
        FileController files(&doc, nullptr);
        files.setRecoveryDirectory(recovery);
        files.setRecoveryInterval(20);
        QCOMPARE(files.recoveryInterval(), 20);

        QTest::qWait(200);  // ten ticks of an unmodified document
        QVERIFY(Document::findRecoveryFiles(recovery).isEmpty());

        doc.addNode("transform.pca", {});
        QTRY_COMPARE_WITH_TIMEOUT(Document::findRecoveryFiles(recovery).size(), 1, 5000);
        QCOMPARE(Document::findRecoveryFiles(recovery).front().path, doc.recoveryFilePath());
    }

    void failedRecoveryCopyIsAWarning() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString plain = dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeAll(plain, "x"));
        Document doc;
        FileController files(&doc, nullptr);
        files.setRecoveryDirectory(plain + QStringLiteral("/sub"));  // cannot be created
        Reports reports(files);
        doc.addNode("transform.pca", {});
        files.writeRecoveryCopy();
        QCOMPARE(reports.lines.size(), 1);
        QCOMPARE(reports.lines.front().source, QStringLiteral("Recovery"));
        QVERIFY2(reports.lines.front().text.startsWith(
                     QStringLiteral("Could not write a recovery copy: ")),
                 qPrintable(reports.lines.front().text));
        QVERIFY(reports.lines.front().severity == RunLog::Severity::Warning);
    }

    void offerRecoveryRestoresOrDiscards() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString recovery = dir.filePath(QStringLiteral("recovery"));
        QVERIFY(QDir().mkpath(recovery));

        // A damaged copy: reported once and removed, without a question.
        const QString damaged = recovery + QStringLiteral("/Lost-0000abcd.sluice-recovery");
        QVERIFY(writeAll(damaged, "{ not json"));
        Document next;
        FileController nextFiles(&next, nullptr);
        nextFiles.setRecoveryDirectory(recovery);
        Reports reports(nextFiles);
        nextFiles.offerRecovery();
        QVERIFY(!QFileInfo::exists(damaged));
        QCOMPARE(reports.lines.size(), 1);
        QVERIFY2(reports.lines.front().text.contains(QStringLiteral("damaged recovery file")),
                 qPrintable(reports.lines.front().text));
        QVERIFY(reports.lines.front().severity == RunLog::Severity::Warning);
        QVERIFY(next.graph().empty());

        // The unsaved work of an earlier "session".
        Document earlier;
        FileController earlierFiles(&earlier, nullptr);
        earlierFiles.setRecoveryDirectory(recovery);
        QVERIFY(earlierFiles.openFile(kIris, true));
        earlier.renameNode("forest", "Unsaved forest");
        earlierFiles.writeRecoveryCopy();
        const QString copy = earlier.recoveryFilePath();
        QVERIFY(QFileInfo::exists(copy));

        // No: the copy is deleted and the document stays as it was.
        QString shown;
        answerMessageBox(&shown, QMessageBox::No);
        nextFiles.offerRecovery();
        QVERIFY2(shown.contains(QStringLiteral("Restore it?")), qPrintable(shown));
        QVERIFY(!QFileInfo::exists(copy));
        QVERIFY(next.graph().empty());
        QVERIFY(!next.isModified());

        // Yes: restored, modified, belonging to the original file; the copy
        // stays until it is saved.
        earlierFiles.writeRecoveryCopy();
        QVERIFY(QFileInfo::exists(copy));
        shown.clear();
        answerMessageBox(&shown, QMessageBox::Yes);
        nextFiles.offerRecovery();
        QVERIFY2(shown.contains(earlier.displayName()), qPrintable(shown));
        QCOMPARE(graphText(next.graph()), graphText(earlier.graph()));
        QVERIFY(next.isModified());
        QCOMPARE(next.filePath(), absolute(kIris));
        QVERIFY(QFileInfo::exists(copy));
    }
};

SLUICE_TEST_MAIN(TestFileController)
#include "test_file_controller.moc"
