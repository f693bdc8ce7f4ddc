// transform.select_columns: keeps, drops and reorders columns and sets their
// roles. Storage is shared with the input: no data is copied.
//
// Order of work: `keep` (empty = all columns, else these in this order),
// then `drop`, then roles: `target` becomes the one Target column (any other
// Target column turns Feature; empty leaves roles alone), `meta` columns
// become Meta. Every named column must exist in the input; target and meta
// must survive keep/drop.
#include <algorithm>

#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

using namespace node_params;

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

class SelectColumnsNode : public NodeType {
public:
    SelectColumnsNode()
        : NodeType({
              .id = "transform.select_columns",
              .displayName = "Select columns",
              .category = NodeCategory::Transform,
              .description = "Keeps or drops columns and chooses the target and meta columns.",
              .inputs = {{"table", PortType::Table, "Table", true, "The table to reshape."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The chosen columns with their roles."}},
              .params =
                  {
                      columnsParam("keep", "Keep",
                                   "The columns to keep, in this order; empty keeps all."),
                      columnsParam("drop", "Drop", "Columns to remove."),
                      columnParam("target", "Target",
                                  "The column to predict (it gets the Target role and any other "
                                  "target becomes a feature); empty keeps the roles as they are.",
                                  true),
                      columnsParam("meta", "Meta columns",
                                   "Columns to carry along but not learn from (ids, notes)."),
                  },
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& /*context*/) const override {
        const TablePtr table = inputTable(inputs, "table");
        const auto keep = columnList(params, "keep");
        const auto drop = columnList(params, "drop");
        const auto meta = columnList(params, "meta");
        const std::string target = params.value("target", "");
        requireColumns(*table, keep, "keep");
        requireColumns(*table, drop, "drop");
        requireColumns(*table, meta, "meta");
        if (!target.empty())
            requireColumn(*table, target, "target");

        std::vector<std::string> names;
        for (const auto& name : keep.empty() ? table->columnNames() : keep)
            if (!contains(drop, name) && !contains(names, name))
                names.push_back(name);
        if (names.empty())
            throw NodeError("parameters 'keep' and 'drop' leave no column");
        auto survives = [&](const std::string& name, const char* param) {
            if (!contains(names, name))
                throw NodeError("parameter '" + std::string(param) + "': column '" + name +
                                "' is not kept (see 'keep' and 'drop')");
        };
        if (!target.empty())
            survives(target, "target");
        for (const auto& m : meta)
            survives(m, "meta");

        std::vector<Column> columns;
        for (const auto& name : names) {
            Column c = table->column(name);
            if (name == target)
                c = c.withRole(ColumnRole::Target);
            else if (contains(meta, name))
                c = c.withRole(ColumnRole::Meta);
            else if (!target.empty() && c.role() == ColumnRole::Target)
                c = c.withRole(ColumnRole::Feature);  // one target at a time
            columns.push_back(std::move(c));
        }
        return {{"table", Table::make(std::move(columns))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return c.output("table") + " = select_columns(" + *c.input("table") +
               ", keep=" + c.columnsLiteral("keep") + ", drop=" + c.columnsLiteral("drop") +
               ", target=" + python_export::pyString(c.text("target")) +
               ", meta=" + c.columnsLiteral("meta") + ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeSelectColumnsNode() {
    return std::make_unique<SelectColumnsNode>();
}

}  // namespace sluice
