// Two-sample comparisons used to detect data drift: the population
// stability index of two binned distributions, the two-sample
// Kolmogorov-Smirnov test and the chi-square test of homogeneity.
//
// Contract: inputs are plain counts or values; NaN values are the caller's
// to remove. Misuse (empty samples, count vectors of different lengths,
// negative counts) throws std::invalid_argument with a message saying which.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sluice::ml {

// Share of a bin that holds no rows, in the PSI only: the index has a
// ln(current / reference) term that is infinite for an empty bin, so empty
// bins count as holding this share instead (the shares are not
// renormalised). 1e-4 is the usual choice in credit scoring, where the PSI
// comes from: small enough not to hide a real change, and a bin that empties
// completely still adds at least (p - 1e-4) ln(p / 1e-4).
inline constexpr double kPsiEmptyShare = 1e-4;

// Population stability index of two distributions over the same bins:
// Σ (c_i - r_i) ln(c_i / r_i), with r_i and c_i the shares of reference and
// current rows in bin i (empty bins at kPsiEmptyShare). 0 for identical
// shares; under 0.1 is usually read as stable, 0.1-0.25 as a moderate shift,
// above 0.25 as a major one. Throws when the lengths differ or a side has
// no rows.
double populationStabilityIndex(std::span<const double> referenceCounts,
                                std::span<const double> currentCounts);

struct KsTestResult {
    double statistic = 0;  // D = sup |F_reference - F_current|
    double pValue = 1;     // P(D' >= D) for samples of these sizes from one distribution
    bool exact = false;    // from the exact distribution (else the asymptotic one)
};

// Largest n1 * n2 for which ksTwoSample computes the exact p-value; beyond
// it the exact recursion (O(n1 n2)) would take too long per column and the
// asymptotic formula is accurate anyway.
inline constexpr double kKsExactLimit = 1e7;

// Two-sided two-sample Kolmogorov-Smirnov test. D is computed exactly (ties
// included: the empirical CDFs are compared after each distinct value). The
// p-value is P(D' >= D) under the null hypothesis, counted over the
// lattice paths of the two samples when n1 * n2 <= kKsExactLimit (as
// scipy.stats.ks_2samp(method="exact")), otherwise Kolmogorov's limiting
// distribution with Stephens' small-sample correction,
// Q_KS((sqrt(n) + 0.12 + 0.11 / sqrt(n)) D), n = n1 n2 / (n1 + n2).
// Throws when a sample is empty or holds NaN; infinities are values.
KsTestResult ksTwoSample(std::vector<double> reference, std::vector<double> current);

struct ChiSquareResult {
    double statistic = 0;  // Pearson's X² over the categories either sample has
    int dof = 0;           // (categories - 1); 0 when there is only one
    double pValue = 1;     // 1 when dof is 0 (nothing can differ)
};

// Chi-square test of homogeneity of two samples of categories (a 2 x k
// contingency table of counts), without Yates' continuity correction (as
// scipy.stats.chi2_contingency(..., correction=False)). Categories neither
// sample has are left out. Throws when the lengths differ, a count is
// negative or a sample has no rows.
ChiSquareResult chiSquareHomogeneity(std::span<const double> referenceCounts,
                                     std::span<const double> currentCounts);

}  // namespace sluice::ml
