// transform.remove_duplicates: keeps one row of each set of rows that agree
// on every chosen column (issue 18).
//
// - Columns: the ones compared; empty compares whole rows. Values compare
//   as RowKeys has it (row_keys.h), missing equal to missing, as pandas'
//   drop_duplicates does.
// - Keep: first (the first row of each set), last, or none (drop every row
//   that has a duplicate). The rows kept stay in input order.
// - The run log says how many rows went.
#include <cstdint>
#include <unordered_map>

#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/row_keys.h"

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
        const RowKeys keys(*table, names, "columns");
        const std::string keep = params.at("keep").get<std::string>();

        // Each row's set of equal rows (found by hash, settled by equal()):
        // how many rows it has and which one is kept.
        struct Group {
            std::size_t first = 0;  // a row of the set, to compare with
            std::size_t count = 0;
            std::size_t kept = 0;
        };
        std::vector<Group> groups;
        std::unordered_map<std::uint64_t, std::vector<std::size_t>> byHash;  // -> groups
        byHash.reserve(table->rowCount());
        std::vector<std::size_t> groupOf(table->rowCount());
        std::uint64_t h = 0;
        for (std::size_t r = 0; r < table->rowCount(); ++r) {
            keys.hash(r, h, true);
            std::vector<std::size_t>& candidates = byHash[h];
            std::size_t g = groups.size();
            for (std::size_t c : candidates)
                if (keys.equal(groups[c].first, keys, r)) {
                    g = c;
                    break;
                }
            if (g == groups.size()) {
                groups.push_back({r, 0, r});
                candidates.push_back(g);
            }
            Group& group = groups[g];
            if (group.count++ > 0 && keep == "last")
                group.kept = r;
            groupOf[r] = g;
        }
        context.fit.throwIfCancelled();
        std::vector<std::size_t> rows;
        for (std::size_t r = 0; r < table->rowCount(); ++r) {
            const Group& group = groups[groupOf[r]];
            if (keep == "none" ? group.count == 1 : group.kept == r)
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
