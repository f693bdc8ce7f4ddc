// transform.pivot: long to wide (issue 18). One row per value of the index
// columns, one column per value of the "columns" column, each cell the
// aggregation of the values of the rows that have both.
//
// - Index and columns group as Group by's keys do (row_groups.h), both
//   sorted (as pandas' pivot_table); a row missing either is left out and
//   counted in the run log.
// - Cells: any function of group_aggregate.h over the values column (mean
//   by default, as pandas). A pair with no row gets the fill value when one
//   is given (a number for a numeric result, any text otherwise), else a
//   missing value; counts are 0 there, as for a group with no value.
// - Names: the column's value as shown (2021, north), after the prefix; a
//   name that clashes with an index column or another (after the prefix) is
//   refused, naming it.
#include <cmath>
#include <map>

#include "data/date_time.h"
#include "data/level_union.h"
#include "data/table_rows.h"
#include "io/number_parse.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/group_aggregate.h"
#include "nodes/transform_nodes/row_groups.h"

namespace sluice {
namespace {

// `column` with its missing values replaced by `fill` (a number for a
// numeric column; a text or a level otherwise); NodeError when a numeric
// column is given a fill that is not a number.
Column filledColumn(const Column& column, const std::string& fill, const std::string& name) {
    const std::size_t n = column.size();
    switch (column.kind()) {
        case ColumnKind::Numeric:
        case ColumnKind::DateTime: {
            double value = 0;
            const bool dates = column.kind() == ColumnKind::DateTime;
            const std::optional<double> date = dates ? parseIsoDateTime(fill) : std::nullopt;
            if (dates ? !date : parseNumber(fill, false, value) != NumberParse::Ok)
                throw NodeError("parameter 'fill': '" + fill + "' is not " +
                                (dates ? "a date (such as 2024-03-01), and the cells are dates"
                                       : "a number, and the cells are numbers"));
            if (dates)
                value = *date;
            std::vector<double> values(column.doubles().begin(), column.doubles().end());
            for (double& v : values)
                if (std::isnan(v))
                    v = value;
            return Column::ofDoubles(column.kind(), name, std::move(values));
        }
        case ColumnKind::Categorical: {
            LevelUnion levels;
            levels.add(column.levels());
            const std::int32_t fillCode = levels.add({fill}).front();
            std::vector<std::int32_t> codes(column.codes().begin(), column.codes().end());
            for (std::int32_t& c : codes)
                if (c == Column::kMissingCode)
                    c = fillCode;
            return Column::categorical(name, std::move(codes), levels.levels());
        }
        case ColumnKind::Text: {
            std::vector<std::string> texts = column.texts();
            for (std::size_t r = 0; r < n; ++r)
                if (column.isMissing(r))
                    texts[r] = fill;
            return Column::text(name, std::move(texts), {}, ColumnRole::Feature);
        }
    }
    return column;
}

class PivotNode : public NodeType {
public:
    PivotNode()
        : NodeType({
              .id = "transform.pivot",
              .displayName = "Pivot",
              .category = NodeCategory::Transform,
              .description = "Long to wide: one row per index value, one column per value of "
                             "another column, each cell an aggregation of the values there.",
              .inputs = {{"table", PortType::Table, "Table", true, "The long table."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The index columns, then one column per value of Columns."}},
              .params = {columnsParam("index", "Index",
                                      "The columns whose values make the rows; empty: one "
                                      "row."),
                         columnParam("columns", "Columns",
                                     "The column whose values become the new columns.", true),
                         columnParam("values", "Values", "The column the cells aggregate.", true),
                         choiceParam("aggregation", "Aggregation", aggregateFunctions(), "mean",
                                     "What each cell holds of its rows' values (as in Group "
                                     "by); mean by default, as pandas' pivot_table."),
                         stringParam("fill", "Fill", "",
                                     "The value of a cell no row reaches; empty leaves it "
                                     "missing."),
                         stringParam("prefix", "Prefix", "",
                                     "Put before each new column's name: with \"sales_\" "
                                     "the value 2021 makes the column sales_2021.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::vector<std::string> index = node_params::columnList(params, "index");
        const std::string columnsName = params.at("columns").get<std::string>();
        const std::string valuesName = params.at("values").get<std::string>();
        const std::string function = params.at("aggregation").get<std::string>();
        const std::string fill = params.at("fill").get<std::string>();
        const std::string prefix = params.at("prefix").get<std::string>();
        if (columnsName.empty())
            throw NodeError("parameter 'columns': choose the column whose values become columns");
        if (valuesName.empty())
            throw NodeError("parameter 'values': choose the column the cells aggregate");
        const Column& keyColumn = node_params::requireColumn(*table, columnsName, "columns");
        const Column& values = node_params::requireColumn(*table, valuesName, "values");
        if (aggregateNeedsNumbers(function) && values.kind() != ColumnKind::Numeric)
            throw NodeError("parameter 'aggregation': " + function + " needs a numeric column; '" +
                            valuesName + "' is " + std::string(kindName(values.kind())));

        const RowGroups rowsOf(*table, index, "index", true, true);
        const RowGroups columnsOf(*table, {columnsName}, "columns", true, true);
        const std::size_t nRows = rowsOf.count(), nColumns = columnsOf.count();

        // The new columns' names, checked before any work.
        std::vector<std::string> names;
        std::map<std::string, std::string> used;
        for (const std::string& name : index)
            used.emplace(name, "an index column");
        for (std::size_t c = 0; c < nColumns; ++c) {
            const std::string shown = keyColumn.displayValue(columnsOf.firstRow[c]);
            names.push_back(prefix + shown);
            const auto [it, fresh] = used.emplace(names.back(), "the value '" + shown + "'");
            if (!fresh)
                throw NodeError("parameter 'columns': the value '" + shown + "' of '" +
                                columnsName + "' would make a column '" + names.back() + "', as " +
                                it->second + " does; set a prefix");
        }
        if (nRows * nColumns > 100'000'000)
            throw NodeError("parameter 'columns': " + std::to_string(nRows) + " rows by " +
                            std::to_string(nColumns) + " columns is too wide a table; is '" +
                            columnsName + "' the right column?");

        // One cell per (row group, column group): a group of its own.
        std::vector<std::int32_t> cellOf(table->rowCount(), -1);
        std::size_t left = 0;
        for (std::size_t r = 0; r < cellOf.size(); ++r) {
            const std::int32_t i = rowsOf.groupOf[r], c = columnsOf.groupOf[r];
            if (i < 0 || c < 0) {
                ++left;
                continue;
            }
            cellOf[r] = static_cast<std::int32_t>(static_cast<std::size_t>(i) * nColumns +
                                                  static_cast<std::size_t>(c));
        }
        context.fit.throwIfCancelled();
        const Column cells = aggregateGroups(values, function, "cells", cellOf, nRows * nColumns);
        context.fit.throwIfCancelled();

        std::vector<Column> columns;
        if (!index.empty())
            columns = takeRows(*table->select(index), rowsOf.firstRow)->columns();
        const Table cellTable({cells});
        std::vector<std::size_t> pick(nRows);
        for (std::size_t c = 0; c < nColumns; ++c) {
            for (std::size_t i = 0; i < nRows; ++i)
                pick[i] = i * nColumns + c;
            Column column = takeRows(cellTable, pick)->column(0).withName(names[c]);
            if (!fill.empty())
                column = filledColumn(column, fill, names[c]);
            columns.push_back(std::move(column).withRole(ColumnRole::Feature));
        }
        context.log(std::to_string(nRows) + " rows by " + std::to_string(nColumns) + " columns" +
                    (left > 0 ? "; " + std::to_string(left) +
                                    " rows with a missing index or column value left out"
                              : std::string()));
        return {{"table", Table::make(std::move(columns))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        c.define("sluice_aggregate", aggregatePython());
        c.define("sluice_pivot",
                 R"PY(def sluice_pivot(table, index, columns, values, function, fill, prefix):
    """Sluice's Pivot: Group by's functions per (index, column) pair,
    columns named by the value as Sluice shows it, after the prefix."""
    df = table.df.dropna(subset=list(index) + [columns])
    keys = list(index) + [columns]
    f = sluice_aggregate(function)
    if index:
        wide = df.groupby(keys)[values].agg(f).unstack(columns)
    else:
        wide = df.groupby(columns)[values].agg(f).to_frame().T
    if function in ("count", "count_missing", "sum", "n_unique"):
        wide = wide.fillna(0)
    if fill != "":
        wide = wide.fillna(float(fill) if is_numeric(wide.stack()) else fill)
    wide.columns = [prefix + label_text(v) for v in wide.columns]
    wide = wide.reset_index() if index else wide.reset_index(drop=True)
    return Table(wide)
)PY");
        return c.output("table") + " = sluice_pivot(" + *c.input("table") + ", " +
               c.columnsLiteral("index") + ", " + c.literal("columns") + ", " +
               c.literal("values") + ", " + c.literal("aggregation") + ", " + c.literal("fill") +
               ", " + c.literal("prefix") + ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makePivotNode() {
    return std::make_unique<PivotNode>();
}

}  // namespace sluice
