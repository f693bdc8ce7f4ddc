// transform.discretize: edges checked by hand on 1..10, and on iris'
// sepal length the bins scikit-learn 1.2's KBinsDiscretizer(n_bins=4,
// encode="ordinal") makes (quantile: edges 4.3 5.1 5.8 6.4 7.9, counts
// 32 41 35 42; uniform: edges 4.3 5.2 6.1 7.0 7.9, counts 41 48 48 13).
// Learnt on train only, applied to apply; refusals name the parameter.
#include <QtTest>

#include <cmath>

#include "node_test_support.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::cells;
using sluice::testing::datasetTable;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

const double kNaN = std::nan("");

TablePtr oneToTen() {
    return Table::make({Column::numeric("x", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})});
}

NodeRun discretize(const TablePtr& train, const nlohmann::json& params,
                   const TablePtr& apply = nullptr) {
    PortValues inputs{{"train", train}};
    if (apply)
        inputs["apply"] = apply;
    return sluice::testing::runNode(builtinNodes(), "transform.discretize", inputs, params);
}

std::vector<int> binCounts(const Table& t, const std::string& column) {
    std::vector<int> counts(t.column(column).levels().size(), 0);
    for (std::int32_t code : t.column(column).codes())
        ++counts[static_cast<std::size_t>(code)];
    return counts;
}

}  // namespace

class TestDiscretizeNode : public QObject {
    Q_OBJECT

private slots:
    void quantileAndEqualWidthEdges() {
        // Quartiles of 1..10: 3.25, 5.5, 7.75.
        const TablePtr qTable = discretize(oneToTen(), {{"bins", 4}}).table("train");
        const Table& q = *qTable;
        QCOMPARE(q.column("x").kind(), ColumnKind::Categorical);
        QCOMPARE(q.column("x").levels(),
                 (std::vector<std::string>{"< 3.25", "[3.25, 5.5)", "[5.5, 7.75)", "≥ 7.75"}));
        QCOMPARE(cells(q, "x").mid(0, 4),
                 (QStringList{"< 3.25", "< 3.25", "< 3.25", "[3.25, 5.5)"}));
        QCOMPARE(binCounts(q, "x"), (std::vector<int>{3, 2, 2, 3}));
        // Equal widths of [1, 10] in three: edges 4 and 7; apply's values
        // beyond the train range go to the end bins, missing stays missing.
        const TablePtr apply = Table::make({Column::numeric("x", {0, 4, 100, kNaN})});
        const NodeRun run = discretize(oneToTen(), {{"method", "equal_width"}, {"bins", 3}}, apply);
        QCOMPARE(binCounts(*run.table("train"), "x"), (std::vector<int>{3, 3, 4}));
        QCOMPARE(cells(*run.table("apply"), "x"), (QStringList{"< 4", "[4, 7)", "≥ 7", "-"}));
        // Bin numbers instead of intervals, as scikit-learn's ordinal encoding.
        const TablePtr numbersTable =
            discretize(oneToTen(),
                       {{"method", "equal_width"}, {"bins", 3}, {"output", "bin number"}}, apply)
                .table("apply");
        const Table& numbers = *numbersTable;
        QCOMPARE(cells(numbers, "x"), (QStringList{"0", "1", "2", "-"}));
    }

    void customEdgesAndRepeatedQuantiles() {
        const TablePtr customTable =
            discretize(oneToTen(), {{"method", "custom"}, {"edges", "2.5, 8"}}).table("train");
        const Table& custom = *customTable;
        QCOMPARE(binCounts(custom, "x"), (std::vector<int>{2, 5, 3}));  // 1 2 | 3..7 | 8 9 10
        QCOMPARE(custom.column("x").levels(),
                 (std::vector<std::string>{"< 2.5", "[2.5, 8)", "≥ 8"}));
        // Few distinct values: repeated quantile edges merge (as scikit-learn).
        const TablePtr lumpy = Table::make({Column::numeric("x", {1, 1, 1, 1, 1, 1, 2, 3})});
        const TablePtr mergedTable = discretize(lumpy, {{"bins", 4}}).table("train");
        const Table& merged = *mergedTable;
        QCOMPARE(merged.column("x").levels(), (std::vector<std::string>{"< 1.25", "≥ 1.25"}));
    }

    void irisAsScikitLearnBinsIt() {
        const TablePtr iris = datasetTable("iris.csv");
        const nlohmann::json cols = {"sepal_length"};
        const TablePtr qTable =
            discretize(iris, {{"bins", 4}, {"columns", cols}, {"output", "bin number"}})
                .table("train");
        const Table& q = *qTable;
        std::vector<int> counts(4, 0);
        for (double b : q.column("sepal_length").numbers())
            ++counts[static_cast<std::size_t>(b)];
        QCOMPARE(counts, (std::vector<int>{32, 41, 35, 42}));
        const TablePtr uTable =
            discretize(iris, {{"method", "equal_width"}, {"bins", 4}, {"columns", cols}})
                .table("train");
        const Table& u = *uTable;
        QCOMPARE(binCounts(u, "sepal_length"), (std::vector<int>{41, 48, 48, 13}));
        // Other columns untouched.
        QCOMPARE(u.column("sepal_width").kind(), ColumnKind::Numeric);
    }

    void refusals() {
        std::string why = nodeError([] {
            discretize(oneToTen(), {{"method", "custom"}, {"edges", "3, x"}});
        });
        QVERIFY2(why.find("'edges'") != std::string::npos && why.find("'x'") != std::string::npos,
                 why.c_str());
        why = nodeError([] { discretize(oneToTen(), {{"method", "custom"}, {"edges", "5, 3"}}); });
        QVERIFY2(why.find("increase") != std::string::npos, why.c_str());
        why = nodeError([] { discretize(oneToTen(), {{"method", "custom"}}); });
        QVERIFY2(why.find("'edges'") != std::string::npos, why.c_str());
        const TablePtr empty = Table::make({Column::numeric("x", {kNaN, kNaN})});
        why = nodeError([&] { discretize(empty, {}); });
        QVERIFY2(why.find("'x'") != std::string::npos, why.c_str());
        const TablePtr text = Table::make({Column::text("t", {"a"}, {}, ColumnRole::Feature)});
        why = nodeError([&] { discretize(text, {{"columns", {"t"}}}); });
        QVERIFY2(why.find("'t'") != std::string::npos && why.find("text") != std::string::npos,
                 why.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestDiscretizeNode)
#include "test_discretize_node.moc"
