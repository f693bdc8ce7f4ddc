// transform.select_rows on a table checked by hand: all / any of several
// conditions, a Formula expression as one more, the complement, missing
// values failing tests, and refusals naming the condition's row.
#include <QtTest>

#include <cmath>

#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::cells;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

const double kNaN = std::nan("");

TablePtr people() {
    return Table::make({Column::numeric("id", {1, 2, 3, 4, 5}),
                        Column::numeric("age", {17, 30, kNaN, 45, 62}),
                        Column::categorical("city", {0, 1, 0, -1, 1}, {"Oslo", "Rome"})});
}

NodeRun select(const nlohmann::json& params) {
    return sluice::testing::runNode(builtinNodes(), "transform.select_rows", {{"table", people()}},
                                    params);
}

nlohmann::json condition(const std::string& column, const std::string& op,
                         const std::string& value = "") {
    return {{"column", column}, {"operator", op}, {"value", value}};
}

}  // namespace

class TestSelectRowsNode : public QObject {
    Q_OBJECT

private slots:
    void allOrAnyOfTheConditions() {
        const nlohmann::json both = {condition("age", ">=", "18"), condition("city", "==", "Rome")};
        const NodeRun all = select({{"conditions", both}});
        QCOMPARE(cells(*all.table(), "id"), (QStringList{"2", "5"}));
        QCOMPARE(QString::fromStdString(all.log.at(0)), QString("kept 2 of 5 rows"));
        // any: age 45 passes; the row without an age passes by its city.
        QCOMPARE(cells(*select({{"conditions", both}, {"combine", "any"}}).table(), "id"),
                 (QStringList{"2", "4", "5"}));
        // The others: the complement, missing values included.
        QCOMPARE(cells(*select({{"conditions", both}, {"keep", "others"}}).table(), "id"),
                 (QStringList{"1", "3", "4"}));
        QCOMPARE(cells(*select({{"conditions", {condition("city", "is_missing")}}}).table(), "id"),
                 (QStringList{"4"}));
        // Nothing asked: every row.
        QCOMPARE(select({}).table()->rowCount(), std::size_t(5));
    }

    void aFormulaIsOneMoreCondition() {
        const NodeRun run = select({{"expression", "age > 20 and city != 'Rome'"}});
        QCOMPARE(cells(*run.table(), "id"), QStringList{});  // 45 has no city
        QCOMPARE(
            cells(*select({{"expression", "age > 20 and not (city == 'Oslo')"}}).table(), "id"),
            (QStringList{"2", "5"}));
        QCOMPARE(cells(*select({{"conditions", {condition("id", "in", "1, 3")}},
                                {"expression", "is_missing(age)"},
                                {"combine", "any"}})
                            .table(),
                       "id"),
                 (QStringList{"1", "3"}));
    }

    void refusals() {
        std::string why = nodeError([] {
            select({{"conditions", {condition("age", ">", "18"), condition("city", ">", "M")}}});
        });
        QVERIFY2(why.find("row 2") != std::string::npos && why.find("'city'") != std::string::npos,
                 why.c_str());
        why = nodeError([] { select({{"conditions", {condition("age", ">", "old")}}}); });
        QVERIFY2(why.find("row 1") != std::string::npos && why.find("'old'") != std::string::npos,
                 why.c_str());
        why = nodeError([] { select({{"conditions", {condition("height", ">", "1")}}}); });
        QVERIFY2(why.find("'height'") != std::string::npos, why.c_str());
        why = nodeError([] { select({{"expression", "age + 1"}}); });
        QVERIFY2(why.find("number, not true or false") != std::string::npos, why.c_str());
        why = nodeError([] { select({{"expression", "agee > 1"}}); });
        QVERIFY2(why.find("no column 'agee'") != std::string::npos, why.c_str());
        const auto problems =
            builtinNodes().find("transform.select_rows")->paramProblems({{"expression", "age >"}});
        QCOMPARE(problems.size(), std::size_t(1));
    }
};

SLUICE_TEST_GUILESS_MAIN(TestSelectRowsNode)
#include "test_select_rows_node.moc"
