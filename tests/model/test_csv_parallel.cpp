// Large inputs are split across threads; the table must not depend on how.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>

#include "io/csv_reader.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

namespace {

// About 6 MB of rows with quoted fields holding delimiters, quotes and line
// breaks, so chunk cuts land inside quotes as well as between rows.
std::string awkwardText(unsigned seed) {
    std::mt19937 rng(seed);
    std::string text = "id,x,note,color\n";
    const char* colors[] = {"red", "green", "blue"};
    for (int i = 0; text.size() < (std::size_t{6} << 20); ++i) {
        text +=
            std::to_string(i) + "," + std::to_string(std::uniform_real_distribution<>(-1, 1)(rng));
        switch (rng() % 4) {
            case 0:
                text += ",\"has, comma\"";
                break;
            case 1:
                text += ",\"two\nlines \"\"quoted\"\"\"";
                break;
            case 2:
                text += ",plain";
                break;
            default:
                text += ",";
                break;
        }
        text += std::string(",") + colors[rng() % 3] + (rng() % 7 == 0 ? "\r\n" : "\n");
    }
    return text;
}

void compareTables(const Table& a, const Table& b) {
    QCOMPARE(a.rowCount(), b.rowCount());
    QCOMPARE(a.columnCount(), b.columnCount());
    for (std::size_t j = 0; j < a.columnCount(); ++j) {
        const Column& ca = a.column(j);
        const Column& cb = b.column(j);
        QCOMPARE(ca.kind(), cb.kind());
        if (ca.kind() == ColumnKind::Categorical)
            QCOMPARE(ca.levels(), cb.levels());
        for (std::size_t r = 0; r < a.rowCount(); ++r) {
            if (ca.displayValue(r) != cb.displayValue(r) || ca.isMissing(r) != cb.isMissing(r))
                QFAIL(("column " + ca.name() + " row " + std::to_string(r) + " differs").c_str());
        }
    }
}

}  // namespace

class TestCsvParallel : public QObject {
    Q_OBJECT

private slots:
    void sameTableWhateverTheThreadCount() {
        const std::string text = awkwardText(7);
        const auto one = readCsvText(text, CsvReadOptions{.threads = 1});
        QVERIFY(one.table->rowCount() > 50000);
        auto levels = one.table->column("note").levels();
        std::sort(levels.begin(), levels.end());
        QCOMPARE(levels,
                 (std::vector<std::string>{"has, comma", "plain", "two\nlines \"quoted\""}));
        for (unsigned threads : {2u, 3u, 8u}) {
            const auto many = readCsvText(text, CsvReadOptions{.threads = threads});
            compareTables(*one.table, *many.table);
        }
    }

    void rowsMatchASimpleCount() {
        const std::string text = awkwardText(11);
        const auto r = readCsvText(text, CsvReadOptions{.threads = 4});
        // ids run 0..n-1 in order: no row lost, doubled or reordered
        const auto ids = r.table->column("id").numbers();
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] != static_cast<double>(i))
                QFAIL(("row " + std::to_string(i)).c_str());
    }

    void strayQuotesInUnquotedFieldsFallBackToAnExactRead() {
        // 12" in an unquoted field fools a quote-parity split; the reader
        // must notice and still return every row correctly.
        std::string text = "id,item\n";
        for (int i = 0; text.size() < (std::size_t{5} << 20); ++i)
            text += std::to_string(i) + (i % 1000 == 3 ? ",12\" pipe\n" : ",nail\n");
        const auto r = readCsvText(text, CsvReadOptions{.threads = 2});
        const auto ids = r.table->column("id").numbers();
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] != static_cast<double>(i))
                QFAIL(("row " + std::to_string(i)).c_str());
        QCOMPARE(r.table->column("item").displayValue(3), std::string("12\" pipe"));
    }

    void columnTurningToTextInALaterChunk() {
        std::string text = "a,b\n";
        int rows = 0;
        for (; text.size() < (std::size_t{5} << 20); ++rows)
            text += std::to_string(rows) + ",2.5\n";
        text += "late text,2.5\n";
        const auto r = readCsvText(text, CsvReadOptions{.threads = 2});
        const Column& a = r.table->column("a");
        QCOMPARE(a.kind(), ColumnKind::Text);
        QCOMPARE(a.texts()[0], std::string("0"));
        QCOMPARE(a.texts()[static_cast<std::size_t>(rows)], std::string("late text"));
        QCOMPARE(r.table->column("b").kind(), ColumnKind::Numeric);
    }

    void levelsFollowFirstAppearanceInTheFile() {
        std::string text = "c\n";
        for (int i = 0; text.size() < (std::size_t{5} << 20); ++i)
            text += "zeta\n";
        text += "alpha\n";
        text = "c\nmid\n" + text.substr(2);
        const auto r = readCsvText(text, CsvReadOptions{.threads = 3});
        QCOMPARE(r.table->column("c").levels(), (std::vector<std::string>{"mid", "zeta", "alpha"}));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestCsvParallel)
#include "test_csv_parallel.moc"
