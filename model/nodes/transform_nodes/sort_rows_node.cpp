// transform.sort_rows: reorders a table's rows by one or more columns, the
// first column deciding and each next one breaking its ties.
//
// Numbers compare as numbers; categories and text compare by the text
// shown (byte order, so "B" before "a"). Missing values go last whatever
// the order, as in pandas' na_position="last". The sort is stable: rows
// that tie on every key keep their input order, so sorting twice by
// different keys composes. An empty column list leaves the table as is.
#include <algorithm>
#include <numeric>

#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/sort_key.h"

namespace sluice {
namespace {

class SortRowsNode : public NodeType {
public:
    SortRowsNode()
        : NodeType({
              .id = "transform.sort_rows",
              .displayName = "Sort rows",
              .category = NodeCategory::Transform,
              .description = "Orders the rows by one or more columns, ascending or "
                             "descending; "
                             "missing values last, ties kept in their input order.",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to sort."}},
              .outputs = {{"table", PortType::Table, "Table", true, "The same rows, sorted."}},
              .params = {columnsParam("columns", "Sort by",
                                      "The columns to sort by, most important first; each "
                                      "next one orders the rows the earlier ones tie on."),
                         choiceParam("order", "Order", {"ascending", "descending"}, "ascending",
                                     "Smallest (or A) first, or largest first, for every "
                                     "column; missing values go last either way.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::vector<std::string> names = node_params::columnList(params, "columns");
        const bool descending = params.at("order").get<std::string>() == "descending";
        std::vector<SortKey> keys;
        for (const auto& name : names)
            keys.emplace_back(node_params::requireColumn(*table, name, "columns"));
        if (keys.empty())
            return {{"table", table}};

        std::vector<std::size_t> rows(table->rowCount());
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        context.fit.throwIfCancelled();
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
            for (const SortKey& key : keys) {
                const bool ma = key.missing(a), mb = key.missing(b);
                if (ma || mb) {
                    if (ma != mb)
                        return mb;  // the present value first
                    continue;
                }
                const int order = key.compare(a, b);
                if (order != 0)
                    return descending ? order > 0 : order < 0;
            }
            return false;
        });
        context.fit.progress(1.0);
        if (std::is_sorted(rows.begin(), rows.end()))
            return {{"table", table}};  // already in order: share the input
        return {{"table", takeRows(*table, rows)}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        const std::string in = *c.input("table");
        const std::string by = c.columnsLiteral("columns");
        if (by == "[]")
            return c.output("table") + " = " + in + "\n";
        return "# kind=\"stable\" keeps ties in input order, as Sluice does.\n" +
               c.output("table") + " = " + in + ".derive(" + in + ".df.sort_values(" + by +
               ", ascending=" + (c.text("order") == "descending" ? "False" : "True") +
               ", kind=\"stable\", na_position=\"last\"))\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeSortRowsNode() {
    return std::make_unique<SortRowsNode>();
}

}  // namespace sluice
