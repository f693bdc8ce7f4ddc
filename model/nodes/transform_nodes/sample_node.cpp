// transform.sample: a seeded random sample of a table's rows (issue 18).
//
// - Size: a number of rows, or a fraction of them (rounded to the nearest
//   row). Without replacement it may not exceed the rows there are.
// - Stratified by a column (optional): each value of it (missing being one
//   more value) gets its share of the sample, by largest remainders, ties
//   to the value seen first.
// - Drawn with ml::Rng (the same on every platform): without replacement,
//   each stratum's rows are shuffled and the first ones taken; with it,
//   rows are drawn one by one. The sample keeps input order (a row drawn
//   twice appears twice); `rest` holds the rows never drawn.
// - The exported script draws the very same rows (SluiceRng in the
//   prelude).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "data/table_rows.h"
#include "ml/core/random.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

// Row indices per value of `column` (missing as one more value), in order
// of each value's first row.
std::vector<std::vector<std::size_t>> strataOf(const Column& column) {
    std::vector<std::vector<std::size_t>> strata;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t r = 0; r < column.size(); ++r) {
        const std::string key =
            column.isMissing(r) ? std::string("\0m", 2) : "v" + column.displayValue(r);
        auto [it, added] = index.try_emplace(key, strata.size());
        if (added)
            strata.emplace_back();
        strata[it->second].push_back(r);
    }
    return strata;
}

// `total` shared out in proportion to `sizes` by largest remainders.
std::vector<std::size_t> shares(std::size_t total, const std::vector<std::size_t>& sizes) {
    const double all =
        static_cast<double>(std::accumulate(sizes.begin(), sizes.end(), std::size_t{0}));
    std::vector<std::size_t> out(sizes.size());
    std::vector<double> remainder(sizes.size());
    std::size_t given = 0;
    for (std::size_t s = 0; s < sizes.size(); ++s) {
        const double quota = static_cast<double>(total) * static_cast<double>(sizes[s]) / all;
        out[s] = static_cast<std::size_t>(std::floor(quota));
        remainder[s] = quota - std::floor(quota);
        given += out[s];
    }
    std::vector<std::size_t> order(sizes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t i = 0; given < total && i < order.size(); ++i, ++given)
        ++out[order[i]];
    return out;
}

class SampleNode : public NodeType {
public:
    SampleNode()
        : NodeType({
              .id = "transform.sample",
              .displayName = "Sample",
              .category = NodeCategory::Transform,
              .description = "A seeded random sample of the rows: a number or a fraction of "
                             "them, with or without replacement, optionally keeping each "
                             "value's share of a column.",
              .inputs = {{"table", PortType::Table, "Table", true, "The rows to sample."}},
              .outputs = {{"sample", PortType::Table, "Sample", true,
                           "The rows drawn, in input order."},
                          {"rest", PortType::Table, "Rest", true, "The rows never drawn."}},
              .params = {choiceParam("size", "Size", {"fraction", "rows"}, "fraction",
                                     "Sample a fraction of the rows, or a number of rows."),
                         floatParam("fraction", "Fraction", 0.1, 0.0, 10.0,
                                    "The share of rows to draw (above 1 only with "
                                    "replacement)."),
                         intParam("rows", "Rows", 100, 0, std::nullopt, "How many rows to draw."),
                         boolParam("replace", "With replacement", false,
                                   "Draw each row independently, so a row may come more "
                                   "than once."),
                         columnParam("stratify", "Stratify by",
                                     "Keep each value's share of this column in the sample; "
                                     "empty samples all rows alike.",
                                     true),
                         intParam("seed", "Seed", 0, 0, std::nullopt,
                                  "The same seed draws the same rows.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::size_t n = table->rowCount();
        const bool replace = params.at("replace").get<bool>();
        std::size_t k = 0;
        if (params.at("size").get<std::string>() == "rows") {
            k = params.at("rows").get<std::size_t>();
        } else {
            const double fraction = params.at("fraction").get<double>();
            if (fraction > 1.0 && !replace)
                throw NodeError("parameter 'fraction': " + std::to_string(fraction) +
                                " is more than all the rows; draw with replacement or use "
                                "at most 1");
            k = static_cast<std::size_t>(std::floor(fraction * static_cast<double>(n) + 0.5));
        }
        if (k > n && !replace)
            throw NodeError("parameter 'rows': " + std::to_string(k) +
                            " rows asked but the table has " + std::to_string(n) +
                            "; ask for fewer or draw with replacement");
        if (k > 0 && n == 0)
            throw NodeError("the input table has no rows to sample");

        std::vector<std::vector<std::size_t>> strata;
        const std::string by = params.value("stratify", "");
        if (by.empty()) {
            strata.emplace_back(n);
            std::iota(strata[0].begin(), strata[0].end(), std::size_t{0});
        } else {
            strata = strataOf(node_params::requireColumn(*table, by, "stratify"));
        }
        std::vector<std::size_t> sizes;
        for (const auto& s : strata)
            sizes.push_back(s.size());
        const std::vector<std::size_t> take = n == 0 ? sizes : shares(k, sizes);

        ml::Rng rng(params.at("seed").get<std::uint64_t>());
        std::vector<std::size_t> drawn;
        for (std::size_t s = 0; s < strata.size(); ++s) {
            std::vector<std::size_t>& rows = strata[s];
            if (replace) {
                for (std::size_t i = 0; i < take[s]; ++i)
                    drawn.push_back(rows[rng.below(rows.size())]);
            } else {
                rng.shuffle(rows);
                // Never past the stratum, whatever the rounding of its quota.
                const std::size_t count = std::min(take[s], rows.size());
                drawn.insert(drawn.end(), rows.begin(),
                             rows.begin() + static_cast<std::ptrdiff_t>(count));
            }
        }
        context.fit.throwIfCancelled();
        std::sort(drawn.begin(), drawn.end());
        std::vector<bool> used(n, false);
        for (std::size_t r : drawn)
            used[r] = true;
        std::vector<std::size_t> rest;
        for (std::size_t r = 0; r < n; ++r)
            if (!used[r])
                rest.push_back(r);
        context.log("drew " + std::to_string(drawn.size()) + " of " + std::to_string(n) + " rows" +
                    (replace ? " with replacement" : ""));
        return {{"sample", takeRows(*table, drawn)}, {"rest", takeRows(*table, rest)}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        const std::string call = "sample_rows(" + *c.input("table") + ", " + c.literal("size") +
                                 ", " + c.literal("fraction") + ", " + c.literal("rows") + ", " +
                                 c.literal("replace") + ", " + c.literal("stratify") + ", " +
                                 c.literal("seed") + ")";
        return c.output("sample") + ", " + c.output("rest") + " = " + call + "\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeSampleNode() {
    return std::make_unique<SampleNode>();
}

}  // namespace sluice
