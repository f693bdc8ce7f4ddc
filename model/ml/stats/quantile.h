// The q-quantile of sorted values by linear interpolation between the two
// nearest ranks (numpy's default method), for the robust scaler and the
// discretizer's quantile edges.
//
// Contract: `sorted` is ascending, without NaN, and not empty; q in [0, 1].
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace sluice::ml {

inline double sortedQuantile(const std::vector<double>& sorted, double q) {
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace sluice::ml
