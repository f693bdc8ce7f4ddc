// transform.join on tables small enough to join by hand: every kind of
// join, keys of other names, several keys, categorical keys whose levels
// differ, missing keys (never a match, as in SQL), suffixes, many-to-many
// counts in the log, and refusals that name the parameter and columns.
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

// customers: id 1 ana (north), 2 ben (south), 3 cy (missing region), NaN dee.
TablePtr customers() {
    return Table::make({Column::numeric("id", {1, 2, 3, kNaN}),
                        Column::categorical("name", {0, 1, 2, 3}, {"ana", "ben", "cy", "dee"}),
                        Column::categorical("region", {0, 1, -1, 0}, {"north", "south"})});
}

// orders: two of ana's, one of cy's, one of a customer 9 nobody knows, one
// without a customer.
TablePtr orders() {
    return Table::make({Column::numeric("customer", {1, 3, 1, 9, kNaN}),
                        Column::numeric("amount", {10, 30, 11, 90, 50}),
                        Column::categorical("region", {0, 0, 0, 1, 1}, {"north", "east"})});
}

NodeRun join(const TablePtr& left, const TablePtr& right, nlohmann::json params) {
    return sluice::testing::runNode(builtinNodes(), "transform.join",
                                    {{"left", left}, {"right", right}}, params);
}

}  // namespace

class TestJoinNode : public QObject {
    Q_OBJECT

private slots:
    void innerKeepsMatchingPairsInLeftOrder() {
        const NodeRun run =
            join(customers(), orders(), {{"left_keys", {"id"}}, {"right_keys", {"customer"}}});
        const Table& t = *run.table();
        // ana has two orders (right order: 10, 11), cy one; ben, dee, 9 and
        // the order without a customer have no partner.
        QCOMPARE(cells(t, "id"), (QStringList{"1", "1", "3"}));
        QCOMPARE(cells(t, "customer"), (QStringList{"1", "1", "3"}));  // other name: kept
        QCOMPARE(cells(t, "amount"), (QStringList{"10", "11", "30"}));
        // Both tables have "region": suffixed, as pandas does.
        QCOMPARE(columnNames(t),
                 (QStringList{"id", "name", "region_x", "customer", "amount", "region_y"}));
        QCOMPARE(cells(t, "region_x"), (QStringList{"north", "north", "-"}));
        QCOMPARE(cells(t, "region_y"), (QStringList{"north", "north", "north"}));
        QCOMPARE(run.log.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(run.log[0]),
                 QString("2 of 4 left rows and 3 of 5 right rows matched; 3 rows"));
    }

    void leftRightAndOuterKeepTheirUnmatchedRows() {
        const nlohmann::json keys = {{"left_keys", {"id"}}, {"right_keys", {"customer"}}};
        nlohmann::json left = keys, right = keys, outer = keys;
        left["how"] = "left";
        right["how"] = "right";
        outer["how"] = "outer";
        const TablePtr lTable = join(customers(), orders(), left).table();
        const Table& l = *lTable;
        QCOMPARE(cells(l, "name"), (QStringList{"ana", "ana", "ben", "cy", "dee"}));
        QCOMPARE(cells(l, "amount"), (QStringList{"10", "11", "-", "30", "-"}));
        // A right join follows the right table: 9 and the keyless order stay.
        const TablePtr rTable = join(customers(), orders(), right).table();
        const Table& r = *rTable;
        QCOMPARE(cells(r, "amount"), (QStringList{"10", "30", "11", "90", "50"}));
        QCOMPARE(cells(r, "name"), (QStringList{"ana", "cy", "ana", "-", "-"}));
        // Outer: the left join, then the unmatched right rows in their order.
        const TablePtr oTable = join(customers(), orders(), outer).table();
        const Table& o = *oTable;
        QCOMPARE(cells(o, "name"), (QStringList{"ana", "ana", "ben", "cy", "dee", "-", "-"}));
        QCOMPARE(cells(o, "customer"), (QStringList{"1", "1", "-", "3", "-", "9", "-"}));
    }

