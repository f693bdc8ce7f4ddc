// transform.filter_rows: keeps the rows that pass a test on one column,
// optionally dropping every row with a missing value anywhere.
//
// Operators: < <= > >= (numeric columns), == != (any column: numbers are
// compared as numbers, categories and text as text), in / not_in (value is
// a comma-separated set), is_missing / not_missing. A missing value fails
// every test except is_missing (as in SQL, where NULL is neither equal nor
// unequal to anything). An empty `column` applies no test.
#include <functional>

#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/row_test.h"

namespace sluice {
namespace {

using namespace node_params;

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
                      choiceParam("operator", "Operator", rowTestOperators(), "==",
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

        std::function<bool(std::size_t)> test;
        if (!columnName.empty())
            test = makeRowTest(requireColumn(*table, columnName, "column"), op, value, "");

        std::vector<std::size_t> kept;
        const std::size_t n = table->rowCount();
        for (std::size_t r = 0; r < n; ++r) {
            if (r % 65536 == 0) {
                context.fit.throwIfCancelled();
                context.fit.progress(static_cast<double>(r) / static_cast<double>(n));
            }
            if (test && !test(r))
                continue;
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
