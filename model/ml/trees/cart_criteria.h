// Split criteria of the CART trees: the impurity of a node from its
// (weighted) class counts or target moments, as scikit-learn defines them.
//
// - gini: 1 - sum_k p_k^2
// - entropy: -sum_k p_k log2(p_k) (log base 2 as scikit-learn; the base only
//   scales importances, which are normalised anyway)
// - squared_error: the weighted variance of the targets
// Weights are bootstrap counts (1 without bootstrap), so class counts are
// exact integers held in doubles.
#pragma once

#include <cmath>
#include <span>
#include <string>
#include <string_view>

namespace sluice::ml {

enum class Criterion { Gini, Entropy, SquaredError };

std::string_view criterionName(Criterion c);
// "gini", "entropy", "squared_error"; anything else throws MisuseError.
Criterion criterionFromName(std::string_view name, std::string_view learner);

inline double giniImpurity(std::span<const double> counts) {
    double total = 0.0, sumSq = 0.0;
    for (double c : counts) {
        total += c;
        sumSq += c * c;
    }
    return total > 0.0 ? 1.0 - sumSq / (total * total) : 0.0;
}

inline double entropyImpurity(std::span<const double> counts) {
    double total = 0.0;
    for (double c : counts)
        total += c;
    double h = 0.0;
    for (double c : counts)
        if (c > 0.0) {
            const double p = c / total;
            h -= p * std::log2(p);
        }
    return h;
}

}  // namespace sluice::ml
