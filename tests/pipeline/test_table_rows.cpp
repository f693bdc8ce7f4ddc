// takeRows: subsets rows of every column kind, keeps names, roles, levels
// and missing flags, and lays numeric columns out for zero-copy Eigen views.
#include <QtTest>
#include <cmath>

#include "data/eigen_view.h"
#include "data/table_rows.h"
#include "model/test_support.h"
#include "support/test_registry.h"

using namespace sluice;

namespace {

const double NaN = std::nan("");

// x numeric, c categorical (one missing), s text (one missing), y numeric target
Table mixed() {
    return Table({Column::numeric("x", {10, 11, 12, 13, NaN}),
                  Column::categorical("c", {0, 1, -1, 2, 0}, {"a", "b", "z"}),
                  Column::text("s", {"p", "q", "", "s", "t"}, {false, false, true, false, false}),
                  Column::numeric("y", {0.5, 1.5, 2.5, 3.5, 4.5}, ColumnRole::Target)});
}

}  // namespace

class TestTableRows : public QObject {
    Q_OBJECT

private slots:
    void picksRowsOfEveryKindInTheGivenOrder() {
        const TablePtr t = takeRows(mixed(), {3, 0, 2});
        QCOMPARE(t->rowCount(), std::size_t{3});
        QCOMPARE(t->columnNames(), (std::vector<std::string>{"x", "c", "s", "y"}));
        QCOMPARE(t->column("x").numbers()[0], 13.0);
        QCOMPARE(t->column("x").numbers()[1], 10.0);
        QCOMPARE(t->column("c").displayValue(0), std::string("z"));
        QCOMPARE(t->column("c").displayValue(1), std::string("a"));
        QVERIFY(t->column("c").isMissing(2));
        QCOMPARE(t->column("c").levels(), (std::vector<std::string>{"a", "b", "z"}));
        QCOMPARE(t->column("s").displayValue(0), std::string("s"));
        QVERIFY(t->column("s").isMissing(2));
        QVERIFY(!t->column("s").isMissing(1));
        QCOMPARE(t->column("y").numbers()[2], 2.5);
    }

    void keepsKindsRolesAndMissingNumbers() {
        const TablePtr t = takeRows(mixed(), {4, 4});
        QCOMPARE(t->column("x").kind(), ColumnKind::Numeric);
        QCOMPARE(t->column("c").kind(), ColumnKind::Categorical);
        QCOMPARE(t->column("s").kind(), ColumnKind::Text);
        QCOMPARE(t->column("s").role(), ColumnRole::Meta);
        QCOMPARE(t->column("y").role(), ColumnRole::Target);
        QVERIFY(t->column("x").isMissing(0) && t->column("x").isMissing(1));
        QCOMPARE(t->column("c").displayValue(1), std::string("a"));
    }

    void numericColumnsShareOneBlock() {
        const TablePtr t = takeRows(mixed(), {1, 2});
        QVERIFY(t->column("x").block() != nullptr);
        QCOMPARE(t->column("x").block(), t->column("y").block());
        QCOMPARE(t->column("y").blockIndex(), std::size_t{1});
        // x and y are not neighbours in the table, but they are in the block.
        const auto view = numericMatrix(*t, {"x", "y"});
        QVERIFY(view.isZeroCopy());
        QCOMPARE(view.matrix()(1, 0), 12.0);
        QCOMPARE(view.matrix()(0, 1), 1.5);
    }

    void emptySelectionKeepsColumns() {
        const TablePtr t = takeRows(mixed(), {});
        QCOMPARE(t->rowCount(), std::size_t{0});
        QCOMPARE(t->columnCount(), std::size_t{4});
    }

    void rowOutOfRangeThrowsNamingIt() {
        try {
            takeRows(mixed(), {0, 5});
            QFAIL("expected std::out_of_range");
        } catch (const std::out_of_range& e) {
            QVERIFY(sluice::testing::contains(e.what(), "row 5"));
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestTableRows)
#include "test_table_rows.moc"
