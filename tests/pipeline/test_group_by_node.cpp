// transform.group_by on a table small enough to aggregate by hand (the
// answers agree with pandas 1.5's groupby().agg() on the same data):
// every function, sorted and first-appearance order, missing keys dropped
// or kept, no keys, no aggregations, and the refusals.
#include <QtTest>

#include <cmath>

#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::cells;
using sluice::testing::columnNames;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

const double kNaN = std::nan("");

// Groups by city: b (rows 0, 2, 5), a (1, 3), c (6); row 4 has no city.
TablePtr people() {
    return Table::make(
        {Column::categorical("city", {0, 1, 0, 1, -1, 0, 2}, {"b", "a", "c"}),
         Column::numeric("income", {10, 20, 30, kNaN, 5, 50, kNaN}),
         Column::text("name", {"x", "y", "x", "z", "w", "y", ""},
                      {false, false, false, false, false, false, true}, ColumnRole::Feature)});
}

NodeRun groupBy(const TablePtr& t, const nlohmann::json& params) {
    return sluice::testing::runNode(builtinNodes(), "transform.group_by", {{"table", t}}, params);
}

nlohmann::json agg(const std::string& column, const std::string& function,
                   const std::string& name = "") {
    nlohmann::json row = {{"column", column}, {"function", function}};
    if (!name.empty())
        row["name"] = name;
    return row;
}

}  // namespace

class TestGroupByNode : public QObject {
    Q_OBJECT

private slots:
    void numericAggregationsPerGroup() {
        const nlohmann::json aggs = {
            agg("income", "count"), agg("income", "count_missing"), agg("income", "sum"),
            agg("income", "mean"),  agg("income", "median"),        agg("income", "std"),
            agg("income", "var"),   agg("income", "min"),           agg("income", "max")};
        const NodeRun run = groupBy(people(), {{"keys", {"city"}}, {"aggregations", aggs}});
        const TablePtr tTable = run.table();
        const Table& t = *tTable;
        QCOMPARE(columnNames(t),
                 (QStringList{"city", "income_count", "income_count_missing", "income_sum",
                              "income_mean", "income_median", "income_std", "income_var",
                              "income_min", "income_max"}));
        // Sorted by key; the row without a city is dropped.
        QCOMPARE(cells(t, "city"), (QStringList{"a", "b", "c"}));
        QCOMPARE(t.column("city").kind(), ColumnKind::Categorical);
        QCOMPARE(cells(t, "income_count"), (QStringList{"1", "3", "0"}));
        QCOMPARE(cells(t, "income_count_missing"), (QStringList{"1", "0", "1"}));
        QCOMPARE(cells(t, "income_sum"), (QStringList{"20", "90", "0"}));
        QCOMPARE(cells(t, "income_mean"), (QStringList{"20", "30", "-"}));
        QCOMPARE(cells(t, "income_median"), (QStringList{"20", "30", "-"}));
        // b: 10, 30, 50 -> deviations -20, 0, 20 -> 800 / (3 - 1) = 400.
        QCOMPARE(cells(t, "income_var"), (QStringList{"-", "400", "-"}));
        QCOMPARE(cells(t, "income_std"), (QStringList{"-", "20", "-"}));
        QCOMPARE(cells(t, "income_min"), (QStringList{"20", "10", "-"}));
        QCOMPARE(cells(t, "income_max"), (QStringList{"20", "50", "-"}));
        QCOMPARE(QString::fromStdString(run.log.at(0)),
                 QString("3 groups from 7 rows; 1 rows with a missing key dropped"));
    }

    void valuesOfAnyKindKeepTheirKind() {
        const nlohmann::json aggs = {agg("name", "n_unique"), agg("name", "mode"),
                                     agg("name", "first"),    agg("name", "last"),
                                     agg("name", "min"),      agg("name", "max", "latest")};
        const TablePtr tTable =
            groupBy(people(), {{"keys", {"city"}}, {"aggregations", aggs}}).table();
        const Table& t = *tTable;
        QCOMPARE(cells(t, "name_n_unique"), (QStringList{"2", "2", "0"}));
        // a: y and z once each, the tie to the smaller; b: x twice.
        QCOMPARE(cells(t, "name_mode"), (QStringList{"y", "x", "-"}));
        QCOMPARE(cells(t, "name_first"), (QStringList{"y", "x", "-"}));
        QCOMPARE(cells(t, "name_last"), (QStringList{"z", "y", "-"}));
        QCOMPARE(cells(t, "name_min"), (QStringList{"y", "x", "-"}));
        QCOMPARE(cells(t, "latest"), (QStringList{"z", "y", "-"}));
        QCOMPARE(t.column("name_mode").kind(), ColumnKind::Text);
        // A categorical column's mode stays categorical, with its levels.
        const TablePtr byNameTable =
            groupBy(people(), {{"keys", {"name"}}, {"aggregations", {agg("city", "mode")}}})
                .table();
        const Table& byName = *byNameTable;
        QCOMPARE(cells(byName, "name"), (QStringList{"w", "x", "y", "z"}));
        QCOMPARE(byName.column("city_mode").kind(), ColumnKind::Categorical);
        QCOMPARE(cells(byName, "city_mode"), (QStringList{"-", "b", "a", "a"}));
    }

