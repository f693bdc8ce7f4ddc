// Dates through the nodes: transform.date_parts (parts checked against
// Python's datetime and pandas' .dt), Formula's date functions, Select rows,
// Sort rows, Group by and Join on dates, Edit columns to and from datetime,
// and a learner refusing a raw datetime feature with the way out named.
#include <QtTest>

#include <cmath>

#include "data/date_time.h"
#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::cells;
using sluice::testing::columnNames;
using sluice::testing::nodeError;

namespace {

double at(const char* iso) {
    return parseIsoDateTime(iso).value();
}

// 2024-03-01 was a Friday, 2024-03-02 a Saturday, 2023-12-31 a Sunday.
TablePtr orders() {
    return Table::make(
        {Column::numeric("id", {1, 2, 3, 4}),
         Column::dateTime("placed", {at("2024-03-01 14:30:00"), at("2024-03-02 08:05:00"),
                                     std::nan(""), at("2023-12-31 23:59:00")}),
         Column::dateTime("shipped",
                          {at("2024-03-04"), at("2024-03-02"), at("2024-01-05"), at("2024-01-02")}),
         Column::numeric("amount", {10, 20, 30, 40}, ColumnRole::Target)});
}

sluice::testing::NodeRun run(const std::string& id, const TablePtr& t,
                             const nlohmann::json& params) {
    return sluice::testing::runNode(builtinNodes(), id, {{"table", t}}, params);
}

QStringList formula(const std::string& expression) {
    const TablePtr out = run("transform.formula", orders(),
                             {{"formulas", {{{"name", "out"}, {"expression", expression}}}}})
                             .table();
    return cells(*out, "out");
}

}  // namespace

class TestDatePartsNode : public QObject {
    Q_OBJECT

private slots:
    void partsOfEachDate() {
        nlohmann::json all = {{"columns", {"placed"}}};
        for (const char* part : {"year", "quarter", "month", "day", "weekday", "day_of_year",
                                 "hour", "minute", "is_weekend", "epoch"})
            all[part] = true;
        const TablePtr t = run("transform.date_parts", orders(), all).table();
        QCOMPARE(
            columnNames(*t),
            (QStringList{"id", "placed_year", "placed_quarter", "placed_month", "placed_day",
                         "placed_weekday", "placed_day_of_year", "placed_hour", "placed_minute",
                         "placed_is_weekend", "placed_epoch", "shipped", "amount"}));
        QCOMPARE(cells(*t, "placed_year"), (QStringList{"2024", "2024", "-", "2023"}));
        QCOMPARE(cells(*t, "placed_quarter"), (QStringList{"1", "1", "-", "4"}));
        QCOMPARE(cells(*t, "placed_day"), (QStringList{"1", "2", "-", "31"}));
        QCOMPARE(cells(*t, "placed_weekday"), (QStringList{"4", "5", "-", "6"}));
        QCOMPARE(cells(*t, "placed_day_of_year"), (QStringList{"61", "62", "-", "365"}));
        QCOMPARE(cells(*t, "placed_hour"), (QStringList{"14", "8", "-", "23"}));
        QCOMPARE(cells(*t, "placed_minute"), (QStringList{"30", "5", "-", "59"}));
        QCOMPARE(cells(*t, "placed_is_weekend"), (QStringList{"0", "1", "-", "1"}));
        QCOMPARE(cells(*t, "placed_epoch"),
                 (QStringList{"1709303400", "1709366700", "-", "1704067140"}));
        // Defaults: every datetime feature, year month day weekday, the column gone;
        // kept, it turns meta.
        const TablePtr d = run("transform.date_parts", orders(), {{"keep_original", true}}).table();
        QCOMPARE(columnNames(*d),
                 (QStringList{"id", "placed", "placed_year", "placed_month", "placed_day",
                              "placed_weekday", "shipped", "shipped_year", "shipped_month",
                              "shipped_day", "shipped_weekday", "amount"}));
        QCOMPARE(d->column("placed").role(), ColumnRole::Meta);
    }

    void refusals() {
        std::string why = nodeError([] {
            run("transform.date_parts", orders(), {{"columns", {"amount"}}});
        });
        QVERIFY2(why.find("'amount'") != std::string::npos &&
                     why.find("not datetime") != std::string::npos,
                 why.c_str());
        const TablePtr clash =
            Table::make({Column::dateTime("d", {0}), Column::numeric("d_year", {1})});
        why = nodeError([&] { run("transform.date_parts", clash, {}); });
        QVERIFY2(why.find("'d_year'") != std::string::npos, why.c_str());
        // A learner names the column and the node that helps.
        why = nodeError([] {
            sluice::testing::runNode(builtinNodes(), "train.linear_regression",
                                     {{"train", orders()}}, {{"target", "amount"}});
        });
        QVERIFY2(why.find("'placed'") != std::string::npos &&
                     why.find("Date parts") != std::string::npos,
                 why.c_str());
    }

