// transform.select_rows: keeps the rows that meet several conditions, all
// of them or any, and/or a Formula expression (issue 18).
//
// - Conditions: rows of {column, operator, value}, each a test as Filter
//   rows has it (row_test.h): a missing value fails every test but
//   is_missing.
// - Expression (optional): a Formula expression giving true/false
//   (formula/formula_eval.h), one more condition; missing counts as not
//   met.
// - Combine: all (every condition met) or any (at least one); with no
//   condition at all every row is selected.
// - Keep: the rows selected, or the others (the complement, rows with
//   missing values included).
// - The run log says how many rows were kept.
#include "data/table_rows.h"
#include "formula/formula_eval.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/formula_python.h"
#include "nodes/transform_nodes/row_test.h"

namespace sluice {
namespace {

ParamSpec conditionsParam() {
    return recordsParam(
        "conditions", "Conditions",
        {columnParam("column", "Column", "The column to test."),
         choiceParam("operator", "Operator", rowTestOperators(),
                     "==", "How the column compares with the value; < <= > >= need numbers."),
         stringParam("value", "Value", "",
                     "A number for a numeric column, a category or text otherwise; for in and "
                     "not_in a comma-separated list.")},
        "The tests a row must pass (all of them, or any, as Combine says).");
}

std::optional<std::string> selectExpressionProblem(const nlohmann::json& value) {
    if (!value.is_string() || value.get<std::string>().empty())
        return std::nullopt;
    try {
        formula::parseFormula(value.get<std::string>());
    } catch (const formula::FormulaError& error) {
        return formula::describeFormulaError(value.get<std::string>(), error);
    }
    return std::nullopt;
}

class SelectRowsNode : public NodeType {
public:
    SelectRowsNode()
        : NodeType({
              .id = "transform.select_rows",
              .displayName = "Select rows",
              .category = NodeCategory::Transform,
              .description = "Keeps the rows that meet all (or any) of several conditions, "
                             "or a formula such as income > 2 * rent and city == 'Oslo'.",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to select from."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The rows kept, in their order."}},
              .params = {conditionsParam(),
                         [] {
                             ParamSpec p = stringParam(
                                 "expression", "Formula", "",
                                 "A condition as a Formula expression (true keeps the row), "
                                 "such as age >= 18 and not is_missing(income).");
                             p.check = selectExpressionProblem;
                             return p;
                         }(),
                         choiceParam("combine", "Combine", {"all", "any"}, "all",
                                     "all: a row must meet every condition; any: one is "
                                     "enough."),
                         choiceParam("keep", "Keep", {"selected", "others"}, "selected",
                                     "The rows that meet the conditions, or the rest.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::size_t n = table->rowCount();
        std::vector<std::function<bool(std::size_t)>> tests;
        const nlohmann::json& conditions = params.at("conditions");
        for (std::size_t i = 0; i < conditions.size(); ++i) {
            const std::string where = "parameter 'conditions', row " + std::to_string(i + 1);
            const nlohmann::json c = recordWithDefaults(*param("conditions"), conditions[i]);
            const Column& column =
                node_params::requireColumn(*table, c.at("column").get<std::string>(), where);
            tests.push_back(makeRowTest(column, c.at("operator").get<std::string>(),
                                        c.at("value").get<std::string>(), where));
        }
        const std::string text = params.at("expression").get<std::string>();
        std::vector<double> formulaMet;
        if (!text.empty()) {
            try {
                const formula::Value v =
                    formula::evaluateFormula(formula::parseFormula(text), *table);
                if (v.type != formula::Value::Type::Bool)
                    throw NodeError("parameter 'expression': '" + text + "' gives " +
                                    std::string(formula::typeName(v.type)) +
                                    ", not true or false (compare it, as in x > 0)");
                formulaMet.resize(n);
                for (std::size_t r = 0; r < n; ++r)
                    formulaMet[r] = v.numbers[v.at(r)];
            } catch (const formula::FormulaError& error) {
                throw NodeError("parameter 'expression': " +
                                formula::describeFormulaError(text, error));
            }
            tests.push_back([&formulaMet](std::size_t r) { return formulaMet[r] == 1; });
        }
        const bool all = params.at("combine").get<std::string>() == "all";
        const bool others = params.at("keep").get<std::string>() == "others";

        std::vector<std::size_t> kept;
        for (std::size_t r = 0; r < n; ++r) {
            if (r % 65536 == 0)
                context.fit.throwIfCancelled();
            bool met = all;
            for (const auto& test : tests)
                if (test(r) != all) {
                    met = !all;
                    break;
                }
            if (tests.empty())
                met = true;
            if (met != others)
                kept.push_back(r);
        }
        context.log("kept " + std::to_string(kept.size()) + " of " + std::to_string(n) + " rows");
        if (kept.size() == n)
            return {{"table", table}};
        return {{"table", takeRows(*table, kept)}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        using python_export::pyString;
        const std::string in = *c.input("table");
        std::string code = "_df = " + in + ".df\n_met = []\n";
        for (const nlohmann::json& row : c.params.at("conditions")) {
            const nlohmann::json full = recordWithDefaults(*param("conditions"), row);
            // One condition: filter_rows' test, as a mask.
            code += "_met.append(filter_rows(" + in +
                    ", column=" + pyString(full.at("column").get<std::string>()) +
                    ", op=" + pyString(full.at("operator").get<std::string>()) +
                    ", value=" + pyString(full.at("value").get<std::string>()) +
                    ", drop_missing=False, mask=True))\n";
        }
        if (const std::string text = c.text("expression"); !text.empty()) {
            c.define("fx_helpers", formula::formulaPythonHelpers());
            code += "_met.append((" + formula::formulaPython(formula::parseFormula(text), "_df") +
                    ").fillna(False).to_numpy(bool))\n";
        }
        const bool all = c.text("combine") == "all";
        code += "_keep = np." + std::string(all ? "all" : "any") +
                "(_met, axis=0) if _met else np.ones(len(_df), bool)\n";
        if (c.text("keep") == "others")
            code += "_keep = ~_keep\n";
        return code + c.output("table") + " = " + in + ".derive(_df[_keep])\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeSelectRowsNode() {
    return std::make_unique<SelectRowsNode>();
}

}  // namespace sluice