    void evenGroupsTakeTheMiddleTwo() {
        const TablePtr t = Table::make({Column::numeric("k", {1, 1, 1, 1, 2, 2, 2}),
                                        Column::numeric("v", {4, 1, 3, 2, 9, 7, 8})});
        const TablePtr outTable =
            groupBy(t, {{"keys", {"k"}}, {"aggregations", {agg("v", "median")}}}).table();
        const Table& out = *outTable;
        QCOMPARE(cells(out, "v_median"), (QStringList{"2.5", "8"}));
    }

    void orderAndMissingKeys() {
        const nlohmann::json aggs = nlohmann::json::array({agg("income", "sum")});
        const TablePtr appearanceTable =
            groupBy(people(),
                    {{"keys", {"city"}}, {"aggregations", aggs}, {"order", "first appearance"}})
                .table();
        const Table& appearance = *appearanceTable;
        QCOMPARE(cells(appearance, "city"), (QStringList{"b", "a", "c"}));
        QCOMPARE(cells(appearance, "income_sum"), (QStringList{"90", "20", "0"}));
        // Kept, the missing key is a group of its own, sorted last.
        const NodeRun kept = groupBy(
            people(), {{"keys", {"city"}}, {"aggregations", aggs}, {"missing_keys", "keep"}});
        QCOMPARE(cells(*kept.table(), "city"), (QStringList{"a", "b", "c", "-"}));
        QCOMPARE(cells(*kept.table(), "income_sum"), (QStringList{"20", "90", "0", "5"}));
        QCOMPARE(QString::fromStdString(kept.log.at(0)), QString("4 groups from 7 rows"));
    }

    void noKeysOrNoAggregations() {
        // No keys: the whole table is one group.
        const TablePtr wholeTable =
            groupBy(people(), {{"aggregations", {agg("income", "mean"), agg("city", "n_unique")}}})
                .table();
        const Table& whole = *wholeTable;
        QCOMPARE(columnNames(whole), (QStringList{"income_mean", "city_n_unique"}));
        QCOMPARE(cells(whole, "income_mean"), (QStringList{"23"}));  // 115 / 5
        QCOMPARE(cells(whole, "city_n_unique"), (QStringList{"3"}));
        // No aggregations: each group's size.
        const TablePtr sizesTable = groupBy(people(), {{"keys", {"city"}}}).table();
        const Table& sizes = *sizesTable;
        QCOMPARE(columnNames(sizes), (QStringList{"city", "count"}));
        QCOMPARE(cells(sizes, "count"), (QStringList{"2", "3", "1"}));
        // Several keys: numbers compare as numbers (10 after 9).
        const TablePtr t = Table::make(
            {Column::numeric("a", {10, 9, 10, 9}), Column::text("b", {"x", "y", "x", "x"})});
        const TablePtr twoTable = groupBy(t, {{"keys", {"a", "b"}}}).table();
        const Table& two = *twoTable;
        QCOMPARE(cells(two, "a"), (QStringList{"9", "9", "10"}));
        QCOMPARE(cells(two, "b"), (QStringList{"x", "y", "x"}));
        QCOMPARE(cells(two, "count"), (QStringList{"1", "1", "2"}));
    }

    void misuseIsRefusedWithTheRowNamed() {
        std::string why = nodeError([] {
            groupBy(people(), {{"keys", {"city"}}, {"aggregations", {agg("name", "mean")}}});
        });
        QVERIFY2(why.find("row 1") != std::string::npos &&
                     why.find("'name'") != std::string::npos &&
                     why.find("numeric") != std::string::npos,
                 why.c_str());
        why = nodeError([] {
            groupBy(people(),
                    {{"keys", {"city"}}, {"aggregations", {agg("income", "sum", "city")}}});
        });
        QVERIFY2(why.find("'city'") != std::string::npos && why.find("key") != std::string::npos,
                 why.c_str());
        why = nodeError([] {
            groupBy(people(), {{"aggregations", {agg("income", "sum"), agg("income", "sum")}}});
        });
        QVERIFY2(why.find("row 2") != std::string::npos && why.find("row 1") != std::string::npos,
                 why.c_str());
        why = nodeError([] { groupBy(people(), {{"aggregations", {agg("wage", "sum")}}}); });
        QVERIFY2(why.find("'wage'") != std::string::npos && why.find("income") != std::string::npos,
                 why.c_str());
        why = nodeError([] { groupBy(people(), {{"keys", {"town"}}}); });
        QVERIFY2(why.find("'town'") != std::string::npos, why.c_str());
        // A function the node does not have is refused before running.
        const NodeType* type = builtinNodes().find("transform.group_by");
        const auto problems = type->paramProblems({{"aggregations", {agg("income", "average")}}});
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY2(problems.front().find("row 1") != std::string::npos &&
                     problems.front().find("'average'") != std::string::npos,
                 problems.front().c_str());
        QCOMPARE(type->paramProblems({{"aggregations", {{{"colour", "red"}}}}}).size(),
                 std::size_t(1));
    }
};

SLUICE_TEST_GUILESS_MAIN(TestGroupByNode)
#include "test_group_by_node.moc"
