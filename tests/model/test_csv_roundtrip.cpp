// Property: for random tables with every kind, missing values and awkward
// strings, write then read gives back an equal table.
#include <QtTest>
#include <cmath>
#include <limits>
#include <random>
#include <sstream>

#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

namespace {

const std::vector<std::string> kAwkward = {
    "",        " ",    "plain",  "with,comma",  "with;semi",  "tab\there", "pipe|x",
    "q\"uote", "\"",   "\"\"",   "line\nbreak", "cr\rlf\r\n", " lead",     "trail ",
    "NA",      "N/A",  "?",      "null",        "NaN",        "'single'",  "12",
    "-3.5e7",  "café", "日本語", "emoji 🙂",  "#hash",      "a''b",      "\\back"};

double randomNumber(std::mt19937& rng) {
    switch (rng() % 8) {
        case 0:
            return std::numeric_limits<double>::quiet_NaN();
        case 1:
            return std::ldexp(std::uniform_real_distribution<>(-1, 1)(rng),
                              int(rng() % 2000) - 1000);
        case 2:
            return double(int(rng() % 2001) - 1000);
        case 3:
            return std::uniform_real_distribution<>(-1e6, 1e6)(rng);
        case 4:
            return (rng() % 2 ? 1 : -1) * std::numeric_limits<double>::infinity();
        case 5:
            return std::numeric_limits<double>::denorm_min() * double(rng() % 100 + 1);
        case 6:
            return (rng() % 2 ? 1 : -1) * std::numeric_limits<double>::max();
        default:
            return std::uniform_real_distribution<>(0, 1)(rng);
    }
}

std::string randomString(std::mt19937& rng) {
    std::string s = kAwkward[rng() % kAwkward.size()];
    if (rng() % 3 == 0)
        s += kAwkward[rng() % kAwkward.size()];
    return s;
}

Column randomColumn(std::mt19937& rng, const std::string& name, std::size_t rows, ColumnKind kind) {
    switch (kind) {
        case ColumnKind::Numeric: {
            std::vector<double> v(rows);
            for (auto& x : v)
                x = randomNumber(rng);
            return Column::numeric(name, std::move(v));
        }
        case ColumnKind::Categorical: {
            std::vector<std::string> levels;
            const std::size_t n = 1 + rng() % 6;
            while (levels.size() < n) {
                std::string l = randomString(rng);
                if (std::find(levels.begin(), levels.end(), l) == levels.end())
                    levels.push_back(l);
            }
            std::vector<std::int32_t> codes(rows);
            for (auto& c : codes)
                c = rng() % 6 == 0 ? -1 : std::int32_t(rng() % n);
            return Column::categorical(name, std::move(codes), std::move(levels));
        }
        case ColumnKind::Text: {
            std::vector<std::string> v(rows);
            std::vector<bool> missing(rows);
            for (std::size_t r = 0; r < rows; ++r) {
                missing[r] = rng() % 5 == 0;
                if (!missing[r])
                    v[r] = randomString(rng);
            }
            return Column::text(name, std::move(v), std::move(missing));
        }
        case ColumnKind::DateTime: {
            // Whole days, seconds or milliseconds, 1900 to 2100, some missing.
            std::vector<double> v(rows);
            for (auto& x : v) {
                const double day = -25567.0 + double(rng() % 73049);
                const int grain = int(rng() % 3);
                x = rng() % 6 == 0 ? std::nan("")
                    : grain == 0   ? day * 86400
                    : grain == 1   ? day * 86400 + double(rng() % 86400)
                                   : day * 86400 + double(rng() % 86400000) / 1000;
            }
            return Column::dateTime(name, std::move(v));
        }
    }
    throw std::logic_error("unreachable");
}

// Equal as a user would see them: names, kinds, values (bit-exact numbers,
// same missing cells) and categorical values (level order may differ).
void requireEqual(const Table& a, const Table& b, const std::string& csv) {
    QCOMPARE(b.columnNames(), a.columnNames());
    QCOMPARE(b.rowCount(), a.rowCount());
    for (std::size_t j = 0; j < a.columnCount(); ++j) {
        const Column& x = a.column(j);
        const Column& y = b.column(j);
        QCOMPARE(y.kind(), x.kind());
        for (std::size_t r = 0; r < a.rowCount(); ++r) {
            bool same = x.isMissing(r) == y.isMissing(r);
            if (same && !x.isMissing(r)) {
                if (x.kind() == ColumnKind::Numeric) {
                    const double u = x.numbers()[r], v = y.numbers()[r];
                    same = u == v && std::signbit(u) == std::signbit(v);
                } else {
                    same = x.displayValue(r) == y.displayValue(r);
                }
            }
            if (!same)
                QFAIL(("column '" + x.name() + "' row " + std::to_string(r) + ": wrote '" +
                       x.displayValue(r) + "', read '" + y.displayValue(r) + "'\n" +
                       csv.substr(0, 2000))
                          .c_str());
        }
    }
}

}  // namespace

class TestCsvRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void randomTablesSurviveWriteAndRead() {
        std::mt19937 rng(20261127);
        const char delimiters[] = {',', ';', '\t', '|'};
        for (int trial = 0; trial < 300; ++trial) {
            const std::size_t rows = rng() % 40;
            const std::size_t cols = 1 + rng() % 5;
            std::vector<Column> columns;
            CsvReadOptions read;
            read.header = true;  // a header row of awkward names is still a header
            read.decimalComma = false;
            for (std::size_t j = 0; j < cols; ++j) {
                const auto kind = static_cast<ColumnKind>(rng() % 4);
                std::string name = randomString(rng) + "#" + std::to_string(j);
                columns.push_back(randomColumn(rng, name, rows, kind));
                read.columnKinds[name] = kind;  // CSV stores no kinds: the schema says them
            }
            const Table original(std::move(columns));
            CsvWriteOptions write;
            write.delimiter = delimiters[rng() % 4];
            write.crlf = rng() % 2;
            read.delimiter = write.delimiter;
            const std::string csv = writeCsvString(original, write);
            const auto back = readCsvText(csv, read);
            requireEqual(original, *back.table, csv);
            QVERIFY(back.warnings.empty());
        }
    }

    void delimiterAndHeaderAreDetectedOnWrittenFiles() {
        const Table t({Column::numeric("x", {1.5, -2, std::nan("")}),
                       Column::categorical("c", {0, 1, 0}, {"a, b", "c\"d"})});
        for (char d : {',', ';', '\t', '|'}) {
            const std::string csv = writeCsvString(t, CsvWriteOptions{.delimiter = d});
            const auto back = readCsvText(csv);
            QCOMPARE(back.dialect.delimiter, d);
            QVERIFY(back.dialect.header);
            requireEqual(t, *back.table, csv);
        }
    }

    void oneColumnWithMissingValuesKeepsItsRows() {
        const Table t({Column::numeric("x", {1, std::nan(""), 3})});
        const std::string csv = writeCsvString(t);
        requireEqual(t, *readCsvText(csv).table, csv);
    }

    void shortestRoundTripNumbers() {
        const Table t({Column::numeric("x", {0.1, 1e300, 1.0 / 3.0, 100})});
        QCOMPARE(writeCsvString(t), std::string("x\n0.1\n1e+300\n0.3333333333333333\n100\n"));
    }

    void fileWriteIsAtomicAndNamesThePathOnFailure() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.csv").toStdString();
        const Table t({Column::numeric("x", {1, 2})});
        writeCsvFile(t, path);
        requireEqual(t, *readCsvFile(path).table, "");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temporary left
        try {
            writeCsvFile(t, dir.filePath("missing/folder/out.csv").toStdString());
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(testing::contains(e.what(), "missing/folder/out.csv"));
        }
    }

    void writesToStreams() {
        std::ostringstream out;
        writeCsv(Table({Column::text("t", {"a b", " c"})}), out);
        QCOMPARE(out.str(), std::string("t\na b\n\" c\"\n"));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestCsvRoundTrip)
#include "test_csv_roundtrip.moc"
