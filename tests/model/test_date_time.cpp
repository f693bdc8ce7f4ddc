// Dates and times (data/date_time.h and the DateTime column kind): ISO 8601
// reading with checked fields and offsets, formats, the civil parts of
// known days (checked against Python's datetime), writing back, and the CSV
// reader turning date columns into DateTime.
#include <QtTest>

#include <cmath>

#include "data/date_time.h"
#include "io/csv_reader.h"
#include "support/test_registry.h"

using namespace sluice;

namespace {

// 2024-03-01 00:00:00 UTC: Python's datetime(2024, 3, 1, tzinfo=utc).timestamp().
constexpr double kMarch1st2024 = 1709251200;

double iso(const char* text) {
    return parseIsoDateTime(text).value_or(std::nan(""));
}

}  // namespace

class TestDateTime : public QObject {
    Q_OBJECT

private slots:
    void readsIso8601() {
        QCOMPARE(iso("2024-03-01"), kMarch1st2024);
        QCOMPARE(iso("1970-01-01"), 0.0);
        QCOMPARE(iso("2024-03-01T14:30"), kMarch1st2024 + 14 * 3600 + 30 * 60);
        QCOMPARE(iso("2024-03-01 14:30:15"), kMarch1st2024 + 52215);
        QCOMPARE(iso("2024-03-01 14:30:15.25"), kMarch1st2024 + 52215.25);
        QCOMPARE(iso("2024-03-01T14:30:15Z"), kMarch1st2024 + 52215);
        // An offset is taken away: 16:30 at +02:00 is 14:30 UTC.
        QCOMPARE(iso("2024-03-01T16:30:15+02:00"), kMarch1st2024 + 52215);
        QCOMPARE(iso("2024-03-01T12:30:15-0200"), kMarch1st2024 + 52215);
        QCOMPARE(iso("1969-12-31 23:59:59"), -1.0);
        QCOMPARE(iso("2000-02-29"), 951782400.0);  // a leap day of a century
        for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-3-1",
                                "24-03-01", "2024-03-01 25:00", "2024-03-01 12:60", "2024-03-01T",
                                "2024-03-01 12:30:15.", "2024-03-01x", "1 March 2024", "", "12345"})
            QVERIFY2(!parseIsoDateTime(bad), bad);
    }

    void readsFormats() {
        QCOMPARE(parseDateTimeFormat("01/03/2024", "%d/%m/%Y"), std::optional(kMarch1st2024));
        QCOMPARE(parseDateTimeFormat("1/3/2024", "%d/%m/%Y"), std::optional(kMarch1st2024));
        QCOMPARE(parseDateTimeFormat("1 Mar 2024 14:30", "%d %b %Y %H:%M"),
                 std::optional(kMarch1st2024 + 52200));
        QCOMPARE(parseDateTimeFormat("march 1, 2024", "%B %d, %Y"), std::optional(kMarch1st2024));
        QCOMPARE(parseDateTimeFormat("01.03.24", "%d.%m.%y"), std::optional(kMarch1st2024));
        QCOMPARE(parseDateTimeFormat("01.03.69", "%d.%m.%y"),
                 std::optional(parseIsoDateTime("1969-03-01").value()));  // POSIX pivot
        QVERIFY(!parseDateTimeFormat("2024-03-01", "%d/%m/%Y"));
        QVERIFY(!parseDateTimeFormat("31/02/2024", "%d/%m/%Y"));
        QVERIFY(!parseDateTimeFormat("01/03/2024 extra", "%d/%m/%Y"));
    }

    void civilParts() {
        // Python: datetime(2024, 3, 1).weekday() == 4, .timetuple().tm_yday == 61.
        DateParts p = dateParts(kMarch1st2024 + 52215.5);
        QCOMPARE(p.year, 2024);
        QCOMPARE(p.month, 3);
        QCOMPARE(p.day, 1);
        QCOMPARE(p.weekday, 4);
        QCOMPARE(p.dayOfYear, 61);
        QCOMPARE(p.hour, 14);
        QCOMPARE(p.minute, 30);
        QCOMPARE(p.second, 15.5);
        // Before 1970: 1969-12-31 23:59:59 was a Wednesday, day 365.
        p = dateParts(-1);
        QCOMPARE(p.year, 1969);
        QCOMPARE(p.dayOfYear, 365);
        QCOMPARE(p.weekday, 2);
        QCOMPARE(p.hour, 23);
        QCOMPARE(p.second, 59.0);
        p = dateParts(iso("2024-12-31"));
        QCOMPARE(p.dayOfYear, 366);
        QCOMPARE(p.weekday, 1);
    }

    void writesBack() {
        QCOMPARE(formatDateTime(kMarch1st2024, true), std::string("2024-03-01"));
        QCOMPARE(formatDateTime(kMarch1st2024 + 52215, false), std::string("2024-03-01 14:30:15"));
        QCOMPARE(formatDateTime(kMarch1st2024 + 52215.25, false),
                 std::string("2024-03-01 14:30:15.250"));
        QCOMPARE(formatDateTime(-1, false), std::string("1969-12-31 23:59:59"));
        QVERIFY(isMidnight(kMarch1st2024));
        QVERIFY(!isMidnight(kMarch1st2024 + 1));
        // A column shows dates alone when every value is a midnight.
        const Column days = Column::dateTime("d", {kMarch1st2024, std::nan("")});
        QVERIFY(days.dateOnly());
        QCOMPARE(days.displayValue(0), std::string("2024-03-01"));
        QVERIFY(days.isMissing(1));
        QCOMPARE(kindName(days.kind()), std::string_view("datetime"));
        const Column times = Column::dateTime("t", {kMarch1st2024, kMarch1st2024 + 60});
        QCOMPARE(times.displayValue(0), std::string("2024-03-01 00:00:00"));
        QVERIFY_EXCEPTION_THROWN(times.numbers(), std::logic_error);
        // Values no calendar holds (infinite, past year 9999) are missing.
        const Column odd = Column::dateTime("o", {1e300, -INFINITY, 253402300799.0});
        QVERIFY(odd.isMissing(0) && odd.isMissing(1));
        QCOMPARE(odd.displayValue(2), std::string("9999-12-31 23:59:59"));
        // A hair below midnight rounds to it: never hour 24 of the day before.
        QCOMPARE(dateParts(-1e-12).hour, 0);
        QCOMPARE(dateParts(-1e-12).day, 1);
        QCOMPARE(dateParts(-1e-12).year, 1970);
        // Year -1 writes as ISO 8601 has it, and reads back.
        const double minusOne = parseIsoDateTime("-0001-06-15").value();
        QCOMPARE(formatDateTime(minusOne, true), std::string("-0001-06-15"));
    }

    void theCsvReaderReadsDateColumns() {
        const std::string text =
            "id,signup,seen,code,when\n"
            "1,2024-03-01,2024-03-01 14:30:00,2024-02-30,01/03/2024\n"
            "2,,2024-03-02T08:00:00Z,A7,02/03/2024\n"
            "3,2023-12-31,2024-03-03 09:15:00,2024-01-01,03/03/2024\n";
        const CsvReadResult read = readCsvText(text, {}, "dates.csv");
        const Table& t = *read.table;
        QCOMPARE(t.column("signup").kind(), ColumnKind::DateTime);
        QVERIFY(t.column("signup").dateOnly());
        QCOMPARE(t.column("signup").seconds()[0], kMarch1st2024);
        QVERIFY(t.column("signup").isMissing(1));
        QCOMPARE(t.column("seen").kind(), ColumnKind::DateTime);
        QCOMPARE(t.column("seen").displayValue(1), std::string("2024-03-02 08:00:00"));
        // Not every value is a date (a 30th of February, a code): text stays.
        QVERIFY(t.column("code").kind() != ColumnKind::DateTime);
        QVERIFY(t.column("when").kind() != ColumnKind::DateTime);
        // With a format, the other way of writing reads too.
        CsvReadOptions dayFirst;
        dayFirst.dateFormat = "%d/%m/%Y";
        const CsvReadResult formatted = readCsvText(text, dayFirst, "dates.csv");
        QCOMPARE(formatted.table->column("when").kind(), ColumnKind::DateTime);
        QCOMPARE(formatted.table->column("when").seconds()[0], kMarch1st2024);
        // Switched off, dates stay categories.
        CsvReadOptions off;
        off.parseDates = false;
        QCOMPARE(readCsvText(text, off, "dates.csv").table->column("signup").kind(),
                 ColumnKind::Categorical);
        // Forced, values that are not dates are missing, with a warning.
        CsvReadOptions forced;
        forced.columnKinds["code"] = ColumnKind::DateTime;
        const CsvReadResult f = readCsvText(text, forced, "dates.csv");
        QCOMPARE(f.table->column("code").kind(), ColumnKind::DateTime);
        QVERIFY(f.table->column("code").isMissing(0));
        QCOMPARE(f.table->column("code").displayValue(2), std::string("2024-01-01"));
        QCOMPARE(f.warnings.size(), std::size_t(1));
        QVERIFY2(f.warnings[0].find("'code'") != std::string::npos &&
                     f.warnings[0].find("2 distinct values are not dates") != std::string::npos,
                 f.warnings[0].c_str());
    }
};

SLUICE_TEST_APPLESS_MAIN(TestDateTime)
#include "test_date_time.moc"
