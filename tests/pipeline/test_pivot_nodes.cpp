// transform.pivot and transform.unpivot on tables reshaped by hand (the
// answers agree with pandas 1.5's pivot_table and melt on the same data):
// aggregation per cell, fill, prefix, sorted rows and columns, missing keys
// left out; melt's row order, kinds of the value column, drop missing; and
// the refusals.
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

// Sales by shop and year; the north shop has two 2021 rows, south none in
// 2022, and one row has no year.
TablePtr sales() {
    return Table::make({Column::text("shop", {"north", "north", "south", "north", "south"}, {},
                                     ColumnRole::Feature),
                        Column::numeric("year", {2021, 2022, 2021, 2021, kNaN}),
                        Column::numeric("amount", {10, 5, 7, 20, 100})});
}

NodeRun run(const std::string& id, const TablePtr& t, const nlohmann::json& params) {
    return sluice::testing::runNode(builtinNodes(), id, {{"table", t}}, params);
}

}  // namespace

class TestPivotNodes : public QObject {
    Q_OBJECT

private slots:
    void pivotAggregatesEachCell() {
        const NodeRun mean = run("transform.pivot", sales(),
                                 {{"index", {"shop"}}, {"columns", "year"}, {"values", "amount"}});
        const TablePtr tTable = mean.table();
        const Table& t = *tTable;
        QCOMPARE(columnNames(t), (QStringList{"shop", "2021", "2022"}));
        QCOMPARE(cells(t, "shop"), (QStringList{"north", "south"}));
        QCOMPARE(cells(t, "2021"), (QStringList{"15", "7"}));  // (10 + 20) / 2
        QCOMPARE(cells(t, "2022"), (QStringList{"5", "-"}));
        QCOMPARE(QString::fromStdString(mean.log.at(0)),
                 QString("2 rows by 2 columns; 1 rows with a missing index or column value left "
                         "out"));
        const TablePtr sumTable = run("transform.pivot", sales(),
                                      {{"index", {"shop"}},
                                       {"columns", "year"},
                                       {"values", "amount"},
                                       {"aggregation", "sum"},
                                       {"prefix", "sales_"}})
                                      .table();
        const Table& sum = *sumTable;
        QCOMPARE(columnNames(sum), (QStringList{"shop", "sales_2021", "sales_2022"}));
        QCOMPARE(cells(sum, "sales_2021"), (QStringList{"30", "7"}));
        QCOMPARE(cells(sum, "sales_2022"), (QStringList{"5", "0"}));  // a sum of nothing
        const TablePtr filledTable = run("transform.pivot", sales(),
                                         {{"index", {"shop"}},
                                          {"columns", "year"},
                                          {"values", "amount"},
                                          {"aggregation", "max"},
                                          {"fill", "-1"}})
                                         .table();
        const Table& filled = *filledTable;
        QCOMPARE(cells(filled, "2021"), (QStringList{"20", "7"}));
        QCOMPARE(cells(filled, "2022"), (QStringList{"5", "-1"}));
        // Text cells take a text fill; columns sorted by value.
        const TablePtr shopsTable = run("transform.pivot", sales(),
                                        {{"index", {"year"}},
                                         {"columns", "shop"},
                                         {"values", "shop"},
                                         {"aggregation", "first"},
                                         {"fill", "none"}})
                                        .table();
        const Table& shops = *shopsTable;
        QCOMPARE(columnNames(shops), (QStringList{"year", "north", "south"}));
        QCOMPARE(cells(shops, "year"), (QStringList{"2021", "2022"}));
        QCOMPARE(cells(shops, "south"), (QStringList{"south", "none"}));
    }

    void pivotRefusals() {
        std::string why = nodeError([] {
            run("transform.pivot", sales(),
                {{"index", {"year"}}, {"columns", "shop"}, {"values", "shop"}});
        });
        QVERIFY2(why.find("mean") != std::string::npos && why.find("'shop'") != std::string::npos,
                 why.c_str());
        why = nodeError([] {
            run("transform.pivot", sales(),
                {{"index", {"shop"}}, {"columns", "year"}, {"values", "amount"}, {"fill", "n/a"}});
        });
        QVERIFY2(why.find("'fill'") != std::string::npos && why.find("n/a") != std::string::npos,
                 why.c_str());
        // A value that would name a column like an index column.
        const TablePtr clash = Table::make({Column::text("k", {"a", "b"}, {}, ColumnRole::Feature),
                                            Column::text("c", {"k", "x"}, {}, ColumnRole::Feature),
                                            Column::numeric("v", {1, 2})});
        why = nodeError([&] {
            run("transform.pivot", clash, {{"index", {"k"}}, {"columns", "c"}, {"values", "v"}});
        });
        QVERIFY2(why.find("'k'") != std::string::npos && why.find("prefix") != std::string::npos,
                 why.c_str());
        why = nodeError([] {
            run("transform.pivot", sales(), {{"columns", "colour"}, {"values", "amount"}});
        });
        QVERIFY2(why.find("'colour'") != std::string::npos, why.c_str());
    }

