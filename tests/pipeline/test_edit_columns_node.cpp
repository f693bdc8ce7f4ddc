// transform.edit_columns on a table edited by hand: renames, kind
// conversions with their count of values that did not convert, the order,
// roles kept, and the refusals.
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

TablePtr raw() {
    return Table::make(
        {Column::text("age", {"41", "n/a", "7.5", ""}, {false, false, false, true},
                      ColumnRole::Feature),
         Column::numeric("zip", {1010, 2020, 1010, kNaN}),
         Column::categorical("score", {0, 1, 2, 0}, {"3", "x", "1e2"}, ColumnRole::Target)});
}

NodeRun edit(const TablePtr& t, const nlohmann::json& params) {
    return sluice::testing::runNode(builtinNodes(), "transform.edit_columns", {{"table", t}},
                                    params);
}

}  // namespace

class TestEditColumnsNode : public QObject {
    Q_OBJECT

private slots:
    void convertsAndCountsWhatDidNotConvert() {
        const nlohmann::json edits = {{{"column", "age"}, {"kind", "numeric"}},
                                      {{"column", "zip"}, {"kind", "categorical"}},
                                      {{"column", "score"}, {"kind", "numeric"}}};
        const NodeRun run = edit(raw(), {{"edits", edits}});
        const TablePtr tTable = run.table();
        const Table& t = *tTable;
        QCOMPARE(t.column("age").kind(), ColumnKind::Numeric);
        QCOMPARE(cells(t, "age"), (QStringList{"41", "-", "7.5", "-"}));
        QCOMPARE(QString::fromStdString(run.log.at(0)),
                 QString("'age' to numeric: 1 values did not convert and are missing (first: "
                         "'n/a' in row 2)"));
        QCOMPARE(t.column("zip").kind(), ColumnKind::Categorical);
        QCOMPARE(t.column("zip").levels(), (std::vector<std::string>{"1010", "2020"}));
        QCOMPARE(cells(t, "zip"), (QStringList{"1010", "2020", "1010", "-"}));
        QCOMPARE(QString::fromStdString(run.log.at(1)), QString("'zip' to categorical: 2 levels"));
        // Categories read as numbers level by level; the role stays.
        QCOMPARE(cells(t, "score"), (QStringList{"3", "-", "100", "3"}));
        QCOMPARE(t.column("score").role(), ColumnRole::Target);
        QVERIFY(run.log.at(2).find("'x' in row 2") != std::string::npos);
        // To text: numbers as shown, missing kept.
        const TablePtr textTable =
            edit(raw(), {{"edits", {{{"column", "zip"}, {"kind", "text"}}}}}).table();
        const Table& text = *textTable;
        QCOMPARE(text.column("zip").kind(), ColumnKind::Text);
        QCOMPARE(cells(text, "zip"), (QStringList{"1010", "2020", "1010", "-"}));
    }

    void renamesAndOrders() {
        const nlohmann::json edits = {{{"column", "zip"}, {"name", "postcode"}}};
        const TablePtr tTable =
            edit(raw(), {{"edits", edits}, {"order", {"score", "postcode"}}}).table();
        const Table& t = *tTable;
        QCOMPARE(columnNames(t), (QStringList{"score", "postcode", "age"}));
        QCOMPARE(t.column("postcode").kind(), ColumnKind::Numeric);
        // Nothing asked: the same columns.
        QCOMPARE(columnNames(*edit(raw(), {}).table()), (QStringList{"age", "zip", "score"}));
    }

    void refusals() {
        std::string why = nodeError([] {
            edit(raw(), {{"edits", {{{"column", "zip"}, {"name", "age"}}}}});
        });
        QVERIFY2(why.find("'zip'") != std::string::npos && why.find("'age'") != std::string::npos,
                 why.c_str());
        why = nodeError([] {
            edit(raw(),
                 {{"edits",
                   {{{"column", "zip"}, {"name", "a"}}, {{"column", "zip"}, {"name", "b"}}}}});
        });
        QVERIFY2(why.find("row 2") != std::string::npos && why.find("row 1") != std::string::npos,
                 why.c_str());
        why = nodeError([] { edit(raw(), {{"edits", {{{"column", "city"}}}}}); });
        QVERIFY2(why.find("'city'") != std::string::npos && why.find("row 1") != std::string::npos,
                 why.c_str());
        why = nodeError([] {
            edit(raw(),
                 {{"edits", {{{"column", "zip"}, {"name", "postcode"}}}}, {"order", {"zip"}}});
        });
        QVERIFY2(
            why.find("'zip'") != std::string::npos && why.find("postcode") != std::string::npos,
            why.c_str());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestEditColumnsNode)
#include "test_edit_columns_node.moc"
