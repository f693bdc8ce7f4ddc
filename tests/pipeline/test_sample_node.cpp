// transform.sample: sizes (rows, fraction rounded), stratified shares by
// largest remainders, seeds that repeat and differ, replacement, the rest
// output, and refusals; the rows drawn are Sluice's Rng's, known by hand
// for a small case through ml::Rng itself.
#include <QtTest>

#include <cmath>
#include <set>

#include "ml/core/random.h"
#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::nodeError;
using sluice::testing::NodeRun;

namespace {

// 10 rows: id 0..9, class a (rows 0-5), b (6-8), missing (9).
TablePtr rowsTable() {
    std::vector<double> id(10);
    for (int i = 0; i < 10; ++i)
        id[static_cast<std::size_t>(i)] = i;
    return Table::make({Column::numeric("id", std::move(id)),
                        Column::categorical("class", {0, 0, 0, 0, 0, 0, 1, 1, 1, -1}, {"a", "b"})});
}

NodeRun sample(const nlohmann::json& params, const TablePtr& t = rowsTable()) {
    return sluice::testing::runNode(builtinNodes(), "transform.sample", {{"table", t}}, params);
}

std::vector<int> ids(const Table& t) {
    std::vector<int> out;
    for (double v : t.column("id").numbers())
        out.push_back(static_cast<int>(v));
    return out;
}

}  // namespace

class TestSampleNode : public QObject {
    Q_OBJECT

private slots:
    void drawsTheRowsSluicesRngPicks() {
        const NodeRun run = sample({{"size", "rows"}, {"rows", 3}, {"seed", 42}});
        const PortValues& out = run.outputs;
        const TablePtr s = std::get<TablePtr>(out.at("sample"));
        const TablePtr rest = std::get<TablePtr>(out.at("rest"));
        // The same draw by hand: shuffle 0..9 with Rng(42), take three, sort.
        std::vector<std::size_t> rows(10);
        for (std::size_t i = 0; i < 10; ++i)
            rows[i] = i;
        ml::Rng rng(42);
        rng.shuffle(rows);
        std::vector<int> expected(rows.begin(), rows.begin() + 3);
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ids(*s), expected);
        QCOMPARE(rest->rowCount(), std::size_t(7));
        const std::vector<int> drawn = ids(*s);
        std::set<int> all(drawn.begin(), drawn.end());
        for (int i : ids(*rest))
            QVERIFY(all.insert(i).second);  // sample and rest: every row once
        QCOMPARE(all.size(), std::size_t(10));
        QCOMPARE(QString::fromStdString(run.log.at(0)), QString("drew 3 of 10 rows"));
        // The same seed again: the same rows; another seed: other rows.
        QCOMPARE(ids(*sample({{"size", "rows"}, {"rows", 3}, {"seed", 42}}).table("sample")),
                 expected);
        QVERIFY(ids(*sample({{"size", "rows"}, {"rows", 3}, {"seed", 7}}).table("sample")) !=
                expected);
    }

    void fractionsRoundAndStrataKeepTheirShare() {
        QCOMPARE(sample({{"fraction", 0.25}}).table("sample")->rowCount(), std::size_t(3));  // 2.5
        QCOMPARE(sample({{"fraction", 0.24}}).table("sample")->rowCount(), std::size_t(2));
        // Five of ten by class: quotas a 3, b 1.5, missing 0.5: a 3, then
        // the largest remainder (b's .5, seen before missing's .5) b 2.
        const TablePtr s =
            sample({{"size", "rows"}, {"rows", 5}, {"stratify", "class"}, {"seed", 3}})
                .table("sample");
        int a = 0, b = 0, none = 0;
        const Column& cls = s->column("class");
        for (std::size_t r = 0; r < s->rowCount(); ++r)
            (cls.isMissing(r) ? none : cls.displayValue(r) == "a" ? a : b) += 1;
        QCOMPARE(a, 3);
        QCOMPARE(b, 2);
        QCOMPARE(none, 0);
    }

    void withReplacementRowsMayRepeat() {
        const TablePtr s =
            sample({{"fraction", 3.0}, {"replace", true}, {"seed", 1}}).table("sample");
        QCOMPARE(s->rowCount(), std::size_t(30));
        const std::vector<int> drawn = ids(*s);
        QVERIFY(std::is_sorted(drawn.begin(), drawn.end()));
        QVERIFY(std::set<int>(drawn.begin(), drawn.end()).size() < drawn.size());
    }

    void mistakesAreNamed() {
        const std::string tooMany = nodeError([] { sample({{"size", "rows"}, {"rows", 11}}); });
        QVERIFY2(
            tooMany.find("'rows'") != std::string::npos && tooMany.find("11") != std::string::npos,
            tooMany.c_str());
        QVERIFY(nodeError([] {
                    sample({{"fraction", 1.5}});
                }).find("'fraction'") != std::string::npos);
        QVERIFY(nodeError([] {
                    sample({{"stratify", "colour"}});
                }).find("'colour'") != std::string::npos);
        // Nothing to draw from: an empty sample of an empty table is fine.
        const TablePtr empty = Table::make({Column::numeric("id", {})});
        QCOMPARE(sample({{"fraction", 0.5}}, empty).table("sample")->rowCount(), std::size_t(0));
    }
};

SLUICE_TEST_GUILESS_MAIN(TestSampleNode)
#include "test_sample_node.moc"
