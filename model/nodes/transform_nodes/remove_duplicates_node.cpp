// transform.remove_duplicates: keeps one row of each set of rows that agree
// on every chosen column (issue 18).
//
// - Columns: the ones compared; empty compares whole rows. Values compare
//   as RowKeys has it (row_keys.h), missing equal to missing, as pandas'
//   drop_duplicates does.
// - Keep: first (the first row of each set), last, or none (drop every row
//   that has a duplicate). The rows kept stay in input order.
// - The run log says how many rows went.
#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/row_groups.h"

namespace sluice {
namespace {

class RemoveDuplicatesNode : public NodeType {
public:
    RemoveDuplicatesNode()
        : NodeType({
              .id = "transform.remove_duplicates",
              .displayName = "Remove duplicates",
              .category = NodeCategory::Transform,
              .description = "Keeps one row of each set of rows with equal values in the "
                             "chosen columns (or in every column): the first, the last, or "
                             "none of them.",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to de-duplicate."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The rows kept, in their input order."}},
              .params = {columnsParam("columns", "Compare",
                                      "The columns whose values make rows duplicates; "
                                      "empty compares every column."),
                         choiceParam("keep", "Keep", {"first", "last", "none"}, "first",
                                     "Which row of each set of duplicates stays: the first, "
                                     "the last, or none (a row with a duplicate goes).")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        std::vector<std::string> names = node_params::columnList(params, "columns");
        if (names.empty())
            names = table->columnNames();
        // missing equals missing, as pandas' drop_duplicates has it
        const RowGroups groups(*table, names, "columns", false, false);
        const std::string keep = params.at("keep").get<std::string>();
        std::vector<std::size_t> count(groups.count(), 0), kept(groups.firstRow);
        for (std::size_t r = 0; r < table->rowCount(); ++r) {
            const auto g = static_cast<std::size_t>(groups.groupOf[r]);
            ++count[g];
            if (keep == "last")
                kept[g] = r;
        }
        context.fit.throwIfCancelled();
        std::vector<std::size_t> rows;
        for (std::size_t r = 0; r < table->rowCount(); ++r) {
            const auto g = static_cast<std::size_t>(groups.groupOf[r]);
            if (keep == "none" ? count[g] == 1 : kept[g] == r)
                rows.push_back(r);
        }
        context.log("removed " + std::to_string(table->rowCount() - rows.size()) + " of " +
                    std::to_string(table->rowCount()) + " rows");
        if (rows.size() == table->rowCount())
            return {{"table", table}};
        return {{"table", takeRows(*table, rows)}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        const std::string in = *c.input("table");
        const std::string subset = c.columnsLiteral("columns");
        const std::string keep = c.text("keep");
        return c.output("table") + " = " + in + ".derive(" + in +
               ".df.drop_duplicates(subset=" + (subset == "[]" ? "None" : subset) +
               ", keep=" + (keep == "none" ? "False" : "\"" + keep + "\"") + "))\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeRemoveDuplicatesNode() {
    return std::make_unique<RemoveDuplicatesNode>();
}

}  // namespace sluice
