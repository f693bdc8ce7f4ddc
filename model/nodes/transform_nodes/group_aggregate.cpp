#include "nodes/transform_nodes/group_aggregate.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data/table_rows.h"
#include "nodes/transform_nodes/row_groups.h"
#include "nodes/transform_nodes/sort_key.h"

namespace sluice {

const std::vector<std::string>& aggregateFunctions() {
    static const std::vector<std::string> functions = {
        "count", "count_missing", "sum",      "mean",  "median", "min", "max",
        "std",   "var",           "n_unique", "first", "last",   "mode"};
    return functions;
}

bool aggregateNeedsNumbers(std::string_view f) {
    return f == "sum" || f == "mean" || f == "median" || f == "std" || f == "var";
}

namespace {

constexpr double kGroupNaN = std::numeric_limits<double>::quiet_NaN();

// The rows of each group, group after group (groupRowLists).
struct GroupRows {
    std::vector<std::size_t> rows, offsets;
    std::span<const std::size_t> of(std::size_t g) const {
        return {rows.data() + offsets[g], offsets[g + 1] - offsets[g]};
    }
};

// A column's present values compared and told apart as Sort rows orders
// them: numbers by value, categories and text by their text.
class ValueOrder {
public:
    explicit ValueOrder(const Column& c) : key_(c) {}
    bool less(std::size_t a, std::size_t b) const { return key_.compare(a, b) < 0; }
    bool same(std::size_t a, std::size_t b) const { return key_.compare(a, b) == 0; }

private:
    SortKey key_;
};

}  // namespace

const char* aggregatePython() {
    return R"PY(def sluice_aggregate(function):
    """What pandas' agg() takes for a Sluice aggregation: count_missing,
    n_unique, and mode as the most frequent present value (a tie to the
    smallest); the others under pandas' own names."""
    def mode(s):
        m = s.dropna().mode()
        return m.iloc[0] if len(m) else np.nan

    return {"count_missing": lambda s: s.isna().sum(), "n_unique": "nunique",
            "mode": mode}.get(function, function)
)PY";
}

Column aggregateGroups(const Column& c, std::string_view f, const std::string& name,
                       std::span<const std::int32_t> groupOf, std::size_t n) {
    GroupRows byGroup;
    if (f == "median" || f == "n_unique" || f == "mode")
        groupRowLists(groupOf, n, byGroup.rows, byGroup.offsets);
    constexpr std::size_t none = kNoRow;

    if (f == "count" || f == "count_missing") {
        const bool wantMissing = f == "count_missing";
        std::vector<double> counts(n, 0.0);
        for (std::size_t r = 0; r < groupOf.size(); ++r)
            if (const std::int32_t g = groupOf[r]; g >= 0 && c.isMissing(r) == wantMissing)
                counts[static_cast<std::size_t>(g)] += 1;
        return Column::numeric(name, std::move(counts));
    }
    if (f == "sum" || f == "mean" || f == "std" || f == "var") {
        const std::span<const double> x = c.numbers();
        std::vector<double> sum(n, 0.0), count(n, 0.0);
        for (std::size_t r = 0; r < x.size(); ++r)
            if (const std::int32_t g = groupOf[r]; g >= 0 && !std::isnan(x[r])) {
                sum[static_cast<std::size_t>(g)] += x[r];
                count[static_cast<std::size_t>(g)] += 1;
            }
        if (f == "sum")
            return Column::numeric(name, std::move(sum));
        std::vector<double> mean(n);
        for (std::size_t g = 0; g < n; ++g)
            mean[g] = count[g] > 0 ? sum[g] / count[g] : kGroupNaN;
        if (f == "mean")
            return Column::numeric(name, std::move(mean));
        // Squared deviations from the mean, a second pass: steadier than
        // the sum of squares when values are large and close.
        std::vector<double> squares(n, 0.0);
        for (std::size_t r = 0; r < x.size(); ++r)
            if (const std::int32_t g = groupOf[r]; g >= 0 && !std::isnan(x[r])) {
                const double d = x[r] - mean[static_cast<std::size_t>(g)];
                squares[static_cast<std::size_t>(g)] += d * d;
            }
        for (std::size_t g = 0; g < n; ++g) {
            const double var = count[g] > 1 ? squares[g] / (count[g] - 1) : kGroupNaN;
            squares[g] = f == "std" ? std::sqrt(var) : var;
        }
        return Column::numeric(name, std::move(squares));
    }
    if (f == "median") {
        const std::span<const double> x = c.numbers();
        std::vector<double> medians(n, kGroupNaN), values;
        for (std::size_t g = 0; g < n; ++g) {
            values.clear();
            for (std::size_t r : byGroup.of(g))
                if (!std::isnan(x[r]))
                    values.push_back(x[r]);
            if (values.empty())
                continue;
            const std::size_t mid = values.size() / 2;
            std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid),
                             values.end());
            double m = values[mid];
            if (values.size() % 2 == 0)
                m = (m + *std::max_element(values.begin(),
                                           values.begin() + static_cast<std::ptrdiff_t>(mid))) /
                    2;
            medians[g] = m;
        }
        return Column::numeric(name, std::move(medians));
    }
    if (f == "first" || f == "last") {
        std::vector<std::size_t> picked(n, none);
        for (std::size_t r = 0; r < groupOf.size(); ++r)
            if (const std::int32_t g = groupOf[r]; g >= 0 && !c.isMissing(r)) {
                std::size_t& p = picked[static_cast<std::size_t>(g)];
                if (f == "last" || p == none)
                    p = r;
            }
        return gatherRows(c, picked, name).withRole(ColumnRole::Feature);
    }

    // min, max, n_unique and mode compare values: numbers by value,
    // categories and text by their text.
    const ValueOrder order(c);
    if (f == "min" || f == "max") {
        const bool wantMax = f == "max";
        std::vector<std::size_t> picked(n, none);
        for (std::size_t r = 0; r < groupOf.size(); ++r)
            if (const std::int32_t g = groupOf[r]; g >= 0 && !c.isMissing(r)) {
                std::size_t& p = picked[static_cast<std::size_t>(g)];
                if (p == none || (wantMax ? order.less(p, r) : order.less(r, p)))
                    p = r;
            }
        return gatherRows(c, picked, name).withRole(ColumnRole::Feature);
    }
    // n_unique and mode: each group's present rows sorted by value, then
    // runs of equal values counted.
    std::vector<double> distinct(n, 0.0);
    std::vector<std::size_t> picked(n, none), present;
    for (std::size_t g = 0; g < n; ++g) {
        present.clear();
        for (std::size_t r : byGroup.of(g))
            if (!c.isMissing(r))
                present.push_back(r);
        std::sort(present.begin(), present.end(),
                  [&](std::size_t x, std::size_t y) { return order.less(x, y); });
        std::size_t best = 0;
        for (std::size_t i = 0; i < present.size();) {
            std::size_t j = i + 1;
            while (j < present.size() && order.same(present[i], present[j]))
                ++j;
            distinct[g] += 1;
            if (j - i > best) {  // strictly more: a tie keeps the smaller value
                best = j - i;
                picked[g] = present[i];
            }
            i = j;
        }
    }
    if (f == "n_unique")
        return Column::numeric(name, std::move(distinct));
    return gatherRows(c, picked, name).withRole(ColumnRole::Feature);
}

}  // namespace sluice
