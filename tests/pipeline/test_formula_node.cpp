// The Formula language and transform.formula on a small table computed by
// hand: precedence, missing propagation, three-valued logic, if / coalesce,
// math and text functions, kinds of the results, replacing a column, and
// errors that give the expression, the character and what was expected.
#include <QtTest>

#include <cmath>

#include "data/number_text.h"
#include "formula/formula_eval.h"
#include "formula/formula_parser.h"
#include "nodes/node_registry.h"
#include "run_node.h"
#include "support/test_registry.h"

using namespace sluice;
using sluice::testing::cells;
using sluice::testing::columnNames;
using sluice::testing::nodeError;

namespace {

const double kNaN = std::nan("");

TablePtr shop() {
    return Table::make({Column::numeric("price", {2, 3.5, kNaN, -4}),
                        Column::numeric("qty", {10, 0, 5, 3}),
                        Column::categorical("city", {0, 1, -1, 0}, {" Oslo", "Bergen"}),
                        Column::text("code", {"A-17", "b-2", "C", ""}, {false, false, false, true},
                                     ColumnRole::Feature)});
}

// The cells of one formula evaluated on shop().
QStringList eval(const std::string& expression) {
    const TablePtr tTable =
        sluice::testing::runNode(builtinNodes(), "transform.formula", {{"table", shop()}},
                                 {{"formulas", {{{"name", "out"}, {"expression", expression}}}}})
            .table();
    const Table& t = *tTable;
    return cells(t, "out");
}

// The error an expression gets (a syntax error from the parameter check,
// else the run's).
std::string problem(const std::string& expression) {
    const nlohmann::json params = {{"formulas", {{{"name", "out"}, {"expression", expression}}}}};
    const auto problems = builtinNodes().find("transform.formula")->paramProblems(params);
    if (!problems.empty())
        return problems.front();
    return nodeError([&] {
        sluice::testing::runNode(builtinNodes(), "transform.formula", {{"table", shop()}}, params);
    });
}

}  // namespace

class TestFormulaNode : public QObject {
    Q_OBJECT

private slots:
    void arithmeticPrecedenceAndMissing() {
        QCOMPARE(eval("price * qty + 1"), (QStringList{"21", "1", "-", "-11"}));
        QCOMPARE(eval("1 + 2 * 3 ** 2"), (QStringList{"19", "19", "19", "19"}));
        QCOMPARE(eval("-2 ** 2"), (QStringList{"-4", "-4", "-4", "-4"}));  // as Python
        QCOMPARE(eval("2 ** 3 ** 2"), (QStringList{"512", "512", "512", "512"}));
        QCOMPARE(eval("(1 + 2) * qty"), (QStringList{"30", "0", "15", "9"}));
        // x / 0 is missing; % takes the divisor's sign, as Python.
        QCOMPARE(eval("price / qty"), (QStringList{"0.2", "-", "-", "-1.3333333333333333"}));
        QCOMPARE(eval("price % 3"), (QStringList{"2", "0.5", "-", "2"}));
    }

    void comparisonsAndThreeValuedLogic() {
        // true/false is stored as 1 / 0; missing stays missing.
        QCOMPARE(eval("price > 1"), (QStringList{"1", "1", "-", "0"}));
        QCOMPARE(eval("price > 1 and qty > 0"), (QStringList{"1", "0", "-", "0"}));
        // false and missing is false; true or missing is true.
        QCOMPARE(eval("price > 1 and qty > 99"), (QStringList{"0", "0", "0", "0"}));
        QCOMPARE(eval("price > 1 or qty > 4"), (QStringList{"1", "1", "1", "0"}));
        QCOMPARE(eval("not (price > 1)"), (QStringList{"0", "0", "-", "1"}));
        QCOMPARE(eval("city == 'Bergen' || !(qty != 3)"), (QStringList{"0", "1", "-", "1"}));
        QCOMPARE(eval("code < 'C'"), (QStringList{"1", "0", "0", "-"}));  // byte order
    }

    void conditionalsAndMissing() {
        QCOMPARE(eval("if(price > 0, 'up', 'down')"), (QStringList{"up", "up", "-", "down"}));
        QCOMPARE(eval("if(qty > 4, price, missing)"), (QStringList{"2", "-", "-", "-"}));
        QCOMPARE(eval("coalesce(price, qty * 100)"), (QStringList{"2", "3.5", "500", "-4"}));
        QCOMPARE(eval("is_missing(price) or is_missing(code)"), (QStringList{"0", "0", "1", "1"}));
    }

