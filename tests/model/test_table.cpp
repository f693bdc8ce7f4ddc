// Table and Column: construction rules, kinds, roles, missing values and the
// promise that derived tables share storage instead of copying it.
#include <QtTest>
#include <cmath>

#include "data/table.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

class TestTable : public QObject {
    Q_OBJECT

private slots:
    void numericColumnHoldsValuesAndNaNMeansMissing() {
        const Column c = Column::numeric("x", {1.5, std::nan(""), -2.0});
        QCOMPARE(c.kind(), ColumnKind::Numeric);
        QCOMPARE(c.size(), std::size_t{3});
        QCOMPARE(c.numbers()[0], 1.5);
        QVERIFY(!c.isMissing(0));
        QVERIFY(c.isMissing(1));
        QCOMPARE(c.displayValue(2), std::string("-2"));
        QCOMPARE(c.displayValue(1), std::string());
    }

    void categoricalColumnValidatesCodesAndLevels() {
        const Column c = Column::categorical("color", {0, 1, -1, 0}, {"red", "blue"});
        QCOMPARE(c.levels().size(), std::size_t{2});
        QVERIFY(c.isMissing(2));
        QCOMPARE(c.displayValue(1), std::string("blue"));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, Column::categorical("c", {0, 2}, {"a", "b"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Column::categorical("c", {0}, {"a", "a"}));
    }

    void textColumnKeepsEmptyStringApartFromMissing() {
        const Column c = Column::text("note", {"", "", "hi"}, {false, true, false});
        QVERIFY(!c.isMissing(0));
        QVERIFY(c.isMissing(1));
        QCOMPARE(c.role(), ColumnRole::Meta);
        QCOMPARE(c.texts()[2], std::string("hi"));
    }

    void wrongKindAccessThrowsNamingTheColumn() {
        const Column c = Column::numeric("age", {1.0});
        try {
            (void)c.codes();
            QFAIL("expected an exception");
        } catch (const std::logic_error& e) {
            QVERIFY(std::string(e.what()).find("age") != std::string::npos);
        }
    }

    void tableRejectsUnequalLengthsAndDuplicateNames() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Table({Column::numeric("a", {1, 2}), Column::numeric("b", {1})}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Table({Column::numeric("a", {1}), Column::numeric("a", {2})}));
    }

    void unknownColumnNameListsTheKnownOnes() {
        const Table t({Column::numeric("alpha", {1}), Column::numeric("beta", {2})});
        try {
            (void)t.column("gamma");
            QFAIL("expected an exception");
        } catch (const std::out_of_range& e) {
            const std::string msg = e.what();
            QVERIFY(msg.find("gamma") != std::string::npos);
            QVERIFY(msg.find("alpha, beta") != std::string::npos);
        }
        QVERIFY(!t.indexOf("gamma").has_value());
        QCOMPARE(*t.indexOf("beta"), std::size_t{1});
    }

    void selectAndWithRoleShareStorage() {
        const auto t = Table::make(
            {Column::numeric("a", {1, 2, 3}), Column::categorical("y", {0, 1, 0}, {"no", "yes"})});
        const auto picked = t->select({"y", "a"});
        QCOMPARE(picked->column(0).name(), std::string("y"));
        QCOMPARE(picked->column(1).numbers().data(), t->column("a").numbers().data());

        const auto withTarget = t->withRole("y", ColumnRole::Target);
        QCOMPARE(withTarget->column("y").role(), ColumnRole::Target);
        QCOMPARE(t->column("y").role(), ColumnRole::Feature);  // the original is unchanged
        QCOMPARE(withTarget->column("y").codes().data(), t->column("y").codes().data());
        QCOMPARE(withTarget->columnsWithRole(ColumnRole::Target), std::vector<std::size_t>{1});
    }

    void emptyTableHasNoRows() {
        const Table t;
        QCOMPARE(t.rowCount(), std::size_t{0});
        QCOMPARE(t.columnCount(), std::size_t{0});
    }
};

SLUICE_TEST_APPLESS_MAIN(TestTable)
#include "test_table.moc"
