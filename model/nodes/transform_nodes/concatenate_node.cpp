// transform.concatenate: the rows of two to four tables, one after another
// (issue 18), their columns aligned by name.
//
// - Columns: union (every column of any table, in order of first
//   appearance; a table without one gives missing values) or intersection
//   (the columns every table has, in the first table's order).
// - Kinds: numbers stay numbers; categories stay categories, their levels
//   the union in order of first appearance; categories and text give text.
//   Numbers with categories or text are refused, naming the column and the
//   two tables. A column keeps the role of the first table that has it.
// - Source column (optional): a categorical column of that name saying
//   which input each row came from ("1".."4"); refused when a table already
//   has a column of that name.
// - Unconnected optional inputs are skipped; the rows keep their order.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>

#include "data/level_union.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

constexpr int kTables = 4;

std::string port(int k) {
    return "table_" + std::to_string(k);
}

std::string kindWord(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::Numeric:
            return "numbers";
        case ColumnKind::Categorical:
            return "categories";
        case ColumnKind::Text:
            return "text";
        case ColumnKind::DateTime:
            return "dates";
    }
    return "?";
}

// One output column: where each input has it, and the kind they agree on.
struct Plan {
    std::string name;
    ColumnKind kind;
    ColumnRole role;
    std::vector<const Column*> parts;  // one per input; null: not in that table
};

Column build(const Plan& plan, const std::vector<TablePtr>& tables, std::size_t rows) {
    if (plan.kind == ColumnKind::Numeric || plan.kind == ColumnKind::DateTime) {
        std::vector<double> values;
        values.reserve(rows);
        for (std::size_t t = 0; t < tables.size(); ++t) {
            if (const Column* c = plan.parts[t])
                values.insert(values.end(), c->doubles().begin(), c->doubles().end());
            else
                values.insert(values.end(), tables[t]->rowCount(),
                              std::numeric_limits<double>::quiet_NaN());
        }
        return Column::ofDoubles(plan.kind, plan.name, std::move(values), plan.role);
    }
    if (plan.kind == ColumnKind::Categorical) {
        LevelUnion levels;
        std::vector<std::int32_t> codes;
        codes.reserve(rows);
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const Column* c = plan.parts[t];
            if (!c) {
                codes.insert(codes.end(), tables[t]->rowCount(), Column::kMissingCode);
                continue;
            }
            const std::vector<std::int32_t> mine = levels.add(c->levels());
            for (const std::int32_t k : c->codes())
                codes.push_back(k == Column::kMissingCode ? k : mine[static_cast<std::size_t>(k)]);
        }
        return Column::categorical(plan.name, std::move(codes), levels.levels(), plan.role);
    }
    std::vector<std::string> values;
    std::vector<bool> missing;
    values.reserve(rows);
    missing.reserve(rows);
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const Column* c = plan.parts[t];
        for (std::size_t r = 0; r < tables[t]->rowCount(); ++r) {
            const bool absent = !c || c->isMissing(r);
            values.push_back(absent ? std::string() : c->displayValue(r));
            missing.push_back(absent);
        }
    }
    return Column::text(plan.name, std::move(values), std::move(missing), plan.role);
}

