// The run log: time-stamped lines, errors in red, Clear, and a line cap.
#include <QAction>
#include <QTextBlock>
#include <QtTest>

#include "support/test_registry.h"
#include "views/run_log.h"

using namespace sluice;

class TestRunLog : public QObject {
    Q_OBJECT

private slots:
    void appendsTimeStampedLines() {
        RunLog log;
        QVERIFY(log.isReadOnly());
        log.appendLine("Iris flowers", "150 rows x 5 columns");
        log.appendLine({}, "Run finished in 0.4 s");
        QCOMPARE(log.lineCount(), 2);
        const QString first = log.document()->findBlockByNumber(0).text();
        QVERIFY2(QRegularExpression(R"(^\d\d:\d\d:\d\d  Iris flowers: 150 rows x 5 columns$)")
                     .match(first)
                     .hasMatch(),
                 qPrintable(first));
        QVERIFY(log.document()->findBlockByNumber(1).text().endsWith("  Run finished in 0.4 s"));
    }

    void errorsAreRed() {
        RunLog log;
        log.appendLine("Read CSV", "file not found", RunLog::Severity::Error);
        log.appendLine("Scale", "done");
        const QTextBlock error = log.document()->findBlockByNumber(0);
        const QColor red = error.begin().fragment().charFormat().foreground().color();
        QVERIFY2(red.red() > 150 && red.green() < 80, qPrintable(red.name()));
        const QTextBlock info = log.document()->findBlockByNumber(1);
        QVERIFY(!info.begin().fragment().charFormat().hasProperty(QTextFormat::ForegroundBrush));
    }

    void multiLineTextStaysOneLine() {
        RunLog log;
        log.appendLine("Node", "first\nsecond");
        QCOMPARE(log.lineCount(), 1);
    }

    void clearEmpties() {
        RunLog log;
        log.appendLine("a", "b");
        QVERIFY(log.clearAction());
        log.clearAction()->trigger();
        QCOMPARE(log.lineCount(), 0);
        log.appendLine("a", "again");
        QCOMPARE(log.lineCount(), 1);
    }

    void keepsAtMostTheCap() {
        RunLog log;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < RunLog::kMaxLines + 2500; ++i)
            log.appendLine("n", QString::number(i));
        qInfo("%d lines appended in %lld ms", RunLog::kMaxLines + 2500, timer.elapsed());
        QCOMPARE(log.lineCount(), RunLog::kMaxLines);
        // The oldest went first.
        QVERIFY(log.document()->firstBlock().text().endsWith("n: 2500"));
        QVERIFY(log.document()->lastBlock().text().endsWith(
            QString("n: %1").arg(RunLog::kMaxLines + 2499)));
    }
};

SLUICE_TEST_MAIN(TestRunLog)
#include "test_run_log.moc"
