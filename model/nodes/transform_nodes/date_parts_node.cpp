// transform.date_parts: numbers a learner can use, taken from datetime
// columns (issue 18).
//
// - Columns: the datetime columns to take apart; empty takes every datetime
//   feature column. A named column that is not a datetime is refused.
// - Parts, each a switch, each a new numeric column <column>_<part> placed
//   after its column: year, quarter (1-4), month (1-12), day (1-31),
//   weekday (Monday 0 .. Sunday 6, as pandas), day_of_year (1-366), hour,
//   minute, is_weekend (1 on Saturday and Sunday, else 0) and epoch (seconds
//   since 1970-01-01 UTC). Missing dates give missing parts.
// - Keep the column: the datetime column itself stays (as meta, so learners
//   pass it by) or goes.
// - A part's name that the table already has is refused, naming it.
#include <array>
#include <cmath>
#include <functional>

#include "data/date_time.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

struct DatePart {
    const char* name;
    const char* label;
    bool byDefault;
    double (*value)(double seconds, const DateParts& p);
    const char* pandas;  // the .dt expression of the Python export
};

const std::array<DatePart, 10>& datePartList() {
    static const std::array<DatePart, 10> parts = {{
        {"year", "Year", true, [](double, const DateParts& p) { return double(p.year); },
         "s.dt.year"},
        {"quarter", "Quarter", false,
         [](double, const DateParts& p) { return double((p.month - 1) / 3 + 1); }, "s.dt.quarter"},
        {"month", "Month", true, [](double, const DateParts& p) { return double(p.month); },
         "s.dt.month"},
        {"day", "Day", true, [](double, const DateParts& p) { return double(p.day); }, "s.dt.day"},
        {"weekday", "Weekday", true, [](double, const DateParts& p) { return double(p.weekday); },
         "s.dt.weekday"},
        {"day_of_year", "Day of year", false,
         [](double, const DateParts& p) { return double(p.dayOfYear); }, "s.dt.dayofyear"},
        {"hour", "Hour", false, [](double, const DateParts& p) { return double(p.hour); },
         "s.dt.hour"},
        {"minute", "Minute", false, [](double, const DateParts& p) { return double(p.minute); },
         "s.dt.minute"},
        {"is_weekend", "Is weekend", false,
         [](double, const DateParts& p) { return p.weekday >= 5 ? 1.0 : 0.0; },
         "(s.dt.weekday >= 5)"},
        {"epoch", "Epoch seconds", false, [](double seconds, const DateParts&) { return seconds; },
         "(s - pd.Timestamp(0)).dt.total_seconds()"},
    }};
    return parts;
}

std::vector<ParamSpec> datePartsParams() {
    std::vector<ParamSpec> params = {
        columnsParam("columns", "Columns",
                     "The datetime columns to take apart; empty takes every datetime feature "
                     "column.")};
    for (const DatePart& part : datePartList())
        params.push_back(boolParam(part.name, part.label, part.byDefault,
                                   std::string("Add <column>_") + part.name + "."));
    params.push_back(boolParam("keep_original", "Keep the column", false,
                               "Keep the datetime column itself (as meta, so learners pass it "
                               "by); otherwise it goes."));
    return params;
}

class DatePartsNode : public NodeType {
public:
    DatePartsNode()
        : NodeType({
              .id = "transform.date_parts",
              .displayName = "Date parts",
              .category = NodeCategory::Transform,
              .description = "Numbers from datetime columns: year, quarter, month, day, "
                             "weekday, day of year, hour, minute, weekend, epoch seconds.",
              .inputs = {{"table", PortType::Table, "Table", true,
                          "A table with datetime columns."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The table with a numeric column per chosen part."}},
              .params = datePartsParams(),
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        std::vector<std::string> names = node_params::columnList(params, "columns");
        for (const std::string& name : names) {
            const Column& c = node_params::requireColumn(*table, name, "columns");
            if (c.kind() != ColumnKind::DateTime)
                throw NodeError("parameter 'columns': '" + name + "' is " +
                                std::string(kindName(c.kind())) +
                                ", not datetime (Edit columns can make it one)");
        }
        if (names.empty())
            for (const Column& c : table->columns())
                if (c.kind() == ColumnKind::DateTime && c.role() == ColumnRole::Feature)
                    names.push_back(c.name());
        std::vector<const DatePart*> chosen;
        for (const DatePart& part : datePartList())
            if (params.at(part.name).get<bool>())
                chosen.push_back(&part);
        const bool keep = params.at("keep_original").get<bool>();

        std::vector<Column> columns;
        for (const Column& c : table->columns()) {
            if (std::find(names.begin(), names.end(), c.name()) == names.end()) {
                columns.push_back(c);
                continue;
            }
            if (keep)
                columns.push_back(c.withRole(ColumnRole::Meta));
            const std::span<const double> seconds = c.seconds();
            std::vector<std::vector<double>> values(chosen.size(),
                                                    std::vector<double>(c.size(), std::nan("")));
            for (std::size_t r = 0; r < c.size(); ++r) {
                if (std::isnan(seconds[r]))
                    continue;
                const DateParts p = dateParts(seconds[r]);
                for (std::size_t k = 0; k < chosen.size(); ++k)
                    values[k][r] = chosen[k]->value(seconds[r], p);
            }
            for (std::size_t k = 0; k < chosen.size(); ++k) {
                const std::string name = c.name() + "_" + chosen[k]->name;
                if (table->indexOf(name))
                    throw NodeError("parameter '" + std::string(chosen[k]->name) +
                                    "': the table already has a column '" + name + "'");
                columns.push_back(Column::numeric(name, std::move(values[k])));
            }
            context.fit.throwIfCancelled();
        }
        context.log(std::to_string(names.size()) + " datetime columns, " +
                    std::to_string(chosen.size()) + " parts each");
        return {{"table", Table::make(std::move(columns))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        std::string parts = "[";
        for (const DatePart& part : datePartList())
            if (c.params.value(part.name, part.byDefault))
                parts += std::string(parts.size() > 1 ? ", " : "") + "(\"" + part.name +
                         "\", lambda s: " + part.pandas + ")";
        parts += "]";
        c.define("sluice_date_parts", R"PY(def sluice_date_parts(table, columns, parts, keep):
    """Sluice's Date parts: a float column per part after each datetime
    column (missing dates give NaN); the column itself kept as meta, or not."""
    columns = columns or [c for c in table.df.columns
                          if is_datetime(table.df[c]) and table.roles.get(c) == "feature"]
    out, roles = {}, dict(table.roles)
    for c in table.df.columns:
        s = table.df[c]
        if c not in columns:
            out[c] = s
            continue
        if keep:
            out[c] = s
            roles[c] = "meta"
        else:
            roles.pop(c, None)
        for name, part in parts:
            out[f"{c}_{name}"] = part(s).astype(float).where(s.notna())
    return Table(pd.DataFrame(out), roles)
)PY");
        return c.output("table") + " = sluice_date_parts(" + *c.input("table") + ", " +
               c.columnsLiteral("columns") + ", " + parts + ", " +
               (c.params.value("keep_original", false) ? "True" : "False") + ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeDatePartsNode() {
    return std::make_unique<DatePartsNode>();
}

}  // namespace sluice
