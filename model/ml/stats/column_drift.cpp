#include "ml/stats/column_drift.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "ml/stats/bin_labels.h"
#include "ml/stats/two_sample_tests.h"

namespace sluice::ml {
namespace {

bool isNumeric(const Column& c) {
    return c.holdsDoubles();  // numbers, or dates as seconds
}

std::vector<double> presentValues(const Column& column) {
    std::vector<double> out;
    out.reserve(column.size());
    for (double v : column.doubles())
        if (!std::isnan(v))
            out.push_back(v);
    return out;
}

// Appends the "(missing)" bin when either side has missing values.
void addMissingBin(ColumnDrift& d) {
    if (d.referenceMissing == 0 && d.currentMissing == 0)
        return;
    d.counts.bins.emplace_back(kMissingBin);
    d.counts.reference.push_back(static_cast<double>(d.referenceMissing));
    d.counts.current.push_back(static_cast<double>(d.currentMissing));
}

// Shares per bin are only defined when each side has at least one row.
void addPsi(ColumnDrift& d) {
    if (d.referenceCount + d.referenceMissing == 0 || d.currentCount + d.currentMissing == 0)
        return;
    d.psi = populationStabilityIndex(d.counts.reference, d.counts.current);
}

std::string noValuesNote(const ColumnDrift& d) {
    if (d.referenceCount == 0 && d.currentCount == 0)
        return "no values in either table";
    return d.referenceCount == 0 ? "no values in the reference table"
                                 : "no values in the current table";
}

void compareNumeric(const Column& reference, const Column& current, const DriftOptions& options,
                    ColumnDrift& d) {
    d.kind = "numeric";
    std::vector<double> ref = presentValues(reference), cur = presentValues(current);
    d.referenceCount = ref.size();
    d.currentCount = cur.size();
    d.referenceMissing = reference.size() - ref.size();
    d.currentMissing = current.size() - cur.size();
    std::sort(ref.begin(), ref.end());
    const std::vector<double> edges = quantileEdges(ref, options.bins);
    d.counts.bins = binLabels(edges);
    d.counts.reference.assign(d.counts.bins.size(), 0.0);
    d.counts.current.assign(d.counts.bins.size(), 0.0);
    const auto bin = [&](double v) {
        return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), v) -
                                        edges.begin());
    };
    for (double v : ref)
        d.counts.reference[bin(v)] += 1;
    for (double v : cur)
        d.counts.current[bin(v)] += 1;
    addMissingBin(d);
    addPsi(d);
    d.test = "ks";
    if (ref.empty() || cur.empty()) {
        d.note = noValuesNote(d);
        return;
    }
    const KsTestResult ks = ksTwoSample(std::move(ref), std::move(cur));
    d.statistic = ks.statistic;
    d.pValue = ks.pValue;
    if (!ks.exact)
        d.note = "asymptotic KS p-value (n1 × n2 > 10⁷)";
}

// The categories seen so far, by name, in order of first sight.
struct Categories {
    std::vector<std::string> names;  // in order of first sight
    std::unordered_map<std::string, std::size_t> index;
    std::size_t add(const std::string& name) {
        const auto [it, inserted] = index.try_emplace(name, names.size());
        if (inserted)
            names.push_back(name);
        return it->second;
    }
};

// Counts of `column` per category into `counts` (grown as categories are
// added); returns the number of missing rows.
std::size_t countCategories(const Column& column, Categories& categories,
                            std::vector<double>& counts, bool declareLevelsFirst) {
    if (column.kind() == ColumnKind::Categorical && declareLevelsFirst) {
        // The reference's own level order (unused levels dropped later).
        for (const auto& level : column.levels())
            categories.add(level);
    }
    std::size_t missing = 0;
    const auto bump = [&](std::size_t i) {
        if (counts.size() <= i)
            counts.resize(i + 1, 0.0);
        counts[i] += 1;
    };
    if (column.kind() == ColumnKind::Categorical) {
        const auto& levels = column.levels();
        std::vector<std::size_t> map(levels.size());
        for (std::size_t l = 0; l < levels.size(); ++l)
            map[l] = categories.add(levels[l]);
        for (std::int32_t code : column.codes()) {
            if (code < 0)
                ++missing;
            else
                bump(map[static_cast<std::size_t>(code)]);
        }
    } else {
        const auto& texts = column.texts();
        for (std::size_t r = 0; r < texts.size(); ++r) {
            if (column.isMissing(r))
                ++missing;
            else
                bump(categories.add(texts[r]));
        }
    }
    return missing;
}

void compareCategorical(const Column& reference, const Column& current, ColumnDrift& d) {
    d.kind = "categorical";
    Categories categories;
    std::vector<double> ref, cur;
    d.referenceMissing = countCategories(reference, categories, ref, true);
    d.currentMissing = countCategories(current, categories, cur, false);
    d.referenceCount = reference.size() - d.referenceMissing;
    d.currentCount = current.size() - d.currentMissing;
    ref.resize(categories.names.size(), 0.0);
    cur.resize(categories.names.size(), 0.0);
    // Levels neither side uses are no category of the data.
    for (std::size_t i = 0; i < categories.names.size(); ++i) {
        if (ref[i] == 0 && cur[i] == 0)
            continue;
        d.counts.bins.push_back(categories.names[i]);
        d.counts.reference.push_back(ref[i]);
        d.counts.current.push_back(cur[i]);
    }
    addMissingBin(d);
    addPsi(d);
    d.test = "chi-square";
    if (d.referenceCount + d.referenceMissing == 0 || d.currentCount + d.currentMissing == 0) {
        d.note = noValuesNote(d);
        return;
    }
    const ChiSquareResult chi = chiSquareHomogeneity(d.counts.reference, d.counts.current);
    d.statistic = chi.statistic;
    d.dof = chi.dof;
    d.pValue = chi.pValue;
    if (chi.dof == 0)
        d.note = "one category only: nothing to compare";
}

}  // namespace

std::vector<double> quantileEdges(std::span<const double> sorted, int bins) {
    std::vector<double> edges;
    if (sorted.empty())
        return edges;
    const double last = static_cast<double>(sorted.size() - 1);
    for (int k = 1; k < bins; ++k) {
        const double pos = last * k / bins;
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
        const double frac = pos - static_cast<double>(lo);
        // frac == 0 keeps an exact order statistic (and avoids inf - inf).
        const double q = frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
        if (std::isfinite(q) && (edges.empty() || q > edges.back()))
            edges.push_back(q);
    }
    return edges;
}

ColumnDrift compareColumns(const Column& reference, const Column& current,
                           const DriftOptions& options) {
    if (options.bins < 1)
        throw std::invalid_argument("drift: bins must be at least 1");
    ColumnDrift d;
    d.column = reference.name();
    if (isNumeric(reference) != isNumeric(current)) {
        d.note = "the reference column is " + std::string(kindName(reference.kind())) +
                 ", the current one " + std::string(kindName(current.kind())) + ": not compared";
        d.drifted = true;
        return d;
    }
    if (isNumeric(reference))
        compareNumeric(reference, current, options, d);
    else
        compareCategorical(reference, current, d);
    d.drifted = d.psi >= options.psiThreshold || d.pValue < options.alpha;
    return d;
}

}  // namespace sluice::ml
