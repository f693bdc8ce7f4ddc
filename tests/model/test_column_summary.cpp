// Column summaries against hand-computed figures.
#include <QtTest>
#include <cmath>

#include "data/column_summary.h"
#include "support/test_registry.h"
#include "test_support.h"

using namespace sluice;

class TestColumnSummary : public QObject {
    Q_OBJECT

private slots:
    void numericSummaryMatchesHandComputedValues() {
        const auto s = summarize(Column::numeric("x", {1, 2, 3, 4, std::nan("")}));
        QCOMPARE(s.count, std::size_t{4});
        QCOMPARE(s.missing, std::size_t{1});
        QCOMPARE(s.mean, 2.5);
        QVERIFY(std::abs(s.std - std::sqrt(5.0 / 3.0)) < 1e-12);  // sample std of 1..4
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 4.0);
        QCOMPARE(s.levelCount, std::size_t{0});
    }

    void meanIsStableFarFromZero() {
        // A naive sum-of-squares formula loses all digits here.
        const auto s = summarize(Column::numeric("x", {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}));
        QVERIFY(std::abs(s.mean - (1e9 + 10)) < 1e-6);
        QVERIFY(std::abs(s.std - std::sqrt(30.0)) < 1e-6);
    }

    void allMissingAndSingleValueLeaveStatisticsUndefined() {
        const auto none = summarize(Column::numeric("x", {std::nan(""), std::nan("")}));
        QCOMPARE(none.count, std::size_t{0});
        QVERIFY(std::isnan(none.mean));
        const auto one = summarize(Column::numeric("x", {5}));
        QCOMPARE(one.mean, 5.0);
        QVERIFY(std::isnan(one.std));
    }

    void categoricalTopLevelsAreMostFrequentFirstTiesInOrderOfAppearance() {
        // levels listed in a different order from their appearance in the data
        const Column c = Column::categorical("c", {2, 0, 1, 0, -1, 1, 2, 0}, {"a", "b", "c"});
        const auto s = summarize(c, 2);
        QCOMPARE(s.count, std::size_t{7});
        QCOMPARE(s.missing, std::size_t{1});
        QCOMPARE(s.levelCount, std::size_t{3});
        QCOMPARE(s.topLevels.size(), std::size_t{2});
        QCOMPARE(s.topLevels[0].first, std::string("a"));
        QCOMPARE(s.topLevels[0].second, std::size_t{3});
        // "c" (2 times) appears before "b" (2 times) in the data
        QCOMPARE(s.topLevels[1].first, std::string("c"));
        QCOMPARE(s.topLevels[1].second, std::size_t{2});
    }

    void unusedLevelsDoNotCount() {
        const auto s = summarize(Column::categorical("c", {0, 0}, {"used", "unused"}));
        QCOMPARE(s.levelCount, std::size_t{1});
    }

    void textSummaryCountsDistinctValues() {
        const Column c = Column::text("t", {"x", "y", "x", ""}, {false, false, false, true});
        const auto s = summarize(c);
        QCOMPARE(s.count, std::size_t{3});
        QCOMPARE(s.missing, std::size_t{1});
        QCOMPARE(s.levelCount, std::size_t{2});
        QCOMPARE(s.topLevels.front(), (std::pair<std::string, std::size_t>{"x", 2}));
    }
};

SLUICE_TEST_APPLESS_MAIN(TestColumnSummary)
#include "test_column_summary.moc"
