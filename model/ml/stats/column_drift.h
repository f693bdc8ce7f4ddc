// Column drift: how the distribution of one column of new data (current)
// differs from the same column of the training data (reference).
//
// Contract, per column pair:
// - Numeric columns are cut into bins at the reference's quantiles
//   (1/bins, 2/bins, ...; linear interpolation between order statistics,
//   numpy's default), duplicates removed, so a column with few distinct
//   values gets fewer bins. Bins are closed on the right: "≤ q1",
//   "(q1, q2]", ..., "> q_last"; current values beyond the reference's range
//   fall in the first or last bin. The KS test compares the present values.
// - Categorical and text columns are compared category by category (by
//   name, so the two columns' level lists need not match): the reference's
//   categories in their order, then those only the current data has. The
//   chi-square test runs over the same bins as the PSI.
// - Missing values (NaN, missing codes and texts) form a bin of their own,
//   "(missing)", when either side has any: a change in how much is missing
//   is drift too. They never enter the KS test.
// - A numeric column against a categorical or text one is not compared:
//   `note` says which kind each side has and `drifted` is true (the new data
//   does not have the shape the model was trained on).
// - Flags: drifted when psi >= psiThreshold or p-value < alpha.
// Nothing here throws for data; only bins < 1 is misuse (std::invalid_argument).
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "data/column.h"

namespace sluice::ml {

struct DriftOptions {
    int bins = 10;              // numeric columns: at most this many quantile bins
    double psiThreshold = 0.2;  // psi >= this flags drift
    double alpha = 0.05;        // p-value < this flags drift
};

// Counts of each side per bin, and the bins' names.
struct BinnedCounts {
    std::vector<std::string> bins;
    std::vector<double> reference, current;
};

inline constexpr const char* kMissingBin = "(missing)";

struct ColumnDrift {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::string column;
    std::string kind;  // "numeric", "categorical", or "" when not compared
    double psi = kNaN;
    std::string test;  // "ks", "chi-square", or "" when none ran
    double statistic = kNaN;
    double dof = kNaN;  // chi-square only
    double pValue = kNaN;
    bool drifted = false;
    std::size_t referenceCount = 0, currentCount = 0;      // present values
    std::size_t referenceMissing = 0, currentMissing = 0;  // missing values
    std::string note;  // why something was not computed, "" when all was
    BinnedCounts counts;
};

// Cut points at the quantiles k / bins (k = 1 .. bins - 1) of `sorted`
// (ascending, no NaN), without duplicates or infinities. Empty when
// `sorted` is.
std::vector<double> quantileEdges(std::span<const double> sorted, int bins);

// The bins' names: binLabels() of ml/stats/bin_labels.h.

// Compares `current` against `reference` (named after the reference).
ColumnDrift compareColumns(const Column& reference, const Column& current,
                           const DriftOptions& options);

}  // namespace sluice::ml
