#include "ml/stats/two_sample_tests.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "ml/stats/special_functions.h"

namespace sluice::ml {
namespace {

std::int64_t absolute(std::int64_t v) {
    return v < 0 ? -v : v;
}

double total(std::span<const double> counts, const char* what, const char* side) {
    double sum = 0;
    for (double c : counts) {
        if (!(c >= 0))
            throw std::invalid_argument(std::string(what) + ": a " + side +
                                        " count is negative or not a number");
        sum += c;
    }
    if (sum <= 0)
        throw std::invalid_argument(std::string(what) + ": the " + side + " sample has no rows");
    return sum;
}

// The two samples' row counts, after checking that the bins line up and the
// counts are counts.
std::pair<double, double> totals(std::span<const double> reference, std::span<const double> current,
                                 const char* what) {
    if (reference.size() != current.size())
        throw std::invalid_argument(std::string(what) + ": the reference has " +
                                    std::to_string(reference.size()) +
                                    " bins, the current sample " + std::to_string(current.size()));
    return {total(reference, what, "reference"), total(current, what, "current")};
}

// P(D >= h / L) for samples of sizes m and n, L = lcm(m, n), over the
// C(m + n, m) equally likely orders of the pooled sample. A path visits
// (i, j) after i reference and j current values; there the scaled CDF
// difference is i (L / m) - j (L / n). w(i, j) is the share of the paths to
// (i, j) that have already reached |difference| >= h: 1 on such cells, and
// elsewhere the mix of its two predecessors weighted by the share of paths
// arriving from each (i / (i + j) and j / (i + j)). Every term is a
// non-negative share, so small p-values keep their digits (computing
// 1 - P(inside) would cancel them).
double exactKsPValue(std::int64_t m, std::int64_t n, std::int64_t h) {
    const std::int64_t L = std::lcm(m, n), a = L / m, b = L / n;
    std::vector<double> w(static_cast<std::size_t>(n) + 1, 0.0);
    for (std::int64_t i = 0; i <= m; ++i) {
        for (std::int64_t j = 0; j <= n; ++j) {
            double& cell = w[static_cast<std::size_t>(j)];
            if (absolute(i * a - j * b) >= h) {
                cell = 1.0;
                continue;
            }
            if (i == 0 && j == 0) {
                cell = 0.0;
                continue;
            }
            const double from = static_cast<double>(i + j);
            const double up = i > 0 ? cell * (static_cast<double>(i) / from) : 0.0;
            const double left =
                j > 0 ? w[static_cast<std::size_t>(j) - 1] * (static_cast<double>(j) / from) : 0.0;
            cell = up + left;
        }
    }
    return std::clamp(w[static_cast<std::size_t>(n)], 0.0, 1.0);
}

}  // namespace

double populationStabilityIndex(std::span<const double> referenceCounts,
                                std::span<const double> currentCounts) {
    const auto [nr, nc] = totals(referenceCounts, currentCounts, "population stability index");
    double psi = 0;
    for (std::size_t i = 0; i < referenceCounts.size(); ++i) {
        const double r = std::max(referenceCounts[i] / nr, kPsiEmptyShare);
        const double c = std::max(currentCounts[i] / nc, kPsiEmptyShare);
        psi += (c - r) * std::log(c / r);
    }
    return psi;
}

KsTestResult ksTwoSample(std::vector<double> reference, std::vector<double> current) {
    if (reference.empty() || current.empty())
        throw std::invalid_argument(std::string("Kolmogorov-Smirnov test: the ") +
                                    (reference.empty() ? "reference" : "current") +
                                    " sample has no values");
    const auto isNaN = [](double v) { return std::isnan(v); };
    if (std::any_of(reference.begin(), reference.end(), isNaN) ||
        std::any_of(current.begin(), current.end(), isNaN))
        throw std::invalid_argument(
            "Kolmogorov-Smirnov test: a sample holds NaN (missing "
            "values must be removed first)");
    std::sort(reference.begin(), reference.end());
    std::sort(current.begin(), current.end());
    const auto m = static_cast<std::int64_t>(reference.size());
    const auto n = static_cast<std::int64_t>(current.size());
    const std::int64_t L = std::lcm(m, n), a = L / m, b = L / n;

    // Walk the pooled values in order, taking every copy of a value from
    // both samples before comparing the CDFs (so ties never count as a gap).
    std::int64_t i = 0, j = 0, h = 0;
    while (i < m || j < n) {
        const double x = j >= n || (i < m && reference[static_cast<std::size_t>(i)] <=
                                                 current[static_cast<std::size_t>(j)])
                             ? reference[static_cast<std::size_t>(i)]
                             : current[static_cast<std::size_t>(j)];
        while (i < m && reference[static_cast<std::size_t>(i)] == x)
            ++i;
        while (j < n && current[static_cast<std::size_t>(j)] == x)
            ++j;
        h = std::max(h, absolute(i * a - j * b));
    }
    KsTestResult out;
    out.statistic = static_cast<double>(h) / static_cast<double>(L);
    if (h == 0) {
        out.pValue = 1.0;
        out.exact = true;
    } else if (static_cast<double>(m) * static_cast<double>(n) <= kKsExactLimit) {
        out.pValue = exactKsPValue(m, n, h);
        out.exact = true;
    } else {
        const double en =
            static_cast<double>(m) * static_cast<double>(n) / static_cast<double>(m + n);
        const double root = std::sqrt(en);
        out.pValue = kolmogorovSurvival((root + 0.12 + 0.11 / root) * out.statistic);
    }
    return out;
}

ChiSquareResult chiSquareHomogeneity(std::span<const double> referenceCounts,
                                     std::span<const double> currentCounts) {
    const auto [nr, nc] = totals(referenceCounts, currentCounts, "chi-square test");
    const double n = nr + nc;
    ChiSquareResult out;
    int categories = 0;
    for (std::size_t i = 0; i < referenceCounts.size(); ++i) {
        const double column = referenceCounts[i] + currentCounts[i];
        if (column <= 0)
            continue;
        ++categories;
        const double expectedR = column * nr / n, expectedC = column * nc / n;
        const double dr = referenceCounts[i] - expectedR, dc = currentCounts[i] - expectedC;
        out.statistic += dr * dr / expectedR + dc * dc / expectedC;
    }
    out.dof = std::max(0, categories - 1);
    out.pValue = out.dof == 0 ? 1.0 : chiSquareSurvival(out.statistic, out.dof);
    return out;
}

}  // namespace sluice::ml