    void mathFunctions() {
        QCOMPARE(eval("log(price)"),
                 (QStringList{QString::fromStdString(formatNumber(std::log(2.0))),
                              QString::fromStdString(formatNumber(std::log(3.5))), "-", "-"}));
        QCOMPARE(eval("sqrt(qty * qty) + sqrt(-1) * 0"), (QStringList{"-", "-", "-", "-"}));
        QCOMPARE(eval("sqrt(qty * qty)"), (QStringList{"10", "0", "5", "3"}));
        QCOMPARE(eval("abs(price) + floor(2.7) + ceil(-2.5)"), (QStringList{"2", "3.5", "-", "4"}));
        // Halves go to the even neighbour, as numpy and pandas.
        QCOMPARE(eval("round(price * 0.5) + round(2.675, 2) * 0"),
                 (QStringList{"1", "2", "-", "-2"}));
        QCOMPARE(eval("round(qty / 4)"), (QStringList{"2", "0", "1", "1"}));  // 2.5 -> 2
        QCOMPARE(eval("round(qty / 3, 2)"), (QStringList{"3.33", "0", "1.67", "1"}));
        QCOMPARE(eval("min(price, qty, 3)"), (QStringList{"2", "0", "-", "-4"}));
        QCOMPARE(eval("max(price, qty)"), (QStringList{"10", "3.5", "-", "3"}));
        QCOMPARE(eval("clip(price, 0, 3)"), (QStringList{"2", "3", "-", "0"}));
        QCOMPARE(eval("pow(qty, 2) + exp(0)"), (QStringList{"101", "1", "26", "10"}));
    }

    void textFunctions() {
        QCOMPARE(eval("lower(trim(city))"), (QStringList{"oslo", "bergen", "-", "oslo"}));
        QCOMPARE(eval("upper(code)"), (QStringList{"A-17", "B-2", "C", "-"}));
        QCOMPARE(eval("len(city)"), (QStringList{"5", "6", "-", "5"}));
        QCOMPARE(eval("contains(code, '-')"), (QStringList{"1", "1", "0", "-"}));
        QCOMPARE(eval("starts_with(code, 'b') or ends_with(code, '7')"),
                 (QStringList{"1", "1", "0", "-"}));
        QCOMPARE(eval("replace(code, '-', '')"), (QStringList{"A17", "b2", "C", "-"}));
        QCOMPARE(eval("substr(code, 1, 2)"), (QStringList{"-1", "-2", "", "-"}));
        QCOMPARE(eval("concat(code, '/', qty)"), (QStringList{"A-17/10", "b-2/0", "C/5", "-"}));
        QCOMPARE(eval("code + '!'"), (QStringList{"A-17!", "b-2!", "C!", "-"}));
        QCOMPARE(eval("regex_match(code, '[A-Z]-[0-9]+')"), (QStringList{"1", "0", "0", "-"}));
        QCOMPARE(eval("regex_extract(code, '([a-zA-Z])-([0-9]+)', 2)"),
                 (QStringList{"17", "2", "-", "-"}));
        QCOMPARE(eval("number(regex_extract(code, '[0-9]+')) + 1"),
                 (QStringList{"18", "3", "-", "-"}));
        QCOMPARE(eval("text(qty > 4)"), (QStringList{"true", "false", "true", "false"}));
        // Characters, not bytes.
        const TablePtr t =
            Table::make({Column::text("w", {"h\xc3\xa9llo"}, {}, ColumnRole::Feature)});
        const TablePtr outTable =
            sluice::testing::runNode(builtinNodes(), "transform.formula", {{"table", t}},
                                     {{"formulas",
                                       {{{"name", "n"}, {"expression", "len(w)"}},
                                        {{"name", "s"}, {"expression", "substr(w, 1, 2)"}}}}})
                .table();
        const Table& out = *outTable;
        QCOMPARE(cells(out, "n"), (QStringList{"5"}));
        QCOMPARE(cells(out, "s"), (QStringList{"\xc3\xa9l"}));
    }

    void resultsAndOrder() {
        const TablePtr tTable =
            sluice::testing::runNode(
                builtinNodes(), "transform.formula", {{"table", shop()}},
                {{"formulas",
                  {{{"name", "total"}, {"expression", "price * qty"}},
                   {{"name", "qty"}, {"expression", "qty + 1"}},
                   {{"name", "big"}, {"expression", "total > 10"}},
                   {{"name", "label"}, {"expression", "if(total > 10, 'a', 'b')"}}}}})
                .table();
        const Table& t = *tTable;
        // Replaced in place, new ones appended; later formulas see earlier ones.
        QCOMPARE(columnNames(t),
                 (QStringList{"price", "qty", "city", "code", "total", "big", "label"}));
        QCOMPARE(cells(t, "qty"), (QStringList{"11", "1", "6", "4"}));
        QCOMPARE(t.column("total").kind(), ColumnKind::Numeric);
        QCOMPARE(t.column("label").kind(), ColumnKind::Categorical);
        // A column name with spaces, in backquotes.
        const TablePtr spaced = Table::make({Column::numeric("monthly income", {100, 200})});
        QCOMPARE(cells(*sluice::testing::runNode(
                            builtinNodes(), "transform.formula", {{"table", spaced}},
                            {{"formulas",
                              {{{"name", "yearly"}, {"expression", "`monthly income` * 12"}}}}})
                            .table(),
                       "yearly"),
                 (QStringList{"1200", "2400"}));
    }

