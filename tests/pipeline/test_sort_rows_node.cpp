// transform.sort_rows on tables small enough to sort by hand: one and two
// keys, both orders, missing values last in both, ties in input order,
// categories and text by their shown text, bad column names, and the
// node's Python translation.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "export/python_export.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::testing;

namespace {

const double NaN = std::nan("");

// id 0..5; x with a tie (2) and a missing value; g categorical; s text.
TablePtr six() {
    return Table::make({Column::numeric("id", {0, 1, 2, 3, 4, 5}, ColumnRole::Meta),
                        Column::numeric("x", {3, NaN, 2, 5, 2, 1}),
                        Column::categorical("g", {1, 0, 1, -1, 0, 0}, {"b", "a"}),
                        Column::text("s", {"pear", "Apple", "fig", "", "apple", "kiwi"})});
}

std::vector<double> sortedIds(const nlohmann::json& params) {
    const auto out = runNode(builtinNodes(), "transform.sort_rows", {{"table", six()}}, params);
    return numbers(*out.table(), "id");
}

}  // namespace

class TestSortRowsNode : public QObject {
    Q_OBJECT

private slots:
    void ascendingPutsMissingLastAndKeepsTiesInOrder() {
        // x: 1 (id 5), 2 (ids 2, 4 in input order), 3 (id 0), 5 (id 3), missing (id
        // 1)
        QCOMPARE(sortedIds({{"columns", {"x"}}}), (std::vector<double>{5, 2, 4, 0, 3, 1}));
    }

    void descendingStillPutsMissingLast() {
        QCOMPARE(sortedIds({{"columns", {"x"}}, {"order", "descending"}}),
                 (std::vector<double>{3, 0, 2, 4, 5, 1}));
    }

    void laterColumnsBreakTies() {
        // g by label (levels are listed b, a; codes would sort b first): a holds
        // ids 0 (x 3) and 2 (x 2); b holds ids 1 (x missing), 4 (x 2) and 5 (x 1);
        // id 3 has no g.
        QCOMPARE(sortedIds({{"columns", {"g", "x"}}}), (std::vector<double>{2, 0, 5, 4, 1, 3}));
    }

    void textSortsByBytesWithCapitalsFirst() {
        // "" is a present empty text here, so it comes first.
        QCOMPARE(sortedIds({{"columns", {"s"}}}), (std::vector<double>{3, 1, 4, 2, 5, 0}));
    }

    void noColumnsOrSortedInputSharesTheTable() {
        const TablePtr in = six();
        const auto none = runNode(builtinNodes(), "transform.sort_rows", {{"table", in}},
                                  {{"columns", nlohmann::json::array()}});
        QCOMPARE(none.table().get(), in.get());
        const auto byId =
            runNode(builtinNodes(), "transform.sort_rows", {{"table", in}}, {{"columns", {"id"}}});
        QCOMPARE(byId.table().get(), in.get());
    }

    void unknownColumnIsNamed() {
        const std::string error = nodeError([] { sortedIds({{"columns", {"x", "nope"}}}); });
        QVERIFY2(error.find("parameter 'columns'") != std::string::npos &&
                     error.find("'nope'") != std::string::npos,
                 error.c_str());
    }

    void exportsAsAStableSortValues() {
        Graph g;
        GraphNode source{.id = "in", .type = "data.example_dataset", .title = "Iris"};
        GraphNode sort{.id = "s", .type = "transform.sort_rows", .title = "Sort"};
        sort.params = {{"columns", {"species", "sepal_length"}}, {"order", "descending"}};
        g.addNode(source);
        g.addNode(sort);
        g.addEdge({{"in", "table"}, {"s", "table"}});
        const std::string script = exportPython(g, {});
        QVERIFY2(script.find("s_table = in_table.derive(in_table.df.sort_values([\"species\", "
                             "\"sepal_length\"], ascending=False, kind=\"stable\", "
                             "na_position=\"last\"))") != std::string::npos,
                 script.c_str());
    }

    void randomTablesSortAsAComparisonWould() {
        // Sorting key after key (the node's way) must give exactly the
        // order of one stable sort comparing every key in turn, missing
        // values last, for every kind of key and both orders.
        std::mt19937 rng(1807);
        for (int trial = 0; trial < 60; ++trial) {
            const std::size_t n = 1 + rng() % 200;
            std::vector<double> number(n), date(n);
            std::vector<std::int32_t> code(n);
            std::vector<std::string> text(n);
            std::vector<bool> textMissing(n);
            for (std::size_t r = 0; r < n; ++r) {
                number[r] = rng() % 7 == 0 ? std::nan("") : double(rng() % 5);
                date[r] = rng() % 9 == 0 ? std::nan("") : 86400.0 * (rng() % 4);
                code[r] = std::int32_t(rng() % 4) - 1;
                text[r] = std::string(1, char('a' + rng() % 3));
                textMissing[r] = rng() % 8 == 0;
            }
            const TablePtr t =
                Table::make({Column::numeric("n", number), Column::dateTime("d", date),
                             Column::categorical("c", code, {"z", "b", "m"}),
                             Column::text("t", text, textMissing, ColumnRole::Feature),
                             Column::numeric("row", [&] {
                                 std::vector<double> v(n);
                                 std::iota(v.begin(), v.end(), 0.0);
                                 return v;
                             }())});
            std::vector<std::string> names = {"n", "d", "c", "t"};
            std::shuffle(names.begin(), names.end(), rng);
            names.resize(1 + rng() % 4);
            const bool descending = rng() % 2;
            // The expected order: a row's key as (missing, text or number) per column.
            auto value = [&](const std::string& name,
                             std::size_t r) -> std::pair<bool, std::string> {
                const Column& c = t->column(name);
                if (c.isMissing(r))
                    return {true, ""};
                if (c.holdsDoubles()) {
                    char buffer[32];
                    std::snprintf(buffer, sizeof buffer, "%020.3f", c.doubles()[r] + 1e9);
                    return {false, buffer};
                }
                return {false, c.displayValue(r)};
            };
            std::vector<std::size_t> expected(n);
            std::iota(expected.begin(), expected.end(), std::size_t{0});
            std::stable_sort(expected.begin(), expected.end(), [&](std::size_t a, std::size_t b) {
                for (const std::string& name : names) {
                    const auto x = value(name, a), y = value(name, b);
                    if (x.first || y.first) {
                        if (x.first != y.first)
                            return y.first;
                        continue;
                    }
                    if (x.second != y.second)
                        return descending ? x.second > y.second : x.second < y.second;
                }
                return false;
            });
            const auto out =
                runNode(builtinNodes(), "transform.sort_rows", {{"table", t}},
                        {{"columns", names}, {"order", descending ? "descending" : "ascending"}});
            const auto got = out.table()->column("row").numbers();
            for (std::size_t r = 0; r < n; ++r)
                QCOMPARE(std::size_t(got[r]), expected[r]);
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestSortRowsNode)
#include "test_sort_rows_node.moc"
