// Dialect detection (delimiter, header, decimal comma, BOM) and every
// override of it, plus missing tokens and previews.
#include <QtTest>
#include <cmath>

#include "io/csv_reader.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

class TestCsvDetection : public QObject {
    Q_OBJECT

private slots:
    void detectsEachDelimiter_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("delimiter");
        QTest::newRow("comma") << "a,b,c\n1,2,3\n4,5,6\n" << int(',');
        QTest::newRow("semicolon") << "a;b;c\n1;2;3\n4;5;6\n" << int(';');
        QTest::newRow("tab") << "a\tb\tc\n1\t2\t3\n4\t5\t6\n" << int('\t');
        QTest::newRow("pipe") << "a|b|c\n1|2|3\n4|5|6\n" << int('|');
        QTest::newRow("spaces") << "a   b c\n  1  2    3\n4 5 6  \n" << int(kWhitespaceDelimiter);
        QTest::newRow("comma with spaces after") << "a, b, c\n1, 2, 3\n4, 5, 6\n" << int(',');
        QTest::newRow("comma, text with semicolons") << "a,b,c\n1,x;y,3\n4,z,6\n" << int(',');
    }
    void detectsEachDelimiter() {
        QFETCH(QString, text);
        QFETCH(int, delimiter);
        const auto r = readCsvText(text.toStdString());
        QCOMPARE(int(r.dialect.delimiter), delimiter);
        QCOMPARE(r.table->columnCount(), std::size_t{3});
        QCOMPARE(r.table->column(2).numbers()[1], 6.0);
        QCOMPARE(r.table->column(0).name(), std::string("a"));
    }

    void delimiterOverride() {
        // Forced to ';', the comma file is one column of text.
        const auto r = readCsvText("a,b\n1,2\n", CsvReadOptions{.delimiter = ';'});
        QCOMPARE(r.table->columnCount(), std::size_t{1});
        QCOMPARE(r.table->column(0).name(), std::string("a,b"));
    }

    void detectsHeaderOrItsAbsence() {
        QVERIFY(readCsvText("x,y\n1,2\n").dialect.header);
        const auto noHeader = readCsvText("1,2\n3,4\n");
        QVERIFY(!noHeader.dialect.header);
        QCOMPARE(noHeader.table->rowCount(), std::size_t{2});
        QCOMPARE(noHeader.table->column(1).name(), std::string("column_2"));
        // A label over numbers is a header even if other names look numeric.
        const auto years = readCsvText("id,2020,2021\n1,1.5,2\n2,3,4\n");
        QVERIFY(years.dialect.header);
        QCOMPARE(years.table->column(1).name(), std::string("2020"));
        QCOMPARE(years.table->rowCount(), std::size_t{2});
    }

    void headerOverride() {
        const auto r = readCsvText("x,y\n1,2\n", CsvReadOptions{.header = false});
        QCOMPARE(r.table->rowCount(), std::size_t{2});
        QCOMPARE(r.table->column("column_1").kind(), ColumnKind::Categorical);
        const auto forced = readCsvText("1,2\n3,4\n", CsvReadOptions{.header = true});
        QCOMPARE(forced.table->column(0).name(), std::string("1"));
        QCOMPARE(forced.table->rowCount(), std::size_t{1});
    }

    void byteOrderMarkIsSkipped() {
        const auto r = readCsvText("\xEF\xBB\xBFid,v\n1,2\n");
        QVERIFY(r.dialect.byteOrderMark);
        QCOMPARE(r.table->column(0).name(), std::string("id"));
    }

    void headerNamesInSingleOrDoubleQuotes() {
        const auto r = readCsvText("'sepal length',\"petal, width\"\n1,2\n");
        QCOMPARE(r.table->column(0).name(), std::string("sepal length"));
        QCOMPARE(r.table->column(1).name(), std::string("petal, width"));
    }

    void decimalCommaIsDetectedWithSemicolons() {
        const auto r = readCsvText("a;b\n3,14;1\n-2,5;2\n");
        QCOMPARE(r.dialect.delimiter, ';');
        QVERIFY(r.dialect.decimalComma);
        QCOMPARE(r.table->column("a").numbers()[0], 3.14);
        QCOMPARE(r.table->column("a").numbers()[1], -2.5);
    }

    void decimalCommaOverride() {
        const auto off = readCsvText("a;b\n3,14;1\n", CsvReadOptions{.decimalComma = false});
        QCOMPARE(off.table->column("a").kind(), ColumnKind::Categorical);
        const auto on =
            readCsvText("a\t b\n1,5\t2\n", CsvReadOptions{.delimiter = '\t', .decimalComma = true});
        QCOMPARE(on.table->column(0).numbers()[0], 1.5);
    }

    void defaultMissingTokens() {
        const auto r = readCsvText("x\n1\nNA\nN/A\nNaN\nnull\n?\n\n2\n");
        const Column& x = r.table->column("x");
        QCOMPARE(x.kind(), ColumnKind::Numeric);
        // the empty line is a blank line, not a row
        QCOMPARE(x.size(), std::size_t{7});
        for (std::size_t i = 1; i <= 5; ++i)
            QVERIFY2(x.isMissing(i), std::to_string(i).c_str());
    }

    void customMissingTokens() {
        CsvReadOptions o;
        o.missingTokens = {"-999", ""};
        const auto r = readCsvText("x,y\n1,a\n-999,NA\n", o);
        QVERIFY(r.table->column("x").isMissing(1));
        QCOMPARE(r.table->column("y").displayValue(1), std::string("NA"));
    }

    void previewReadsOnlyTheFirstRows() {
        std::string text = "a,b\n";
        for (int i = 0; i < 1000; ++i)
            text += std::to_string(i) + ",v" + std::to_string(i) + "\n";
        const auto r = readCsvText(text, CsvReadOptions{.maxRows = 10});
        QCOMPARE(r.table->rowCount(), std::size_t{10});
        QVERIFY(r.truncated);
        QCOMPARE(r.table->column("a").numbers()[9], 9.0);
        QVERIFY(!readCsvText("a\n1\n2\n", CsvReadOptions{.maxRows = 10}).truncated);
    }

    void previewDoesNotCheckBeyondWhatItReads() {
        // A bad row after the preview's end does not spoil the preview.
        const auto r = readCsvText("a,b\n1,2\n3,4\n5,6,7\n", CsvReadOptions{.maxRows = 2});
        QCOMPARE(r.table->rowCount(), std::size_t{2});
    }
};

SLUICE_TEST_APPLESS_MAIN(TestCsvDetection)
#include "test_csv_detection.moc"
