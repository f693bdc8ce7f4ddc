// Issue 24: JSON nested a million levels deep through the app's own doors:
// File > Open, the clipboard and recovery copies. Before the nesting limit
// (io/json_nesting.h) each crashed the app; now each is a message, and the
// open document is untouched.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "app/document.h"
#include "app/recovery_files.h"
#include "pipeline_io/pipeline_file.h"
#include "support/file_bytes.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::testing;

namespace {

const QString kIrisExample = QStringLiteral(SLUICE_EXAMPLES_DIR "/iris.sluice");

QByteArray nested(int depth) {
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// A pipeline (or clipboard) document whose one node's parameter is `value`.
QByteArray documentWith(const QByteArray& format, const QByteArray& value) {
    return "{\"format\": \"" + format +
           "\", \"version\": 1, \"meta\": {},\n"
           "\"nodes\": [{\"id\": \"read\", \"type\": \"data.read_csv\", \"title\": \"Read\", "
           "\"position\": [0, 0], \"params\": {\"path\": " +
           value + "}}], \"edges\": []}";
}

std::string textOf(const Graph& graph) {
    return pipelineToText(graph, "");
}

}  // namespace

class TestDeepJsonApp : public QObject {
    Q_OBJECT

private slots:
    void openingAMillionDeepFileKeepsTheOpenDocument() {
        QTemporaryDir dir;
        const QString deep = dir.filePath(QStringLiteral("deep.sluice"));
        QVERIFY(writeAll(deep, documentWith("sluice.pipeline", nested(1000000))));
        Document doc;
        QVERIFY(doc.open(kIrisExample).ok());
        doc.renameNode("read", "Flowers");
        const std::string before = textOf(doc.graph());
        const FileResult r = doc.open(deep);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(deep), qPrintable(r.error));
        QVERIFY2(r.error.contains("nested deeper than 512 levels at line 2"), qPrintable(r.error));
        QCOMPARE(textOf(doc.graph()), before);
        QVERIFY(doc.isModified());
    }

    void pastingAMillionDeepClipboardIsAMessage() {
        Document doc;
        QVERIFY(doc.open(kIrisExample).ok());
        const std::string before = textOf(doc.graph());
        const PasteResult r = doc.pasteNodes(
            QString::fromLatin1(documentWith("sluice.clipboard", nested(1000000))), {0, 0});
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("nested deeper than 512 levels"), qPrintable(r.error));
        QCOMPARE(textOf(doc.graph()), before);
    }

    void aMillionDeepRecoveryCopyIsListedWithItsProblem() {
        QTemporaryDir dir;
        const QString deep = dir.filePath(QStringLiteral("Deep-0000abcd.sluice-recovery"));
        QVERIFY(writeAll(deep, documentWith("sluice.pipeline", nested(1000000))));
        const QList<RecoveryFile> found = Document::findRecoveryFiles(dir.path());
        QCOMPARE(found.size(), 1);
        QVERIFY2(found[0].problem.contains("nested deeper than 512 levels"),
                 qPrintable(found[0].problem));

        Document doc;
        QVERIFY(doc.open(kIrisExample).ok());
        const std::string before = textOf(doc.graph());
        const FileResult r = doc.restoreFrom(deep);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("nested deeper than 512 levels"), qPrintable(r.error));
        QCOMPARE(textOf(doc.graph()), before);
    }
};

SLUICE_TEST_MAIN(TestDeepJsonApp)
#include "test_deep_json_app.moc"
