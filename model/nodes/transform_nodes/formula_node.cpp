// transform.formula: new or replaced columns computed from expressions over
// the other columns (issue 18), in the language of formula/formula_parser.h
// and formula/formula_eval.h, a column at a time.
//
// - Formulas: rows of {name, expression}, applied in order, so a formula
//   may use the columns the ones above it made. A name the table has
//   replaces that column in place (its role kept); a new name is appended
//   as a feature.
// - Results: numbers numeric, true/false numeric 1 / 0, texts categorical
//   when they repeat, else text.
// - A syntax error is refused where the expression is typed (the
//   parameter's check); an unknown column or function, or a type mismatch,
//   fails the run. Both name the row, the expression, the character and
//   what was expected.
#include "formula/formula_eval.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/formula_python.h"

namespace sluice {
namespace {

// The syntax check of an expression field: nullopt when it parses.
std::optional<std::string> formulaSyntaxProblem(const nlohmann::json& value) {
    if (!value.is_string())
        return std::nullopt;  // the kind's own check says so
    const std::string text = value.get<std::string>();
    try {
        formula::parseFormula(text);
    } catch (const formula::FormulaError& error) {
        return formula::describeFormulaError(text, error);
    }
    return std::nullopt;
}

ParamSpec formulasParam() {
    ParamSpec name = stringParam("name", "Column", "",
                                 "The column to make; an existing name replaces that column.");
    ParamSpec expression =
        stringParam("expression", "Expression", "",
                    "Such as price * quantity, if(age >= 18, 'adult', 'minor'), "
                    "log(income + 1), lower(trim(city)); columns by name, `with spaces` "
                    "in backquotes.");
    expression.check = formulaSyntaxProblem;
    return recordsParam("formulas", "Formulas", {name, expression},
                        "One row per column to compute, in order: a formula may use the "
                        "columns made above it.");
}

class FormulaNode : public NodeType {
public:
    FormulaNode()
        : NodeType({
              .id = "transform.formula",
              .displayName = "Formula",
              .category = NodeCategory::Transform,
              .description = "New or replaced columns from expressions: arithmetic, "
                             "comparisons, if(), math, text and regular-expression functions.",
              .inputs = {{"table", PortType::Table, "Table", true, "The table to compute on."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The table with the computed columns."}},
              .params = {formulasParam()},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        TablePtr table = inputTable(inputs, "table");
        const nlohmann::json& rows = params.at("formulas");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string where = "parameter 'formulas', row " + std::to_string(i + 1);
            const std::string name = rows[i].value("name", "");
            const std::string text = rows[i].value("expression", "");
            if (name.empty())
                throw NodeError(where + ": give the column a name");
            if (text.empty())
                throw NodeError(where + ": write an expression for '" + name + "'");
            Column column = Column::numeric(name, {});
            try {
                const formula::Expr expr = formula::parseFormula(text);
                column = formula::formulaColumn(formula::evaluateFormula(expr, *table), name,
                                                table->rowCount());
            } catch (const formula::FormulaError& error) {
                throw NodeError(where + ": " + formula::describeFormulaError(text, error));
            }
            std::vector<Column> columns = table->columns();
            if (const auto at = table->indexOf(name))
                columns[*at] = column.withRole(columns[*at].role());
            else
                columns.push_back(std::move(column));
            table = Table::make(std::move(columns));
            context.fit.throwIfCancelled();
            context.fit.progress(static_cast<double>(i + 1) / rows.size());
        }
        return {{"table", table}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        c.define("fx_helpers", formula::formulaPythonHelpers());
        const std::string out = c.output("table");
        std::string code = "_df = " + *c.input("table") + ".df.copy()\n";
        for (const nlohmann::json& row : c.params.at("formulas")) {
            const std::string text = row.value("expression", "");
            code += "_df[" + python_export::pyString(row.value("name", "")) + "] = fx_out(" +
                    formula::formulaPython(formula::parseFormula(text), "_df") + ")\n";
        }
        return code + out + " = " + *c.input("table") + ".derive(_df)\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeFormulaNode() {
    return std::make_unique<FormulaNode>();
}

}  // namespace sluice