    void semiAndAntiFilterTheLeftTable() {
        nlohmann::json p = {{"left_keys", {"id"}}, {"right_keys", {"customer"}}, {"how", "semi"}};
        const TablePtr semiTable = join(customers(), orders(), p).table();
        const Table& semi = *semiTable;
        QCOMPARE(columnNames(semi), (QStringList{"id", "name", "region"}));
        QCOMPARE(cells(semi, "name"), (QStringList{"ana", "cy"}));  // ana once, not twice
        p["how"] = "anti";
        const TablePtr antiTable = join(customers(), orders(), p).table();
        const Table& anti = *antiTable;
        QCOMPARE(cells(anti, "name"), (QStringList{"ben", "dee"}));  // dee's key is missing
    }

    // A key named alike on both sides is one column; in an outer join it
    // is filled from the right row where there is no left one.
    void sameNamedKeysMerge() {
        const TablePtr prices =
            Table::make({Column::numeric("id", {3, 5}), Column::numeric("price", {7.5, 9.0})});
        const NodeRun run = join(customers(), prices, {{"left_keys", {"id"}}, {"how", "outer"}});
        const Table& t = *run.table();
        QCOMPARE(columnNames(t), (QStringList{"id", "name", "region", "price"}));
        QCOMPARE(cells(t, "id"), (QStringList{"1", "2", "3", "-", "5"}));
        QCOMPARE(cells(t, "price"), (QStringList{"-", "-", "7.5", "-", "9"}));
    }

    // Categorical keys match by their text, whatever their level lists;
    // several keys must all agree.
    void categoricalKeysWithOtherLevelsAndSeveralKeys() {
        const TablePtr targets =
            Table::make({Column::categorical("region", {0, 1, 2}, {"east", "south", "north"}),
                         Column::numeric("goal", {100, 200, 300})});
        const TablePtr tTable = join(customers(), targets, {{"left_keys", {"region"}}}).table();
        const Table& t = *tTable;
        QCOMPARE(cells(t, "name"), (QStringList{"ana", "ben", "dee"}));  // cy's region missing
        QCOMPARE(cells(t, "goal"), (QStringList{"300", "200", "300"}));

        const TablePtr pairs =
            Table::make({Column::numeric("id", {1, 1, 2}),
                         Column::categorical("region", {0, 1, 0}, {"north", "south"}),
                         Column::text("note", {"a", "b", "c"})});
        const TablePtr bothTable =
            join(customers(), pairs, {{"left_keys", {"id", "region"}}}).table();
        const Table& both = *bothTable;
        QCOMPARE(cells(both, "note"), (QStringList{"a"}));  // (1, north) only
    }

    void manyToManyIsCounted() {
        const TablePtr a =
            Table::make({Column::numeric("k", {1, 1, 2}), Column::numeric("x", {1, 2, 3})});
        const TablePtr b =
            Table::make({Column::numeric("k", {1, 1, 1}), Column::numeric("y", {4, 5, 6})});
        const NodeRun run = join(a, b, {{"left_keys", {"k"}}});
        QCOMPARE(run.table()->rowCount(), std::size_t(6));  // 2 x 3
        QCOMPARE(QString::fromStdString(run.log[0]),
                 QString("2 of 3 left rows and 3 of 3 right rows matched; 6 rows; many-to-many "
                         "keys made 6 of them"));
    }

    void mistakesAreNamed() {
        const TablePtr a = customers(), b = orders();
        QVERIFY(nodeError([&] { join(a, b, {}); }).find("left_keys") != std::string::npos);
        QVERIFY(nodeError([&] {
                    join(a, b, {{"left_keys", {"nope"}}});
                }).find("'nope'") != std::string::npos);
        const std::string count = nodeError([&] {
            join(a, b, {{"left_keys", {"id"}}, {"right_keys", {"customer", "amount"}}});
        });
        QVERIFY2(count.find("2 right keys for 1 left keys") != std::string::npos, count.c_str());
        // A number never equals a text: refused, both columns named.
        const std::string kinds = nodeError([&] {
            join(a, b, {{"left_keys", {"name"}}, {"right_keys", {"amount"}}});
        });
        QVERIFY2(kinds.find("'name'") != std::string::npos &&
                     kinds.find("'amount'") != std::string::npos,
                 kinds.c_str());
        // Suffixes that make two columns alike.
        const std::string clash = nodeError([&] {
            join(a, b,
                 {{"left_keys", {"id"}},
                  {"right_keys", {"customer"}},
                  {"left_suffix", ""},
                  {"right_suffix", ""}});
        });
        QVERIFY2(clash.find("'region'") != std::string::npos, clash.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestJoinNode)
#include "test_join_node.moc"