    void unpivotMeltsInMeltsOrder() {
        const TablePtr wide =
            Table::make({Column::text("id", {"a", "b"}, {}, ColumnRole::Feature),
                         Column::numeric("q1", {1, kNaN}), Column::numeric("q2", {3, 4})});
        const NodeRun melted = run("transform.unpivot", wide, {{"id_columns", {"id"}}});
        const TablePtr tTable = melted.table();
        const Table& t = *tTable;
        QCOMPARE(columnNames(t), (QStringList{"id", "variable", "value"}));
        QCOMPARE(cells(t, "id"), (QStringList{"a", "b", "a", "b"}));
        QCOMPARE(cells(t, "variable"), (QStringList{"q1", "q1", "q2", "q2"}));
        QCOMPARE(t.column("variable").kind(), ColumnKind::Categorical);
        QCOMPARE(cells(t, "value"), (QStringList{"1", "-", "3", "4"}));
        QCOMPARE(t.column("value").kind(), ColumnKind::Numeric);
        const TablePtr droppedTable = run("transform.unpivot", wide,
                                          {{"id_columns", {"id"}},
                                           {"value_columns", {"q2", "q1"}},
                                           {"name_column", "quarter"},
                                           {"value_column", "score"},
                                           {"drop_missing", true}})
                                          .table();
        const Table& dropped = *droppedTable;
        QCOMPARE(cells(dropped, "quarter"), (QStringList{"q2", "q2", "q1"}));
        QCOMPARE(cells(dropped, "score"), (QStringList{"3", "4", "1"}));
    }

    void unpivotReconcilesKinds() {
        const TablePtr t = Table::make({Column::categorical("x", {0, 1}, {"lo", "hi"}),
                                        Column::categorical("y", {0, -1}, {"hi", "mid"})});
        const TablePtr catsTable = run("transform.unpivot", t, {}).table();
        const Table& cats = *catsTable;
        QCOMPARE(cats.column("value").kind(), ColumnKind::Categorical);
        QCOMPARE(cells(cats, "value"), (QStringList{"lo", "hi", "hi", "-"}));
        QCOMPARE(cats.column("value").levels(), (std::vector<std::string>{"lo", "hi", "mid"}));
        const TablePtr mixed = Table::make(
            {Column::categorical("x", {0, 1}, {"lo", "hi"}), Column::numeric("y", {2.5, kNaN})});
        const TablePtr textsTable = run("transform.unpivot", mixed, {}).table();
        const Table& texts = *textsTable;
        QCOMPARE(texts.column("value").kind(), ColumnKind::Text);
        QCOMPARE(cells(texts, "value"), (QStringList{"lo", "hi", "2.5", "-"}));
    }

    void unpivotRefusals() {
        const TablePtr t = Table::make({Column::numeric("id", {1}), Column::numeric("v", {2})});
        std::string why = nodeError([&] {
            run("transform.unpivot", t, {{"id_columns", {"id"}}, {"value_column", "id"}});
        });
        QVERIFY2(
            why.find("'id'") != std::string::npos && why.find("id column") != std::string::npos,
            why.c_str());
        why = nodeError([&] { run("transform.unpivot", t, {{"id_columns", {"id", "v"}}}); });
        QVERIFY2(why.find("no column") != std::string::npos, why.c_str());
        why = nodeError([&] { run("transform.unpivot", t, {{"value_columns", {"v", "v"}}}); });
        QVERIFY2(why.find("'v' is named twice") != std::string::npos, why.c_str());
        why = nodeError([&] { run("transform.unpivot", t, {{"value_columns", {"w"}}}); });
        QVERIFY2(why.find("'w'") != std::string::npos, why.c_str());
        why = nodeError([&] {
            run("transform.unpivot", t, {{"name_column", "same"}, {"value_column", "same"}});
        });
        QVERIFY2(why.find("'same'") != std::string::npos, why.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestPivotNodes)
#include "test_pivot_nodes.moc"
