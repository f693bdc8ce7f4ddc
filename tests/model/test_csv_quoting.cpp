// RFC 4180 quoting and the tokenizer's handling of blanks and line ends.
#include <QtTest>
#include <cmath>

#include "io/csv_reader.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

namespace {

std::string cell(const CsvReadResult& r, std::size_t row, const std::string& column) {
    return r.table->column(column).displayValue(row);
}

}  // namespace

class TestCsvQuoting : public QObject {
    Q_OBJECT

private slots:
    void delimiterInsideQuotesIsData() {
        const auto r = readCsvText("name,city\n\"Smith, Jane\",Paris\nBob,\"Rome, IT\"\n");
        QCOMPARE(r.table->rowCount(), std::size_t{2});
        QCOMPARE(cell(r, 0, "name"), std::string("Smith, Jane"));
        QCOMPARE(cell(r, 1, "city"), std::string("Rome, IT"));
    }

    void doubledQuotesStandForOneQuote() {
        const auto r = readCsvText("q,n\n\"say \"\"hi\"\"\",1\n\"\"\"\",2\n");
        QCOMPARE(cell(r, 0, "q"), std::string("say \"hi\""));
        QCOMPARE(cell(r, 1, "q"), std::string("\""));
    }

    void lineBreaksInsideQuotesAreData() {
        const auto r =
            readCsvText("id,note\n1,\"line one\nline two\"\n2,\"crlf\r\ninside\"\n3,plain\n");
        QCOMPARE(r.table->rowCount(), std::size_t{3});
        QCOMPARE(cell(r, 0, "note"), std::string("line one\nline two"));
        QCOMPARE(cell(r, 1, "note"), std::string("crlf\r\ninside"));
        QCOMPARE(r.table->column("id").numbers()[2], 3.0);
    }

    void quotedEmptyIsAValueButUnquotedEmptyIsMissing() {
        const auto r = readCsvText("a,b\n\"\",x\n,y\nz,z\n",
                                   CsvReadOptions{.columnKinds = {{"a", ColumnKind::Text}}});
        const Column& a = r.table->column("a");
        QVERIFY(!a.isMissing(0));
        QCOMPARE(a.texts()[0], std::string());
        QVERIFY(a.isMissing(1));
    }

    void quotedMissingTokenIsText() {
        const auto r = readCsvText("a\nNA\n\"NA\"\nok\n");
        const Column& a = r.table->column("a");
        QVERIFY(a.isMissing(0));
        QVERIFY(!a.isMissing(1));
        QCOMPARE(a.displayValue(1), std::string("NA"));
    }

    void blanksAroundFieldsAreTrimmedUnlessQuoted() {
        const auto r = readCsvText("a,b\n  1.5 ,  \" padded \"  \n2, x\n");
        QCOMPARE(r.table->column("a").numbers()[0], 1.5);
        QCOMPARE(cell(r, 0, "b"), std::string(" padded "));
        QCOMPARE(cell(r, 1, "b"), std::string("x"));
    }

    void quoteInsideUnquotedFieldIsPlainText() {
        // Real files say 12" pipe without quoting; read it as written.
        const auto r = readCsvText("item,n\n12\" pipe,1\n3\" nail,2\n");
        QCOMPARE(cell(r, 0, "item"), std::string("12\" pipe"));
        QCOMPARE(cell(r, 1, "item"), std::string("3\" nail"));
    }

    void quotedNumbersAreNumbers() {
        const auto r = readCsvText("x\n\"1.5\"\n\"2\"\n");
        QCOMPARE(r.table->column("x").kind(), ColumnKind::Numeric);
        QCOMPARE(r.table->column("x").numbers()[1], 2.0);
    }

    void lineEndingsOfEveryKindAndBlankLines() {
        for (const std::string eol : {"\n", "\r\n", "\r"}) {
            const auto r =
                readCsvText("a,b" + eol + "1,2" + eol + eol + "   " + eol + "3,4" + eol + eol);
            QCOMPARE(r.table->rowCount(), std::size_t{2});
            QCOMPARE(r.table->column("b").numbers()[1], 4.0);
            QCOMPARE(r.dialect.crlf, eol == "\r\n");
        }
    }

    void lastLineWithoutLineEnd() {
        const auto r = readCsvText("a,b\n1,2\n3,4");
        QCOMPARE(r.table->rowCount(), std::size_t{2});
        QCOMPARE(r.table->column("b").numbers()[1], 4.0);
    }

    void tabDelimitedRowOfEmptyFieldsIsARowNotABlankLine() {
        const auto r = readCsvText("a\tb\n1\t2\n\t\n3\t4\n");
        QCOMPARE(r.table->rowCount(), std::size_t{3});
        QVERIFY(r.table->column("a").isMissing(1));
    }

    void trailingDelimiterMakesAnEmptyColumn() {
        const auto r = readCsvText("a,b,\n1,2,\n3,4,\n");
        QCOMPARE(r.table->columnCount(), std::size_t{3});
        QCOMPARE(r.table->column(2).name(), std::string("column_3"));
        QVERIFY(r.table->column(2).isMissing(0));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestCsvQuoting)
#include "test_csv_quoting.moc"
