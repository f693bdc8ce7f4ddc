// transform.concatenate on tables small enough to stack by hand: union and
// intersection of columns, kinds reconciled (categories' levels merged,
// categories with text as text) or refused (numbers with text), the source
// column, optional inputs, roles.
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

TablePtr january() {
    return Table::make({Column::numeric("amount", {10, 20}),
                        Column::categorical("shop", {0, 1}, {"north", "south"}),
                        Column::numeric("units", {1, 2}, ColumnRole::Target)});
}

TablePtr february() {
    return Table::make({Column::categorical("shop", {0, 1, -1}, {"east", "north"}),
                        Column::numeric("amount", {30, kNaN, 50}),
                        Column::text("note", {"late", "", "ok"}, {false, true, false})});
}

NodeRun concat(const PortValues& inputs, const nlohmann::json& params = {}) {
    return sluice::testing::runNode(builtinNodes(), "transform.concatenate", inputs, params);
}

}  // namespace

class TestConcatenateNode : public QObject {
    Q_OBJECT

private slots:
    void unionStacksRowsAndFillsMissingColumns() {
        const NodeRun run = concat({{"table_1", january()}, {"table_2", february()}});
        const TablePtr t = run.table();
        QCOMPARE(columnNames(*t), (QStringList{"amount", "shop", "units", "note"}));
        QCOMPARE(cells(*t, "amount"), (QStringList{"10", "20", "30", "-", "50"}));
        QCOMPARE(cells(*t, "units"), (QStringList{"1", "2", "-", "-", "-"}));
        QCOMPARE(cells(*t, "note"), (QStringList{"-", "-", "late", "-", "ok"}));
        // Categories stay categories, levels in order of first appearance.
        const Column& shop = t->column("shop");
        QCOMPARE(shop.kind(), ColumnKind::Categorical);
        QCOMPARE(shop.levels(), (std::vector<std::string>{"north", "south", "east"}));
        QCOMPARE(cells(*t, "shop"), (QStringList{"north", "south", "east", "north", "-"}));
        QCOMPARE(t->column("units").role(), ColumnRole::Target);  // the first table's role
        QCOMPARE(QString::fromStdString(run.log.at(0)), QString("2 tables, 5 rows, 4 columns"));
    }

    void intersectionKeepsTheSharedColumnsInTheFirstOrder() {
        const TablePtr t =
            concat({{"table_1", january()}, {"table_2", february()}}, {{"columns", "intersection"}})
                .table();
        QCOMPARE(columnNames(*t), (QStringList{"amount", "shop"}));
        QCOMPARE(t->rowCount(), std::size_t(5));
    }

    void sourceColumnAndOptionalInputs() {
        const TablePtr t =
            concat({{"table_1", january()}, {"table_2", february()}, {"table_4", january()}},
                   {{"source_column", "month"}})
                .table();
        QCOMPARE(t->rowCount(), std::size_t(7));
        QCOMPARE(cells(*t, "month"), (QStringList{"1", "1", "2", "2", "2", "4", "4"}));
        QCOMPARE(t->column("month").role(), ColumnRole::Meta);
        // A source column that a table already has is refused by name.
        const std::string clash = nodeError([&] {
            concat({{"table_1", january()}, {"table_2", february()}}, {{"source_column", "shop"}});
        });
        QVERIFY2(clash.find("'shop'") != std::string::npos &&
                     clash.find("source_column") != std::string::npos,
                 clash.c_str());
    }

    void kindsAreReconciledOrRefused() {
        // Categories with text: text.
        const TablePtr words = Table::make({Column::text("shop", {"west"})});
        const TablePtr mixed = concat({{"table_1", january()}, {"table_2", words}}).table();
        QCOMPARE(mixed->column("shop").kind(), ColumnKind::Text);
        QCOMPARE(cells(*mixed, "shop"), (QStringList{"north", "south", "west"}));
        // Numbers with categories: refused, naming the column and both inputs.
        const TablePtr codes = Table::make({Column::categorical("amount", {0}, {"ten"})});
        const std::string refused = nodeError([&] {
            concat({{"table_1", january()}, {"table_2", february()}, {"table_3", codes}});
        });
        QVERIFY2(refused.find("'amount'") != std::string::npos &&
                     refused.find("input 1") != std::string::npos &&
                     refused.find("input 3") != std::string::npos,
                 refused.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestConcatenateNode)
#include "test_concatenate_node.moc"