    void edgesOfTheLanguage() {
        // A bare missing is whatever its place asks for.
        QCOMPARE(eval("if(missing, 1, 2)"), (QStringList{"-", "-", "-", "-"}));
        QCOMPARE(eval("lower(missing)"), (QStringList{"-", "-", "-", "-"}));
        QCOMPARE(eval("substr(code, missing)"), (QStringList{"-", "-", "-", "-"}));
        QCOMPARE(eval("coalesce(missing, qty)"), (QStringList{"10", "0", "5", "3"}));
        // Infinity is kept out, as x / 0 is.
        QCOMPARE(eval("exp(1000) + qty"), (QStringList{"-", "-", "-", "-"}));
        QCOMPARE(eval("pow(qty, -1)"), (QStringList{"0.1", "-", "0.2", "0.3333333333333333"}));
        // A bad constant pattern is refused even where no row reaches it.
        const TablePtr empty = Table::make({Column::text("s", {}, {}, ColumnRole::Feature)});
        const std::string why = nodeError([&] {
            sluice::testing::runNode(
                builtinNodes(), "transform.formula", {{"table", empty}},
                {{"formulas", {{{"name", "m"}, {"expression", "regex_match(s, '(')"}}}}});
        });
        QVERIFY2(why.find("not a regular expression") != std::string::npos, why.c_str());
        // A text too long for the regular-expression engine is refused, not a crash.
        const TablePtr longText =
            Table::make({Column::text("s", {std::string(200'000, 'a')}, {}, ColumnRole::Feature)});
        const std::string tooLong = nodeError([&] {
            sluice::testing::runNode(
                builtinNodes(), "transform.formula", {{"table", longText}},
                {{"formulas", {{{"name", "m"}, {"expression", "regex_match(s, '(a|b)*')"}}}}});
        });
        QVERIFY2(tooLong.find("200000 bytes (row 1)") != std::string::npos, tooLong.c_str());
    }

    void errorsGiveThePlaceAndWhatWasExpected() {
        auto says = [](const std::string& expression, const std::vector<std::string>& parts) {
            const std::string why = problem(expression);
            for (const std::string& part : parts)
                if (why.find(part) == std::string::npos)
                    return QString::fromStdString("'" + part + "' not in: " + why);
            return QString();
        };
        QCOMPARE(says("price * +", {"'price * +'", "character 10", "expected a value after '+'"}),
                 QString());
        QCOMPARE(says("(price + 1", {"character 11", "expected ')'", "'(' at character 1"}),
                 QString());
        QCOMPARE(says(std::string(100'000, '(') + "1", {"nests deeper than 256"}), QString());
        QCOMPARE(says(std::string(100'000, '-') + "1", {"nests deeper than 256"}), QString());
        QCOMPARE(says("price = 3", {"use =="}), QString());
        QCOMPARE(says("'open", {"not closed"}), QString());
        QCOMPARE(says("price 3", {"character 7", "expected an operator"}), QString());
        QCOMPARE(says("", {"row 1"}), QString());
        // Found when running: names and types.
        QCOMPARE(says("prize * 2", {"row 1", "character 1", "no column 'prize'", "price, qty"}),
                 QString());
        QCOMPARE(says("sine(price)", {"no function 'sine'", "sqrt"}), QString());
        QCOMPARE(says("price + city", {"character 7", "number and text"}), QString());
        QCOMPARE(says("log(city)", {"character 5", "log() needs a number"}), QString());
        QCOMPARE(says("if(price, 1, 2)", {"character 4", "true or false"}), QString());
        QCOMPARE(says("if(qty > 1, 1, 'x')", {"one type"}), QString());
        QCOMPARE(says("round(1, 2, 3)", {"round() takes 1 to 2 arguments, not 3"}), QString());
        QCOMPARE(says("regex_match(code, '(')", {"character 19", "not a regular expression"}),
                 QString());
    }
};

SLUICE_TEST_GUILESS_MAIN(TestFormulaNode)
#include "test_formula_node.moc"
