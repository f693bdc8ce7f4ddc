// transform.unpivot: wide to long (issue 18), as pandas' melt. Each input
// row becomes one row per value column: the id columns repeated, a column
// naming the value column and a column holding its value.
//
// - Value columns: the chosen ones; empty takes every column that is not
//   an id column. Rows come value column after value column, each in input
//   order (as melt).
// - The name column is categorical, its levels the value columns in order.
// - The value column is numeric (datetime) when every value column is,
//   categorical
//   (levels joined in order of first appearance) when every one is
//   categorical, else text (numbers as shown).
// - "Drop missing" leaves out rows whose value is missing.
// - A new column named like an id column is refused, naming it.
#include <numeric>

#include "data/level_union.h"
#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

class UnpivotNode : public NodeType {
public:
    UnpivotNode()
        : NodeType({
              .id = "transform.unpivot",
              .displayName = "Unpivot",
              .category = NodeCategory::Transform,
              .description = "Wide to long: one row per (row, value column), with the id "
                             "columns repeated, the column's name and its value.",
              .inputs = {{"table", PortType::Table, "Table", true, "The wide table."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The id columns, the name column and the value column."}},
              .params = {columnsParam("id_columns", "Id columns",
                                      "Columns repeated on every row made from a row."),
                         columnsParam("value_columns", "Value columns",
                                      "Columns turned into rows; empty: every column that is "
                                      "not an id column."),
                         stringParam("name_column", "Name column", "variable",
                                     "The new column holding each value's column name."),
                         stringParam("value_column", "Value column", "value",
                                     "The new column holding the values."),
                         boolParam("drop_missing", "Drop missing", false,
                                   "Leave out the rows whose value is missing.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::vector<std::string> ids = node_params::columnList(params, "id_columns");
        std::vector<std::string> valueNames = node_params::columnList(params, "value_columns");
        node_params::requireColumns(*table, ids, "id_columns");
        if (valueNames.empty())
            for (const std::string& name : table->columnNames())
                if (std::find(ids.begin(), ids.end(), name) == ids.end())
                    valueNames.push_back(name);
        node_params::requireColumns(*table, valueNames, "value_columns");
        for (std::size_t i = 0; i < valueNames.size(); ++i)
            if (std::find(valueNames.begin(), valueNames.begin() + static_cast<std::ptrdiff_t>(i),
                          valueNames[i]) != valueNames.begin() + static_cast<std::ptrdiff_t>(i))
                throw NodeError("parameter 'value_columns': '" + valueNames[i] +
                                "' is named twice");
        if (valueNames.empty())
            throw NodeError("parameter 'value_columns': no column is left to unpivot");
        const std::string nameColumn = newName(params, "name_column", ids);
        const std::string valueColumn = newName(params, "value_column", ids);
        if (nameColumn == valueColumn)
            throw NodeError("parameter 'value_column': '" + valueColumn +
                            "' is the name column's name too");

        std::vector<const Column*> sources;
        bool allNumeric = true, allCategorical = true;
        const ColumnKind firstKind = table->column(valueNames.front()).kind();
        for (const std::string& name : valueNames) {
            sources.push_back(&table->column(name));
            // numbers, or dates: one kind of doubles throughout
            allNumeric =
                allNumeric && sources.back()->holdsDoubles() && sources.back()->kind() == firstKind;
            allCategorical = allCategorical && sources.back()->kind() == ColumnKind::Categorical;
        }
        const bool dropMissing = params.at("drop_missing").get<bool>();

        // (source row, value column) of every output row, in melt's order.
        const std::size_t n = table->rowCount();
        std::vector<std::size_t> rows;
        std::vector<std::int32_t> from;
        rows.reserve(n * sources.size());
        from.reserve(n * sources.size());
        for (std::size_t k = 0; k < sources.size(); ++k)
            for (std::size_t r = 0; r < n; ++r)
                if (!dropMissing || !sources[k]->isMissing(r)) {
                    rows.push_back(r);
                    from.push_back(static_cast<std::int32_t>(k));
                }
        context.fit.throwIfCancelled();

        std::vector<Column> columns;
        if (!ids.empty())
            columns = takeRows(*table->select(ids), rows)->columns();
        columns.push_back(Column::categorical(nameColumn, from, valueNames));
        columns.push_back(
            meltedValues(sources, rows, from, valueColumn, allNumeric, allCategorical));
        context.log(std::to_string(rows.size()) + " rows from " + std::to_string(n) + " rows × " +
                    std::to_string(sources.size()) + " columns");
        return {{"table", Table::make(std::move(columns))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        const std::string in = *c.input("table");
        const std::string values = c.columnsLiteral("value_columns");
        std::string code = "_long = " + in + ".df.melt(id_vars=" + c.columnsLiteral("id_columns") +
                           ", value_vars=" + (values == "[]" ? "None" : values) +
                           ", var_name=" + c.literal("name_column") +
                           ", value_name=" + c.literal("value_column") + ")\n";
        if (c.params.value("drop_missing", false))
            code += "_long = _long[_long[" + c.literal("value_column") + "].notna()]\n";
        return code + c.output("table") + " = Table(_long.reset_index(drop=True))\n";
    }

private:
    // A new column's name from `param`, refused when empty or an id column's.
    static std::string newName(const nlohmann::json& params, const std::string& param,
                               const std::vector<std::string>& ids) {
        const std::string name = params.at(param).get<std::string>();
        if (name.empty())
            throw NodeError("parameter '" + param + "': give the new column a name");
        if (std::find(ids.begin(), ids.end(), name) != ids.end())
            throw NodeError("parameter '" + param + "': '" + name + "' is an id column");
        return name;
    }

    static Column meltedValues(const std::vector<const Column*>& sources,
                               const std::vector<std::size_t>& rows,
                               const std::vector<std::int32_t>& from, const std::string& name,
                               bool allNumeric, bool allCategorical) {
        const std::size_t m = rows.size();
        if (allNumeric) {
            std::vector<double> values(m);
            for (std::size_t i = 0; i < m; ++i)
                values[i] = sources[static_cast<std::size_t>(from[i])]->doubles()[rows[i]];
            return Column::ofDoubles(sources.front()->kind(), name, std::move(values));
        }
        if (allCategorical) {
            LevelUnion levels;
            std::vector<std::vector<std::int32_t>> where;
            for (const Column* source : sources)
                where.push_back(levels.add(source->levels()));
            std::vector<std::int32_t> codes(m);
            for (std::size_t i = 0; i < m; ++i) {
                const auto k = static_cast<std::size_t>(from[i]);
                const std::int32_t code = sources[k]->codes()[rows[i]];
                codes[i] = code < 0 ? code : where[k][static_cast<std::size_t>(code)];
            }
            return Column::categorical(name, std::move(codes), levels.levels());
        }
        std::vector<std::string> texts(m);
        std::vector<bool> missing(m);
        for (std::size_t i = 0; i < m; ++i) {
            const Column& source = *sources[static_cast<std::size_t>(from[i])];
            missing[i] = source.isMissing(rows[i]);
            if (!missing[i])
                texts[i] = source.displayValue(rows[i]);
        }
        return Column::text(name, std::move(texts), std::move(missing), ColumnRole::Feature);
    }
};

}  // namespace

std::unique_ptr<NodeType> makeUnpivotNode() {
    return std::make_unique<UnpivotNode>();
}

}  // namespace sluice
