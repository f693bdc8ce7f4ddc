// transform.group_by: one row per group of rows with equal key values, with
// the chosen aggregations of their columns (issue 18).
//
// - Keys: one or more columns (RowGroups, row_groups.h); none makes one
//   group of every row. Rows with a missing key are dropped (pandas'
//   dropna=True) unless "Missing keys" keeps them as a group of their own.
//   Groups come sorted by their keys (as pandas' sort=True) or in order of
//   first appearance.
// - Aggregations: rows of {column, function, name}, computed as
//   group_aggregate.h says (count, count_missing, sum, mean, median, min,
//   max, std, var, n_unique, first, last, mode). The output column is named
//   `<column>_<function>` unless a name is given; a name used twice, or a
//   key's name, is refused with both rows named, and so is a numbers-only
//   function on a column of another kind.
// - No aggregation: the keys and `count`, the number of rows in each group.
// - Output: the key columns (their first row's values, kinds and levels
//   kept), then one column per aggregation.
#include <map>

#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/group_aggregate.h"
#include "nodes/transform_nodes/row_groups.h"

namespace sluice {
namespace {

// One aggregation, its column found and its output name settled.
struct Aggregation {
    const Column* column;
    std::string function, name;
};

ParamSpec aggregationsParam() {
    ParamSpec column = columnParam("column", "Column", "The column to aggregate.");
    ParamSpec function = choiceParam(
        "function", "Function", aggregateFunctions(), "mean",
        "count: values present; count_missing; sum, mean, median, std, var (numbers only); "
        "min, max; n_unique; first, last (present values); mode (most frequent, a tie to "
        "the smallest).");
    ParamSpec name = stringParam("name", "Name", "",
                                 "The output column's name; empty: <column>_<function>, "
                                 "such as income_mean.");
    return recordsParam("aggregations", "Aggregations", {column, function, name},
                        "One row per output column: a column and what to compute over each "
                        "group. None: each group's number of rows, as `count`.");
}

class GroupByNode : public NodeType {
public:
    GroupByNode()
        : NodeType({
              .id = "transform.group_by",
              .displayName = "Group by",
              .category = NodeCategory::Transform,
              .description = "One row per group of rows with equal key values, with counts, "
                             "sums, means, medians and other aggregations of their columns.",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to group."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The key columns and one column per aggregation, one row per "
                           "group."}},
              .params = {columnsParam("keys", "Group by",
                                      "The columns whose values make a group; empty: one "
                                      "group of every row."),
                         aggregationsParam(),
                         choiceParam("order", "Order", {"sorted", "first appearance"}, "sorted",
                                     "Groups sorted by their keys (missing last), or in the "
                                     "order their first rows come."),
                         choiceParam("missing_keys", "Missing keys", {"drop", "keep"}, "drop",
                                     "Rows with a missing key value: dropped (as pandas), or "
                                     "kept as a group of their own.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::vector<std::string> keys = node_params::columnList(params, "keys");
        const std::vector<Aggregation> aggregations = settle(*table, keys, params);

        const RowGroups groups(*table, keys, "keys",
                               params.at("missing_keys").get<std::string>() == "drop",
                               params.at("order").get<std::string>() == "sorted");
        context.fit.throwIfCancelled();

        std::vector<Column> columns;
        if (!keys.empty())
            columns = takeRows(*table->select(keys), groups.firstRow)->columns();
        for (std::size_t i = 0; i < aggregations.size(); ++i) {
            const Aggregation& a = aggregations[i];
            columns.push_back(
                aggregateGroups(*a.column, a.function, a.name, groups.groupOf, groups.count()));
            context.fit.throwIfCancelled();
            context.fit.progress(static_cast<double>(i + 1) / aggregations.size());
        }
        if (aggregations.empty()) {
            std::vector<double> sizes(groups.count(), 0.0);
            for (std::int32_t g : groups.groupOf)
                if (g >= 0)
                    sizes[static_cast<std::size_t>(g)] += 1;
            columns.push_back(Column::numeric("count", std::move(sizes)));
        }
        context.log(std::to_string(groups.count()) + " groups from " +
                    std::to_string(table->rowCount()) + " rows" +
                    (groups.dropped > 0 ? "; " + std::to_string(groups.dropped) +
                                              " rows with a missing key dropped"
                                        : std::string()));
        return {{"table", Table::make(std::move(columns))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        c.define("sluice_aggregate", aggregatePython());
        c.define("sluice_group_by",
                 R"PY(def sluice_group_by(table, keys, aggregations, sort, dropna):
    """Sluice's Group by: named aggregations over pandas' groupby."""
    df = table.df
    if not aggregations:
        out = (df.groupby(keys, sort=sort, dropna=dropna).size().rename("count").reset_index()
               if keys else pd.DataFrame({"count": [len(df)]}))
        return Table(out)
    named = {name: (column, sluice_aggregate(function))
             for column, function, name in aggregations}
    if keys:
        out = df.groupby(keys, sort=sort, dropna=dropna).agg(**named).reset_index()
    else:
        out = pd.DataFrame({name: [df[column].agg(f)] for name, (column, f) in named.items()})
    return Table(out)
)PY");
        std::string list = "[";
        for (const nlohmann::json& row : c.params.at("aggregations")) {
            const nlohmann::json full = recordWithDefaults(*param("aggregations"), row);
            const std::string column = full.at("column").get<std::string>();
            const std::string function = full.at("function").get<std::string>();
            std::string name = full.at("name").get<std::string>();
            if (name.empty())
                name = column + "_" + function;
            list += (list.size() > 1 ? ", (" : "(") + python_export::pyString(column) + ", " +
                    python_export::pyString(function) + ", " + python_export::pyString(name) + ")";
        }
        list += "]";
        return "# Sluice reads the kinds pandas cannot tell apart (a group with no value has a\n"
               "# missing first/last/min/max in both).\n" +
               c.output("table") + " = sluice_group_by(" + *c.input("table") + ", " +
               c.columnsLiteral("keys") + ", " + list + ", " +
               (c.text("order") == "sorted" ? "True" : "False") + ", " +
               (c.text("missing_keys") == "drop" ? "True" : "False") + ")\n";
    }

private:
    // The aggregations with their columns found, kinds checked and output
    // names settled; NodeError naming the row otherwise.
    std::vector<Aggregation> settle(const Table& table, const std::vector<std::string>& keys,
                                    const nlohmann::json& params) const {
        const ParamSpec& spec = *param("aggregations");
        std::vector<Aggregation> out;
        std::map<std::string, std::string> used;  // output name -> who uses it
        for (const std::string& key : keys)
            used.emplace(key, "key '" + key + "'");
        const nlohmann::json& rows = params.at("aggregations");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string where = "parameter 'aggregations', row " + std::to_string(i + 1);
            const nlohmann::json full = recordWithDefaults(spec, rows[i]);
            const std::string columnName = full.at("column").get<std::string>();
            const Column& column = node_params::requireColumn(table, columnName, where);
            Aggregation a{&column, full.at("function").get<std::string>(),
                          full.at("name").get<std::string>()};
            if (aggregateNeedsNumbers(a.function) && column.kind() != ColumnKind::Numeric)
                throw NodeError(where + ": " + a.function + " needs a numeric column; '" +
                                columnName + "' is " + std::string(kindName(column.kind())));
            if (a.name.empty())
                a.name = columnName + "_" + a.function;
            const auto [it, fresh] = used.emplace(a.name, "row " + std::to_string(i + 1));
            if (!fresh)
                throw NodeError(where + ": the output name '" + a.name + "' is already used by " +
                                it->second + "; give the row a name of its own");
            out.push_back(std::move(a));
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<NodeType> makeGroupByNode() {
    return std::make_unique<GroupByNode>();
}

}  // namespace sluice
