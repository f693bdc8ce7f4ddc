// transform.edit_columns: rename columns, change their kind, reorder them
// (issue 18).
//
// - Edits: rows of {column, name, kind}. Name (optional) renames; kind
//   converts: to numeric reads each value as a number, to datetime as an
//   ISO 8601 date (a value that does not read becomes missing and is
//   counted; numbers and dates convert into each other as seconds since
//   1970); to categorical makes one level per
//   distinct value in order of first appearance (numbers as shown); to text
//   writes each value as shown. Missing stays missing; roles are kept.
// - Order (optional): the listed columns first, in that order, by their
//   names after renaming; the others follow in their order.
// - The run log says, per converted column, how many values did not
//   convert and the first of them with its row.
// - Refused, naming them: an unknown column, a column edited twice, two
//   columns ending with one name.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "data/date_time.h"
#include "data/number_text.h"
#include "io/number_parse.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

struct Converted {
    Column column;
    std::size_t failed = 0;
    std::string firstFailure;  // the first value that did not convert
    std::size_t failureRow = 0;
};

// Reads each value of a categorical or text column (each level once) as a
// number or a date, per `read`; a value that does not read becomes missing
// and is counted. Numbers and dates convert into each other as seconds.
template <class Read>
Converted readEach(const Column& c, ColumnKind target, Read read) {
    Converted out{c, 0, {}, 0};
    if (c.holdsDoubles()) {
        const auto values = c.doubles();
        out.column = Column::ofDoubles(target, c.name(), {values.begin(), values.end()}, c.role());
        return out;
    }
    const bool categorical = c.kind() == ColumnKind::Categorical;
    const std::size_t distinct = categorical ? c.levels().size() : 0;
    std::vector<std::optional<double>> levelValue(distinct);
    for (std::size_t l = 0; l < distinct; ++l)
        levelValue[l] = read(c.levels()[l]);
    std::vector<double> values(c.size(), std::nan(""));
    for (std::size_t r = 0; r < c.size(); ++r) {
        if (c.isMissing(r))
            continue;
        const std::optional<double> v =
            categorical ? levelValue[static_cast<std::size_t>(c.codes()[r])] : read(c.texts()[r]);
        if (v)
            values[r] = *v;
        else if (out.failed++ == 0) {
            out.firstFailure = c.displayValue(r);
            out.failureRow = r;
        }
    }
    out.column = Column::ofDoubles(target, c.name(), std::move(values), c.role());
    return out;
}

Converted toNumeric(const Column& c) {
    return readEach(c, ColumnKind::Numeric, [](std::string_view text) -> std::optional<double> {
        double v = 0;
        if (parseNumber(text, false, v) == NumberParse::Ok)
            return v;
        return std::nullopt;
    });
}

Converted toDateTime(const Column& c) {
    return readEach(c, ColumnKind::DateTime, parseIsoDateTime);
}

Column toCategorical(const Column& c) {
    std::vector<std::string> levels;
    std::unordered_map<std::string, std::int32_t> index;
    std::vector<std::int32_t> codes(c.size(), Column::kMissingCode);
    for (std::size_t r = 0; r < c.size(); ++r) {
        if (c.isMissing(r))
            continue;
        std::string shown = c.displayValue(r);
        auto [it, added] = index.try_emplace(shown, static_cast<std::int32_t>(levels.size()));
        if (added)
            levels.push_back(std::move(shown));
        codes[r] = it->second;
    }
    return Column::categorical(c.name(), std::move(codes), std::move(levels), c.role());
}

Column toText(const Column& c) {
    std::vector<std::string> texts(c.size());
    std::vector<bool> missing(c.size());
    for (std::size_t r = 0; r < c.size(); ++r) {
        missing[r] = c.isMissing(r);
        if (!missing[r])
            texts[r] = c.displayValue(r);
    }
    return Column::text(c.name(), std::move(texts), std::move(missing), c.role());
}

ParamSpec editsParam() {
    return recordsParam(
        "edits", "Edits",
        {columnParam("column", "Column", "The column to edit."),
         stringParam("name", "New name", "", "Its new name; empty keeps the name."),
         choiceParam("kind", "Kind", {"keep", "numeric", "categorical", "text", "datetime"}, "keep",
                     "Convert the values: numeric (a value that is not a number becomes "
                     "missing, and is counted), categorical, text, or datetime (ISO 8601 "
                     "dates such as 2024-03-01; numbers as seconds since 1970).")},
        "One row per column to rename or convert.");
}