    void formulaDateFunctions() {
        QCOMPARE(
            formula("days_between(placed, shipped)"),
            (QStringList{"2.3958333333333335", "-0.3368055555555556", "-", "1.0006944444444446"}));
        QCOMPARE(formula("round(days_between(date('2024-01-01'), shipped))"),
                 (QStringList{"63", "61", "4", "1"}));
        QCOMPARE(formula("seconds_between(shipped, add_days(shipped, 1))"),
                 (QStringList{"86400", "86400", "86400", "86400"}));
        QCOMPARE(formula("add_days(shipped, 30)"),
                 (QStringList{"2024-04-03", "2024-04-01", "2024-02-04", "2024-02-01"}));
        QCOMPARE(formula("year(placed) * 100 + month(placed)"),
                 (QStringList{"202403", "202403", "-", "202312"}));
        QCOMPARE(formula("placed >= '2024-01-01'"), (QStringList{"1", "1", "-", "0"}));
        QCOMPARE(formula("text(shipped)"),
                 (QStringList{"2024-03-04", "2024-03-02", "2024-01-05", "2024-01-02"}));
        QCOMPARE(formula("date('05.01.2024', '%d.%m.%Y') == shipped"),
                 (QStringList{"0", "0", "1", "0"}));
        const TablePtr t =
            run("transform.formula", orders(),
                {{"formulas", {{{"name", "due"}, {"expression", "add_days(placed, 2)"}}}}})
                .table();
        QCOMPARE(t->column("due").kind(), ColumnKind::DateTime);
        // Arithmetic on dates and mixed comparisons are refused, with the way out.
        std::string why = nodeError([] { formula("shipped - placed"); });
        QVERIFY2(why.find("days_between") != std::string::npos, why.c_str());
        why = nodeError([] { formula("shipped > 3"); });
        QVERIFY2(why.find("date and number") != std::string::npos, why.c_str());
        why = nodeError([] { formula("placed > 'soon'"); });
        QVERIFY2(why.find("'soon' is not a date") != std::string::npos, why.c_str());
        why = nodeError([] { formula("year(amount)"); });
        QVERIFY2(why.find("year() needs a date") != std::string::npos, why.c_str());
    }

    void otherNodesTakeDates() {
        // Select rows: a date in ISO form.
        TablePtr t = run("transform.select_rows", orders(),
                         {{"conditions",
                           {{{"column", "placed"}, {"operator", ">="}, {"value", "2024-03-02"}}}}})
                         .table();
        QCOMPARE(cells(*t, "id"), (QStringList{"2"}));
        std::string why = nodeError([] {
            run("transform.select_rows", orders(),
                {{"conditions", {{{"column", "placed"}, {"operator", ">"}, {"value", "March"}}}}});
        });
        QVERIFY2(why.find("not a date") != std::string::npos, why.c_str());
        // Sort rows: by time, missing last.
        t = run("transform.sort_rows", orders(), {{"columns", {"placed"}}}).table();
        QCOMPARE(cells(*t, "id"), (QStringList{"4", "1", "2", "3"}));
        // Group by a date: groups sorted by date, the latest placed kept a date.
        t = run("transform.group_by", orders(),
                {{"keys", {"shipped"}},
                 {"aggregations", {{{"column", "placed"}, {"function", "max"}}}}})
                .table();
        QCOMPARE(cells(*t, "shipped"),
                 (QStringList{"2024-01-02", "2024-01-05", "2024-03-02", "2024-03-04"}));
        QCOMPARE(t->column("placed_max").kind(), ColumnKind::DateTime);
        QCOMPARE(cells(*t, "placed_max"),
                 (QStringList{"2023-12-31 23:59:00", "-", "2024-03-02 08:05:00",
                              "2024-03-01 14:30:00"}));
        // Edit columns: to text and back, and to seconds.
        t = run("transform.edit_columns", orders(),
                {{"edits", {{{"column", "shipped"}, {"kind", "text"}}}}})
                .table();
        QCOMPARE(t->column("shipped").kind(), ColumnKind::Text);
        t = run("transform.edit_columns", t,
                {{"edits",
                  {{{"column", "shipped"}, {"kind", "datetime"}},
                   {{"column", "placed"}, {"kind", "numeric"}}}}})
                .table();
        QCOMPARE(t->column("shipped").kind(), ColumnKind::DateTime);
        QCOMPARE(cells(*t, "shipped").at(0), QString("2024-03-04"));
        QCOMPARE(cells(*t, "placed").at(0), QString("1709303400"));
    }
};

SLUICE_TEST_GUILESS_MAIN(TestDatePartsNode)
#include "test_date_parts_node.moc"
