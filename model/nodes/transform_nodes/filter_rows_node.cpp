// transform.filter_rows: keeps the rows that pass a test on one column,
// optionally dropping every row with a missing value anywhere.
//
// Operators: < <= > >= (numeric columns), == != (any column: numbers are
// compared as numbers, categories and text as text), in / not_in (value is
// a comma-separated set), is_missing / not_missing. A missing value fails
// every test except is_missing (as in SQL, where NULL is neither equal nor
// unequal to anything). An empty `column` applies no test.
#include <algorithm>
#include <functional>

#include "data/table_rows.h"
#include "io/number_parse.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

using namespace node_params;

const std::vector<std::string> kOperators = {
    "<", "<=", ">", ">=", "==", "!=", "in", "not_in", "is_missing", "not_missing"};

double numberParam(const std::string& text, const std::string& column) {
    double v = 0;
    if (parseNumber(text, false, v) != NumberParse::Ok)
        throw NodeError("parameter 'value': '" + text + "' is not a number, and column '" + column +
                        "' is numeric");
    return v;
}

// The test for one present value of the column, by row.
std::function<bool(std::size_t)> rowTest(const Column& c, const std::string& op,
                                         const std::string& value) {
    const bool isSet = op == "in" || op == "not_in";
    const bool negate = op == "!=" || op == "not_in";
    const std::vector<std::string> items = isSet ? splitList(value) : std::vector{value};
    if (c.kind() == ColumnKind::Numeric) {
        const auto x = c.numbers();
        if (!isSet && op != "==" && op != "!=") {
            const double v = numberParam(value, c.name());
            if (op == "<")
                return [x, v](std::size_t r) { return x[r] < v; };
            if (op == "<=")
                return [x, v](std::size_t r) { return x[r] <= v; };
            if (op == ">")
                return [x, v](std::size_t r) { return x[r] > v; };
            return [x, v](std::size_t r) { return x[r] >= v; };
        }
        std::vector<double> set;
        for (const auto& item : items)
            set.push_back(numberParam(item, c.name()));
        return [x, set, negate](std::size_t r) {
            const bool found = std::find(set.begin(), set.end(), x[r]) != set.end();
            return found != negate;
        };
    }
    if (!isSet && op != "==" && op != "!=")
        throw NodeError("parameter 'operator': '" + op + "' compares numbers, but column '" +
                        c.name() + "' is " + std::string(kindName(c.kind())) +
                        " (use ==, !=, in or not_in)");
    auto inSet = [items](const std::string& s) {
        return std::find(items.begin(), items.end(), s) != items.end();
    };
    if (c.kind() == ColumnKind::Categorical) {
        // Decide once per level, then look codes up.
        std::vector<bool> passes;
        for (const auto& level : c.levels())
            passes.push_back(inSet(level) != negate);
        const auto codes = c.codes();
        return
            [codes, passes](std::size_t r) { return passes[static_cast<std::size_t>(codes[r])]; };
    }
    const auto* texts = &c.texts();
    return [texts, inSet, negate](std::size_t r) { return inSet((*texts)[r]) != negate; };
}

class FilterRowsNode : public NodeType {
public:
    FilterRowsNode()
        : NodeType({
              .id = "transform.filter_rows",
              .displayName = "Filter rows",
              .category = NodeCategory::Transform,
              .description = "Keeps the rows where a column passes a test (x > 2, species in "
                             "setosa, virginica), and can drop rows with missing values.",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to filter."}},
              .outputs = {{"table", PortType::Table, "Table", true, "The rows that pass."}},
              .params =
                  {
                      columnParam("column", "Column",
                                  "The column to test; empty tests nothing (only drop missing "
                                  "applies).",
                                  true),
                      choiceParam("operator", "Operator", kOperators, "==",
                                  "How the column is compared with the value. < <= > >= need a "
                                  "numeric column; a missing value fails every test except "
                                  "is_missing."),
                      stringParam("value", "Value", "",
                                  "What to compare with: a number for numeric columns, a "
                                  "category or text otherwise; for in and not_in a "
                                  "comma-separated list. Unused by is_missing and not_missing."),
                      boolParam("drop_missing", "Drop rows with missing values", false,
                                "Also drop every row that has a missing value in any column."),
                  },
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::string columnName = params.value("column", "");
        const std::string op = params.at("operator").get<std::string>();
        const std::string value = params.at("value").get<std::string>();
        const bool dropMissing = params.at("drop_missing").get<bool>();

        const Column* column = nullptr;
        std::function<bool(std::size_t)> test;
        if (!columnName.empty()) {
            column = &requireColumn(*table, columnName, "column");
            if (op != "is_missing" && op != "not_missing")
                test = rowTest(*column, op, value);
        }

        std::vector<std::size_t> kept;
        const std::size_t n = table->rowCount();
        for (std::size_t r = 0; r < n; ++r) {
            if (r % 65536 == 0) {
                context.fit.throwIfCancelled();
                context.fit.progress(static_cast<double>(r) / static_cast<double>(n));
            }
            if (column) {
                const bool missing = column->isMissing(r);
                const bool pass = op == "is_missing"    ? missing
                                  : op == "not_missing" ? !missing
                                                        : !missing && test(r);
                if (!pass)
                    continue;
            }
            if (dropMissing && anyMissing(*table, r))
                continue;
            kept.push_back(r);
        }
        context.fit.progress(1.0);
        if (kept.size() == n)
            return {{"table", table}};  // nothing removed: share the input as is
        return {{"table", takeRows(*table, kept)}};
    }

private:
    static bool anyMissing(const Table& table, std::size_t row) {
        for (const Column& c : table.columns())
            if (c.isMissing(row))
                return true;
        return false;
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        using python_export::pyString;
        return c.output("table") + " = filter_rows(" + *c.input("table") +
               ", column=" + pyString(c.text("column")) + ", op=" + pyString(c.text("operator")) +
               ", value=" + pyString(c.text("value")) +
               ", drop_missing=" + c.literal("drop_missing") + ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeFilterRowsNode() {
    return std::make_unique<FilterRowsNode>();
}

}  // namespace sluice
