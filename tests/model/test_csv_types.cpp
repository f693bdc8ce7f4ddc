// Column kind inference, forced kinds, roles and special numbers.
#include <QtTest>
#include <cmath>

#include "io/csv_reader.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

class TestCsvTypes : public QObject {
    Q_OBJECT

private slots:
    void infersNumericCategoricalAndText() {
        std::string text = "num,cat,txt\n";
        for (int i = 0; i < 100; ++i)
            text += std::to_string(i * 0.5) + "," + (i % 3 ? "yes" : "no") + ",row " +
                    std::to_string(i) + "\n";
        const auto r = readCsvText(text);
        QCOMPARE(r.table->column("num").kind(), ColumnKind::Numeric);
        QCOMPARE(r.table->column("cat").kind(), ColumnKind::Categorical);
        QCOMPARE(r.table->column("cat").levels(), (std::vector<std::string>{"no", "yes"}));
        QCOMPARE(r.table->column("txt").kind(), ColumnKind::Text);
        QCOMPARE(r.table->column("txt").texts()[42], std::string("row 42"));
        QCOMPARE(r.table->column("num").role(), ColumnRole::Feature);
        QCOMPARE(r.table->column("cat").role(), ColumnRole::Feature);
        QCOMPARE(r.table->column("txt").role(), ColumnRole::Meta);
    }

    void levelLimitTurnsManyDistinctValuesIntoText() {
        std::string text = "c\n";
        for (int i = 0; i < 60; ++i)
            text += "v" + std::to_string(i % 30) + "\n";
        QCOMPARE(readCsvText(text).table->column("c").kind(), ColumnKind::Categorical);
        QCOMPARE(
            readCsvText(text, CsvReadOptions{.maxCategoricalLevels = 29}).table->column("c").kind(),
            ColumnKind::Text);
    }

    void forcedKinds() {
        const auto r = readCsvText("code,label\n1,a\n2,b\n1,c\n",
                                   CsvReadOptions{.columnKinds = {{"code", ColumnKind::Categorical},
                                                                  {"label", ColumnKind::Text}}});
        const Column& code = r.table->column("code");
        QCOMPARE(code.kind(), ColumnKind::Categorical);
        QCOMPARE(code.levels(), (std::vector<std::string>{"1", "2"}));
        QCOMPARE(r.table->column("label").kind(), ColumnKind::Text);
    }

    void numbersAsWrittenKeepTheirTextInTextColumns() {
        // "007" must not become "7" when the column turns out to be text.
        const auto r = readCsvText("id\n007\n1.50\nx\n");
        QCOMPARE(r.table->column("id").levels(), (std::vector<std::string>{"007", "1.50", "x"}));
    }

    void columnTurningToTextLateInTheFile() {
        std::string text = "v,w\n";
        for (int i = 0; i < 5000; ++i)
            text += std::to_string(i) + ",1\n";
        text += "oops,1\n";
        const auto r = readCsvText(text);
        const Column& v = r.table->column("v");
        QCOMPARE(v.kind(), ColumnKind::Text);
        QCOMPARE(v.texts()[1234], std::string("1234"));
        QCOMPARE(v.texts()[5000], std::string("oops"));
        // the surviving numeric column still maps without a copy
        QCOMPARE(r.table->column("w").blockIndex(), std::size_t{0});
    }

    void specialNumbers() {
        const auto r = readCsvText("x\ninf\n-inf\n+2.5\n-0\n1e-5\n.5\n5.\n1E+3\n");
        const auto x = r.table->column("x").numbers();
        QVERIFY(std::isinf(x[0]) && x[0] > 0);
        QVERIFY(std::isinf(x[1]) && x[1] < 0);
        QCOMPARE(x[2], 2.5);
        QVERIFY(std::signbit(x[3]));
        QCOMPARE(x[4], 1e-5);
        QCOMPARE(x[5], 0.5);
        QCOMPARE(x[6], 5.0);
        QCOMPARE(x[7], 1000.0);
    }

    void numbersAreCorrectlyRounded() {
        // Values whose nearest double needs more than a naive digit loop.
        const char* cases[] = {"0.1",
                               "0.3",
                               "2.2250738585072014e-308",
                               "1.7976931348623157e308",
                               "9007199254740993",
                               "123456789012345678901234567890",
                               "0.30000000000000004",
                               "3.141592653589793238462643383279"};
        for (const char* c : cases) {
            const auto r = readCsvText(std::string("x\n") + c + "\n");
            QCOMPARE(r.table->column("x").numbers()[0], std::strtod(c, nullptr));
        }
    }

    void thingsThatAreNotNumbers() {
        for (const char* c : {"1,5", "1.2.3", "--1", "+-1", "0x10", "1e", "12abc", "e5"}) {
            const auto r = readCsvText(std::string("x\n\"") + c + "\"\n",
                                       CsvReadOptions{.delimiter = ';', .decimalComma = false});
            QVERIFY2(r.table->column("x").kind() != ColumnKind::Numeric, c);
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestCsvTypes)
#include "test_csv_types.moc"