class ConcatenateNode : public NodeType {
public:
    ConcatenateNode()
        : NodeType({
              .id = "transform.concatenate",
              .displayName = "Concatenate",
              .category = NodeCategory::Transform,
              .description = "The rows of two to four tables one after another, their "
                             "columns matched by name (all columns, or those every table "
                             "has).",
              .inputs = inputs(),
              .outputs = {{"table", PortType::Table, "Table", true,
                           "Every row of the inputs, in input order."}},
              .params = {choiceParam("columns", "Columns", {"union", "intersection"}, "union",
                                     "union: every column of any table (missing where a "
                                     "table lacks it); intersection: the columns every "
                                     "table has."),
                         stringParam("source_column", "Source column", "",
                                     "If named, a column saying which input (1 to 4) each "
                                     "row came from.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        std::vector<TablePtr> tables;
        std::vector<int> from;  // input number of each table
        for (int k = 1; k <= kTables; ++k)
            if (const TablePtr t = inputTable(inputs, port(k), k <= 2)) {
                tables.push_back(t);
                from.push_back(k);
            }
        const bool intersection = params.at("columns").get<std::string>() == "intersection";
        const std::string source = params.value("source_column", "");

        std::vector<Plan> plans;
        std::unordered_map<std::string, std::size_t> planOf;
        std::size_t rows = 0;
        for (std::size_t t = 0; t < tables.size(); ++t) {
            rows += tables[t]->rowCount();
            for (const Column& c : tables[t]->columns()) {
                if (c.name() == source)
                    throw NodeError("parameter 'source_column': input " + std::to_string(from[t]) +
                                    " already has a column '" + source + "'; choose another name");
                auto [it, added] = planOf.try_emplace(c.name(), plans.size());
                if (added) {
                    plans.push_back({c.name(), c.kind(), c.role(),
                                     std::vector<const Column*>(tables.size(), nullptr)});
                }
                Plan& plan = plans[it->second];
                plan.parts[t] = &c;
                if (plan.kind == c.kind())
                    continue;
                const bool numbers =
                    plan.kind == ColumnKind::Numeric || c.kind() == ColumnKind::Numeric ||
                    plan.kind == ColumnKind::DateTime || c.kind() == ColumnKind::DateTime;
                if (numbers) {
                    std::size_t first = 0;
                    while (!plan.parts[first])
                        ++first;
                    throw NodeError("column '" + c.name() + "' holds " +
                                    kindWord(plan.parts[first]->kind()) + " in input " +
                                    std::to_string(from[first]) + " but " + kindWord(c.kind()) +
                                    " in input " + std::to_string(from[t]) +
                                    "; give it one kind first (Edit columns)");
                }
                plan.kind = ColumnKind::Text;  // categories with text
            }
        }
        context.fit.throwIfCancelled();
        std::vector<Column> out;
        for (const Plan& plan : plans) {
            const bool everywhere =
                std::all_of(plan.parts.begin(), plan.parts.end(), [](auto* c) { return c; });
            if (!intersection || everywhere)
                out.push_back(build(plan, tables, rows));
        }
        if (!source.empty()) {
            std::vector<std::int32_t> codes;
            std::vector<std::string> levels;
            for (std::size_t t = 0; t < tables.size(); ++t) {
                levels.push_back(std::to_string(from[t]));
                codes.insert(codes.end(), tables[t]->rowCount(), static_cast<std::int32_t>(t));
            }
            out.push_back(
                Column::categorical(source, std::move(codes), std::move(levels), ColumnRole::Meta));
        }
        context.log(std::to_string(tables.size()) + " tables, " + std::to_string(rows) + " rows, " +
                    std::to_string(out.size()) + " columns");
        return {{"table", Table::make(std::move(out))}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        std::string tables, numbers;
        for (int k = 1; k <= kTables; ++k)
            if (const auto in = c.input(port(k))) {
                tables += (tables.empty() ? "" : ", ") + *in;
                numbers += (numbers.empty() ? "" : ", ") + std::to_string(k);
            }
        return c.output("table") + " = concat_tables([" + tables + "], [" + numbers + "], " +
               c.literal("columns") + ", " + c.literal("source_column") + ")\n";
    }

private:
    static std::vector<PortSpec> inputs() {
        std::vector<PortSpec> in;
        for (int k = 1; k <= kTables; ++k)
            in.push_back({port(k), PortType::Table, "Table " + std::to_string(k), k <= 2,
                          k <= 2 ? "Rows to put one after another." : "More rows (optional)."});
        return in;
    }
};

}  // namespace

std::unique_ptr<NodeType> makeConcatenateNode() {
    return std::make_unique<ConcatenateNode>();
}

}  // namespace sluice
