// Issue 24: when Sluice crashes, a report (version, platform, signal,
// backtrace, the open pipeline) lands beside the recovery copies, and the
// next start says what happened and where the report is, before offering
// the unsaved work. The crash is real: the built app is started with
// SLUICE_TEST_CRASH and dies of the signal.
#include "app/crash_handler.h"
#include "app/document.h"
#include "app/file_controller.h"
#include "support/dialog_answers.h"
#include "support/file_bytes.h"
#include "support/test_registry.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace sluice;
using namespace sluice::testing;

namespace {

const QString kIrisPipeline = QStringLiteral(SLUICE_EXAMPLES_DIR "/iris.sluice");

struct Crash {
    QProcess::ExitStatus status = QProcess::NormalExit;
    QString recoveryDir;
    QStringList reports;  // files in it named crash-*
};

// Starts the app on the iris example with its data folder in `home`, and
// lets it crash `how` right after start-up.
Crash crashTheApp(const QString& home, const QString& how) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", home);
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("SLUICE_TEST_CRASH", how);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(home);
#ifdef Q_OS_UNIX
    // No core file from a crash made on purpose.
    p.setChildProcessModifier([] {
        const rlimit none{0, 0};
        ::setrlimit(RLIMIT_CORE, &none);
    });
#endif
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(SLUICE_EXECUTABLE, {kIrisPipeline});
    Crash crash;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return crash;
    }
    crash.status = p.exitStatus();
    crash.recoveryDir = home + "/Sluice/Sluice/recovery";
    crash.reports = QDir(crash.recoveryDir).entryList({"crash-*"}, QDir::Files);
    return crash;
}

}  // namespace

class TestCrashReport : public QObject {
    Q_OBJECT

private slots:
    void aSegfaultLeavesAReportAndTheNextStartTellsOfIt() {
        QTemporaryDir home;
        const Crash crash = crashTheApp(home.path(), "segv");
        QCOMPARE(crash.status, QProcess::CrashExit);  // the signal still ends it
        QCOMPARE(crash.reports.size(), 1);
        QVERIFY2(crash.reports[0].endsWith(".new.txt"), qPrintable(crash.reports[0]));
        const QString report =
            QString::fromUtf8(readAll(crash.recoveryDir + "/" + crash.reports[0]));
        QVERIFY2(report.startsWith("Sluice "), qPrintable(report));
        QVERIFY2(report.contains("\nplatform: ") && report.contains(", Qt "), qPrintable(report));
        QVERIFY2(report.contains("\nsignal: SIGSEGV"), qPrintable(report));
        QVERIFY2(report.contains("\npipeline: Iris") && report.contains("iris.sluice)"),
                 qPrintable(report));
        const QString backtrace = report.mid(report.indexOf("\nbacktrace:\n"));
        QVERIFY2(backtrace.count('\n') > 5, qPrintable(report));  // frames, one a line

        // The next start: the report is told of once, with its place.
        Document doc;
        FileController files(&doc, nullptr);
        files.setRecoveryDirectory(crash.recoveryDir);
        QString shown;
        answerMessageBox(&shown);
        files.offerRecovery();
        const QString told = crash.recoveryDir + "/" + crash.reports[0].chopped(8) + ".txt";
        QVERIFY2(shown.contains("Sluice quit unexpectedly"), qPrintable(shown));
        QVERIFY2(shown.contains("SIGSEGV"), qPrintable(shown));
        QVERIFY2(shown.contains("while Iris"), qPrintable(shown));
        QVERIFY2(shown.contains(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat)),
                 qPrintable(shown));
        QVERIFY2(shown.contains(QDir::toNativeSeparators(told)), qPrintable(shown));
        QVERIFY(QFile::exists(told));
        QVERIFY(!QFile::exists(crash.recoveryDir + "/" + crash.reports[0]));

        shown.clear();
        files.offerRecovery();  // nothing new: no question, nothing shown
        QTest::qWait(50);
        QVERIFY(shown.isEmpty());
    }

    void anAbortIsReportedToo() {
        QTemporaryDir home;
        const Crash crash = crashTheApp(home.path(), "abort");
        QCOMPARE(crash.status, QProcess::CrashExit);
        QCOMPARE(crash.reports.size(), 1);
        const QString report =
            QString::fromUtf8(readAll(crash.recoveryDir + "/" + crash.reports[0]));
        QVERIFY2(report.contains("\nsignal: SIGABRT"), qPrintable(report));
    }

    void reportsAreReadBackWithTheirFields() {
        QTemporaryDir dir;
        QFile f(dir.filePath("crash-20261207-120000-42.new.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Sluice 9\nplatform: x\nsignal: SIGBUS (bus error)\npipeline: Wine\nbacktrace:\n");
        f.close();
        const auto reports = crash::takeNewCrashReports(dir.path());
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports[0].signal, QString("SIGBUS (bus error)"));
        QCOMPARE(reports[0].pipeline, QString("Wine"));
        QCOMPARE(reports[0].path, dir.filePath("crash-20261207-120000-42.txt"));
        QVERIFY(crash::takeNewCrashReports(dir.path()).isEmpty());
    }
};

SLUICE_TEST_MAIN(TestCrashReport)
#include "test_crash_report.moc"
