// Every bad input gets a CsvError that names the file, the line and the
// column where it can, and says what was expected. Never a crash.
#include <QtTest>

#include "io/csv_reader.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;
using sluice::testing::contains;
using sluice::testing::writeFile;

namespace {

// Reads text expecting a CsvError and returns it.
CsvError errorOf(const std::string& text, const CsvReadOptions& options = {}) {
    try {
        readCsvText(text, options, "data.csv");
    } catch (const CsvError& e) {
        return e;
    }
    throw std::runtime_error("expected a CsvError for: " + text);
}

}  // namespace

class TestCsvErrors : public QObject {
    Q_OBJECT

private slots:
    void missingFileNamesThePath() {
        try {
            readCsvFile("/no/such/dir/file.csv");
            QFAIL("expected an error");
        } catch (const CsvError& e) {
            QVERIFY(contains(e.what(), "/no/such/dir/file.csv"));
            QVERIFY(contains(e.what(), "no such file"));
        }
    }

    void folderIsNotAFile() {
        QTemporaryDir dir;
        try {
            readCsvFile(dir.path().toStdString());
            QFAIL("expected an error");
        } catch (const CsvError& e) {
            QVERIFY(contains(e.what(), "folder"));
        }
    }

    void emptyFiles() {
        QTemporaryDir dir;
        try {
            readCsvFile(writeFile(dir, "empty.csv", ""));
            QFAIL("expected an error");
        } catch (const CsvError& e) {
            QVERIFY(contains(e.what(), "empty.csv"));
            QVERIFY(contains(e.what(), "empty"));
        }
        QVERIFY(contains(errorOf("\n\n  \r\n").what(), "only blank lines"));
        QVERIFY(contains(errorOf("\xEF\xBB\xBF").what(), "empty"));
    }

    void binaryFileIsRefused() {
        const CsvError png = errorOf(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        QVERIFY(contains(png.what(), "binary"));
        const CsvError nul = errorOf(std::string("a,b\n1,2\n3,\0\n", 13));
        QVERIFY(contains(nul.what(), "binary"));
        QCOMPARE(nul.line(), std::size_t{3});
    }

    void invalidUtf8NamesLineAndByte() {
        const CsvError e = errorOf("name,city\nJos\xE9,Paris\n");
        QCOMPARE(e.line(), std::size_t{2});
        QVERIFY(contains(e.what(), "0xE9"));
        QVERIFY(contains(e.what(), "UTF-8"));
        QVERIFY(contains(e.what(), "data.csv, line 2"));
    }

    void invalidUtf8FarIntoALargeFileIsFoundToo() {
        std::string text = "a,b\n";
        while (text.size() < (std::size_t{6} << 20))
            text += "1.25,hello\n";
        text += "2,caf\xC3\n";  // a cut-off two-byte sequence
        const std::size_t lines =
            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        const CsvError e = errorOf(text, CsvReadOptions{.threads = 2});
        QCOMPARE(e.line(), lines);
    }

    void utf16IsRefusedWithAHint() {
        QVERIFY(contains(errorOf(std::string("\xFF\xFE"
                                             "a\0,\0b\0",
                                             8))
                             .what(),
                         "UTF-16"));
    }

    void tooManyFieldsNamesTheLine() {
        const CsvError e = errorOf("a,b,c\n1,2,3\n4,5,6,7\n");
        QCOMPARE(e.line(), std::size_t{3});
        QVERIFY(contains(e.what(), "4 fields"));
        QVERIFY(contains(e.what(), "3 columns"));
    }

    void tooFewFieldsNamesTheLine() {
        const CsvError e = errorOf("a,b,c\n1,2,3\n\"multi\nline\",5,6\n4,5\n");
        QCOMPARE(e.line(), std::size_t{5});  // line numbers count physical lines
        QVERIFY(contains(e.what(), "2 fields"));
    }

    void raggedRowsCanBePaddedWithWarnings() {
        const auto r = readCsvText("a,b,c\n1,2\n3,4,5,6\n7,8,9\n",
                                   CsvReadOptions{.raggedRows = RaggedRows::PadAndWarn});
        QCOMPARE(r.table->rowCount(), std::size_t{3});
        QVERIFY(r.table->column("c").isMissing(0));
        QCOMPARE(r.table->column("c").numbers()[1], 5.0);
        QCOMPARE(r.warnings.size(), std::size_t{2});
        QVERIFY(contains(r.warnings[0], "line 2"));
        QVERIFY(contains(r.warnings[0], "padded"));
        QVERIFY(contains(r.warnings[1], "line 3"));
        QVERIFY(contains(r.warnings[1], "dropped"));
    }

    void duplicateAndEmptyHeaderNamesAreFixedWithWarnings() {
        const auto r = readCsvText("x,,x,x_2\n1,2,3,4\n");
        QCOMPARE(r.table->columnNames(), (std::vector<std::string>{"x", "column_2", "x_3", "x_2"}));
        QCOMPARE(r.warnings.size(), std::size_t{2});
        QVERIFY(contains(r.warnings[0], "column 2 has no name"));
        QVERIFY(contains(r.warnings[1], "repeats the name 'x'"));
    }

    void overflowingNumberIsAnErrorNotInfinity() {
        const CsvError e = errorOf("a,big\n1,2\n3,1e400\n");
        QCOMPARE(e.line(), std::size_t{3});
        QCOMPARE(e.column(), std::size_t{2});
        QCOMPARE(e.columnName(), std::string("big"));
        QVERIFY(contains(e.what(), "too large"));
        QVERIFY(contains(e.what(), "1e400"));
    }

    void tinyNumbersUnderflowToTheNearestDouble() {
        const auto r = readCsvText("a\n1e-400\n4.9e-324\n");
        QCOMPARE(r.table->column("a").numbers()[0], 0.0);
        QVERIFY(r.table->column("a").numbers()[1] > 0.0);
    }

    void unclosedQuoteNamesWhereItStarts() {
        const CsvError e = errorOf("a,b\n1,2\n3,\"never closed\n4,5\n");
        QCOMPARE(e.line(), std::size_t{3});
        QVERIFY(contains(e.what(), "closing quote"));
    }

    void textAfterClosingQuote() {
        const CsvError e = errorOf("a,b\n1,\"x\"y\n");
        QCOMPARE(e.line(), std::size_t{2});
        QVERIFY(contains(e.what(), "doubled"));
    }

    void forcedNumericColumnRefusesText() {
        const CsvError e = errorOf("id,v\n1,2\n2,abc\n",
                                   CsvReadOptions{.columnKinds = {{"v", ColumnKind::Numeric}}});
        QCOMPARE(e.line(), std::size_t{3});
        QCOMPARE(e.columnName(), std::string("v"));
        QVERIFY(contains(e.what(), "expected a number"));
        QVERIFY(contains(e.what(), "'abc'"));
    }

    void forcedKindForUnknownColumn() {
        const CsvError e =
            errorOf("a,b\n1,2\n", CsvReadOptions{.columnKinds = {{"z", ColumnKind::Text}}});
        QVERIFY(contains(e.what(), "'z'"));
        QVERIFY(contains(e.what(), "columns: a, b"));
    }

    void headerOnlyFileIsAnEmptyTable() {
        const auto r = readCsvText("a,b\n");
        QCOMPARE(r.table->rowCount(), std::size_t{0});
        QCOMPARE(r.table->columnCount(), std::size_t{2});
    }
};

SLUICE_TEST_APPLESS_MAIN(TestCsvErrors)
#include "test_csv_errors.moc"
