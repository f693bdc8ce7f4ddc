// transform.remove_duplicates on a table small enough to check by hand:
// whole rows or chosen columns, keep first, last or none, missing equal to
// missing (as pandas), categories of other level lists, input order kept.
#include <QtTest>

#include <cmath>

#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

const double kNaN = std::nan("");

// Rows 0 and 3 are whole duplicates; 1 and 4 agree on shop only; 2 and 5
// agree everywhere through missing values.
TablePtr sales() {
    return Table::make({Column::categorical("shop", {0, 1, -1, 0, 1, -1}, {"north", "south"}),
                        Column::numeric("amount", {10, 20, kNaN, 10, 25, kNaN}),
                        Column::numeric("row", {0, 1, 2, 3, 4, 5}, ColumnRole::Meta)});
}

NodeRun dedupe(const TablePtr& t, const nlohmann::json& params) {
    return sluice::testing::runNode(builtinNodes(), "transform.remove_duplicates", {{"table", t}},
                                    params);
}

QStringList rowsOf(const Table& t) {
    QStringList out;
    for (std::size_t r = 0; r < t.rowCount(); ++r)
        out << QString::fromStdString(t.column("row").displayValue(r));
    return out;
}

}  // namespace

class TestRemoveDuplicatesNode : public QObject {
    Q_OBJECT

private slots:
    void chosenColumnsAndKeepRules() {
        const nlohmann::json cols = {"shop", "amount"};
        const NodeRun first = dedupe(sales(), {{"columns", cols}});
        QCOMPARE(rowsOf(*first.table()), (QStringList{"0", "1", "2", "4"}));
        QCOMPARE(QString::fromStdString(first.log.at(0)), QString("removed 2 of 6 rows"));
        const NodeRun last = dedupe(sales(), {{"columns", cols}, {"keep", "last"}});
        QCOMPARE(rowsOf(*last.table()), (QStringList{"1", "3", "4", "5"}));
        const NodeRun none = dedupe(sales(), {{"columns", cols}, {"keep", "none"}});
        QCOMPARE(rowsOf(*none.table()), (QStringList{"1", "4"}));
        // By shop alone: north (0, 3), south (1, 4), missing (2, 5).
        QCOMPARE(rowsOf(*dedupe(sales(), {{"columns", {"shop"}}}).table()),
                 (QStringList{"0", "1", "2"}));
    }

    void wholeRowsByDefaultAndNothingToRemove() {
        // The row number differs everywhere: no whole-row duplicates.
        const TablePtr input = sales();
        const NodeRun run = dedupe(input, {});
        QCOMPARE(run.table(), input);  // nothing removed: the same table
        QCOMPARE(QString::fromStdString(run.log.at(0)), QString("removed 0 of 6 rows"));
        // Categories compare by text, whatever their level lists.
        const TablePtr t = Table::make(
            {Column::categorical("c", {0, 1, 1}, {"a", "b"}), Column::text("d", {"b", "b", "a"})});
        QCOMPARE(dedupe(t, {{"columns", {"c"}}}).table()->rowCount(), std::size_t(2));
        QCOMPARE(dedupe(t, {}).table()->rowCount(), std::size_t(3));
    }

    void anUnknownColumnIsNamed() {
        const std::string why = nodeError([] { dedupe(sales(), {{"columns", {"price"}}}); });
        QVERIFY2(
            why.find("'price'") != std::string::npos && why.find("columns") != std::string::npos,
            why.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestRemoveDuplicatesNode)
#include "test_remove_duplicates_node.moc"