class EditColumnsNode : public NodeType {
public:
    EditColumnsNode()
        : NodeType({
              .id = "transform.edit_columns",
              .displayName = "Edit columns",
              .category = NodeCategory::Transform,
              .description = "Renames columns, converts them between numeric, categorical and "
                             "text, and puts them in a chosen order.",
              .inputs = {{"table", PortType::Table, "Table", true, "The table to edit."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The same rows with the columns edited."}},
              .params = {editsParam(),
                         columnsParam("order", "Order",
                                      "Columns to put first, in this order (by their new "
                                      "names); the others follow as they were.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        std::vector<Column> columns = table->columns();
        std::map<std::string, std::size_t> editedAt;  // column -> edit row
        const nlohmann::json& edits = params.at("edits");
        for (std::size_t i = 0; i < edits.size(); ++i) {
            const std::string where = "parameter 'edits', row " + std::to_string(i + 1);
            const nlohmann::json edit = recordWithDefaults(*param("edits"), edits[i]);
            const std::string name = edit.at("column").get<std::string>();
            node_params::requireColumn(*table, name, where);
            if (const auto [it, fresh] = editedAt.emplace(name, i + 1); !fresh)
                throw NodeError(where + ": '" + name + "' is edited in row " +
                                std::to_string(it->second) + " already");
            Column& column = columns[*table->indexOf(name)];
            const std::string kind = edit.at("kind").get<std::string>();
            const bool toNumbers = kind == "numeric" && column.kind() != ColumnKind::Numeric;
            if (toNumbers || (kind == "datetime" && column.kind() != ColumnKind::DateTime)) {
                const Converted c = toNumbers ? toNumeric(column) : toDateTime(column);
                column = c.column;
                context.log("'" + name + "' to " + kind + ": " +
                            (c.failed == 0 ? std::string("every value converted")
                                           : std::to_string(c.failed) +
                                                 " values did not convert and are missing "
                                                 "(first: '" +
                                                 c.firstFailure + "' in row " +
                                                 std::to_string(c.failureRow + 1) + ")"));
            } else if (kind == "categorical" && column.kind() != ColumnKind::Categorical) {
                column = toCategorical(column);
                context.log("'" + name + "' to categorical: " +
                            std::to_string(column.levels().size()) + " levels");
            } else if (kind == "text" && column.kind() != ColumnKind::Text) {
                column = toText(column);
                context.log("'" + name + "' to text");
            }
            if (const std::string rename = edit.at("name").get<std::string>(); !rename.empty())
                column = column.withName(rename);
            context.fit.throwIfCancelled();
        }

        std::map<std::string, std::string> names;  // new name -> old name
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string& old = table->column(c).name();
            if (const auto [it, fresh] = names.emplace(columns[c].name(), old); !fresh)
                throw NodeError("parameter 'edits': '" + it->second + "' and '" + old +
                                "' would both be named '" + columns[c].name() + "'");
        }
        const std::vector<std::string> order = node_params::columnList(params, "order");
        std::vector<Column> ordered;
        for (const std::string& name : order) {
            const auto it = std::find_if(columns.begin(), columns.end(),
                                         [&](const Column& c) { return c.name() == name; });
            if (it == columns.end()) {
                std::vector<std::string> all;
                for (const Column& c : columns)
                    all.push_back(c.name());
                throw NodeError("parameter 'order': no column '" + name +
                                "' after the edits (columns: " + node_params::joinNames(all) + ")");
            }
            ordered.push_back(*it);
            columns.erase(it);
        }
        ordered.insert(ordered.end(), columns.begin(), columns.end());
        return {{"table", Table::make(std::move(ordered))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        c.define("sluice_edit_columns", R"PY(def sluice_edit_columns(table, edits, order):
    """Sluice's Edit columns: numbers read with pd.to_numeric (a value that
    is not one becomes missing), categories and text as Sluice shows them."""
    df = table.df.copy()
    renames = {}
    for column, name, kind in edits:
        s = df[column]
        if kind == "numeric":
            df[column] = (s - pd.Timestamp(0)).dt.total_seconds() if is_datetime(s) \
                else pd.to_numeric(s, errors="coerce")
        elif kind == "datetime":
            df[column] = pd.to_datetime(s, unit="s") if is_numeric(s) \
                else pd.to_datetime(s, errors="coerce")
        elif kind in ("categorical", "text") and is_numeric(s):
            df[column] = s.map(label_text).where(s.notna(), None)
        if name:
            renames[column] = name
    roles = {renames.get(k, k): v for k, v in table.roles.items()}
    df = df.rename(columns=renames)
    df = df[list(order) + [c for c in df.columns if c not in order]]
    return table.derive(df, roles)
)PY");
        std::string list = "[";
        for (const nlohmann::json& row : c.params.at("edits")) {
            const nlohmann::json full = recordWithDefaults(*param("edits"), row);
            list += std::string(list.size() > 1 ? ", " : "") + "(" +
                    python_export::pyString(full.at("column").get<std::string>()) + ", " +
                    python_export::pyString(full.at("name").get<std::string>()) + ", " +
                    python_export::pyString(full.at("kind").get<std::string>()) + ")";
        }
        return c.output("table") + " = sluice_edit_columns(" + *c.input("table") + ", " + list +
               "], " + c.columnsLiteral("order") + ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeEditColumnsNode() {
    return std::make_unique<EditColumnsNode>();
}

}  // namespace sluice
