// Saving when the system fails: a read-only folder, a full disk (a write
// that fails by injection, atomic_file_faults.h), and a crash in the middle
// of a save (a forked child killed midway). Each time the previous file must
// stay byte-for-byte whole, no temporary file may stand in for it, and the
// user must be told (Document returns the error, MainWindow shows it).
//
// Root ignores folder permissions (CI runs the tests as root), so there the
// read-only folder is simulated by injecting EROFS on opening the temporary
// file; as any other user the folder really is chmod 0555.

#include "app/document.h"
#include "app/main_window.h"
#include "app/window_actions.h"
#include "io/atomic_file_faults.h"
#include "pipeline_io/pipeline_file.h"
#include "support/dialog_answers.h"
#include "support/file_bytes.h"
#include "support/test_registry.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace sluice;
using namespace sluice::testing;

using sluice::testing::answerMessageBox;

namespace {

const QString kIris = QStringLiteral(SLUICE_EXAMPLES_DIR "/iris.sluice");

QStringList tempFiles(const QString& dir) {
    return QDir(dir).entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden);
}

// A copy of the iris example in `dir`, opened and changed (so unsaved).
bool openChangedCopy(Document& doc, const QString& target) {
    if (!QFile::copy(kIris, target) || !doc.open(target).ok())
        return false;
    doc.renameNode("read", "Flowers");
    return doc.isModified();
}

}  // namespace

class TestSaveFaults : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { clearAtomicFileFault(); }

    void readOnlyFolderKeepsTheOldFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        const QString target = folder + QStringLiteral("/pipeline.sluice");
        Document doc;
        QVERIFY(openChangedCopy(doc, target));
        const QByteArray old = readAll(target);

        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                          QFileDevice::ReadOther | QFileDevice::ExeOther);
        const bool root = ::geteuid() == 0;  // root writes anyway: inject the refusal
        if (root)
            setAtomicFileFault({.afterBytes = 0, .error = EROFS});
        const FileResult r = doc.save();
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(target), qPrintable(r.error));
        QVERIFY2(r.error.contains(root ? QStringLiteral("Read-only file system")
                                       : QStringLiteral("Permission denied")),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("previous version of the file is unchanged")),
                 qPrintable(r.error));
        QCOMPARE(readAll(target), old);
        QVERIFY(tempFiles(folder).isEmpty());
        QVERIFY(doc.isModified());
    }

    void fullDiskKeepsTheOldFile_data() {
        QTest::addColumn<int>("afterBytes");
        QTest::newRow("nothing written") << 0;
        QTest::newRow("one byte") << 1;
        QTest::newRow("midway") << 2000;
    }

    void fullDiskKeepsTheOldFile() {
        QFETCH(int, afterBytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("pipeline.sluice"));
        Document doc;
        QVERIFY(openChangedCopy(doc, target));
        const QByteArray old = readAll(target);
        QVERIFY(old.size() > 2000);

        setAtomicFileFault({.afterBytes = static_cast<std::uint64_t>(afterBytes)});
        const FileResult r = doc.save();
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("No space left on device")), qPrintable(r.error));
        QVERIFY2(r.error.contains(target), qPrintable(r.error));
        QCOMPARE(readAll(target), old);
        QVERIFY2(tempFiles(dir.path()).isEmpty(), qPrintable(tempFiles(dir.path()).join(' ')));
        QVERIFY(doc.isModified());

        // The disk has room again: the same save works.
        QVERIFY(doc.save().ok());
        QVERIFY(!doc.isModified());
        QVERIFY(readAll(target) != old);
        QCOMPARE(loadPipeline(target.toStdString()).graph.node("read")->title,
                 std::string("Flowers"));
    }

    void mainWindowShowsAFailedSave() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("pipeline.sluice"));
        QVERIFY(QFile::copy(kIris, target));
        const QByteArray old = readAll(target);
        MainWindow window;
        QVERIFY(window.openFile(target, true));
        window.document()->renameNode("read", "Flowers");

        setAtomicFileFault({.afterBytes = 100});
        QString shown;
        answerMessageBox(&shown);
        window.actions().save->trigger();  // File > Save, as the user would
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY2(shown.contains(QStringLiteral("The pipeline was not saved")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("No space left on device")), qPrintable(shown));
        QVERIFY(window.isWindowModified());
        QCOMPARE(readAll(target), old);
    }

    // A child process starts saving a big pipeline and is SIGKILLed halfway
    // through the write: the previous file is whole, the half-written
    // temporary is only ever a *.tmp-* file beside it, and the real file
    // still loads as the old pipeline.
    void crashDuringSaveLeavesThePreviousFileWhole() {
#ifdef _WIN32
        QSKIP("fork() is POSIX only");
#else
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("big.sluice"));
        Graph small = loadPipeline(kIris.toStdString()).graph;
        savePipeline(small, target.toStdString(), builtinNodes());
        const QByteArray old = readAll(target);

        Graph big;
        for (int i = 0; i < 3000; ++i) {
            GraphNode n;
            n.id = "n" + std::to_string(i);
            n.type = "data.synthetic";
            n.title = "Synthetic data number " + std::to_string(i);
            n.x = i * 10.0;
            n.y = i * 5.0;
            n.params = {{"n_rows", 100 + i}, {"seed", i}};
            big.addNode(n);
        }
        const std::size_t bigSize =
            pipelineToText(big, dir.path().toStdString(), builtinNodes()).size();
        QVERIFY(bigSize > 300'000);

        std::fflush(nullptr);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            setAtomicFileFault({.afterBytes = bigSize / 2, .action = [] { ::raise(SIGKILL); }});
            try {
                savePipeline(big, target.toStdString(), builtinNodes());
            } catch (...) {
            }
            ::_exit(3);  // not reached: the save was killed
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                 qPrintable(QString::number(status)));

        QCOMPARE(readAll(target), old);
        const QStringList temps = tempFiles(dir.path());
        QCOMPARE(temps.size(), 1);  // the killed save's leftover, beside, never the target
        QCOMPARE(QFileInfo(dir.filePath(temps.front())).size(), qint64(bigSize / 2));
        const PipelineLoadResult loaded = loadPipeline(target.toStdString());
        QCOMPARE(loaded.graph.nodes().size(), small.nodes().size());
        QVERIFY(loaded.warnings.empty());
        const QStringList sluiceFiles = QDir(dir.path()).entryList({QStringLiteral("*.sluice")});
        QCOMPARE(sluiceFiles, QStringList{QStringLiteral("big.sluice")});

        // The next save (after the crash) works and replaces the file whole.
        savePipeline(big, target.toStdString(), builtinNodes());
        QCOMPARE(loadPipeline(target.toStdString()).graph.nodes().size(), std::size_t(3000));
#endif
    }
};

SLUICE_TEST_MAIN(TestSaveFaults)
#include "test_save_faults.moc"
