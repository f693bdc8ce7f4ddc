// transform.sort_rows: reorders a table's rows by one or more columns, the
// first column deciding and each next one breaking its ties.
//
// Numbers compare as numbers; categories and text compare by the text
// shown (byte order, so "B" before "a"). Missing values go last whatever
// the order, as in pandas' na_position="last". The sort is stable: rows
// that tie on every key keep their input order, so sorting twice by
// different keys composes. An empty column list leaves the table as is.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "data/table_rows.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/sort_key.h"

namespace sluice {
namespace {

// `rows` reordered by one column, stably; missing values last.
std::vector<std::size_t> sortedBy(const Column& c, const SortKey& key,
                                  const std::vector<std::size_t>& rows, bool descending) {
    std::vector<std::size_t> out, missing;
    out.reserve(rows.size());
    if (c.kind() == ColumnKind::Categorical) {
        // A counting sort by the levels' ranks in label order (the key's).
        const std::vector<std::int32_t>& byLabel = key.levelRanks();
        const std::size_t levels = byLabel.size();
        std::vector<std::size_t> rank(levels);
        for (std::size_t l = 0; l < levels; ++l) {
            const auto place = static_cast<std::size_t>(byLabel[l]);
            rank[l] = descending ? levels - 1 - place : place;
        }
        std::vector<std::size_t> start(levels + 1, 0);
        const std::span<const std::int32_t> codes = c.codes();
        for (std::size_t r : rows)
            if (codes[r] >= 0)
                ++start[rank[static_cast<std::size_t>(codes[r])] + 1];
        for (std::size_t i = 1; i < start.size(); ++i)
            start[i] += start[i - 1];
        out.resize(start.back());
        for (std::size_t r : rows) {
            if (codes[r] < 0)
                missing.push_back(r);
            else
                out[start[rank[static_cast<std::size_t>(codes[r])]]++] = r;
        }
    } else if (c.holdsDoubles()) {
        const std::span<const double> x = c.doubles();
        std::vector<std::pair<double, std::size_t>> keyed;  // (value, place in rows)
        keyed.reserve(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (std::isnan(x[rows[i]]))
                missing.push_back(rows[i]);
            else
                keyed.emplace_back(x[rows[i]], i);
        }
        if (descending)
            std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
                return a.first > b.first || (a.first == b.first && a.second < b.second);
            });
        else
            std::sort(keyed.begin(), keyed.end());
        for (const auto& [value, i] : keyed)
            out.push_back(rows[i]);
    } else {
        for (std::size_t r : rows)
            (key.missing(r) ? missing : out).push_back(r);
        std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            const int order = key.compare(a, b);
            return descending ? order > 0 : order < 0;
        });
    }
    out.insert(out.end(), missing.begin(), missing.end());
    return out;
}

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

        // Least significant key first, each a stable sort of the order so
        // far: ties keep what the later keys decided. A categorical key is a
        // counting sort (linear), a number or date a sort of (value,
        // position) pairs, text a stable sort of strings.
        std::vector<std::size_t> rows(table->rowCount());
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        for (std::size_t k = names.size(); k-- > 0;) {
            context.fit.throwIfCancelled();
            const Column& column = table->column(names[k]);
            rows = sortedBy(column, keys[k], rows, descending);
        }
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
