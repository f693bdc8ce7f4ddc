#include "ml/cluster/kmeans_init.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "util/cancellation.h"

namespace sluice::ml {

double squaredDistance(const double* a, const double* b, Eigen::Index p) {
    double s = 0.0;
    for (Eigen::Index f = 0; f < p; ++f) {
        const double d = a[f] - b[f];
        s += d * d;
    }
    return s;
}

KMeansRows kmeansPlusPlus(const KMeansRows& X, int k, Rng& rng) {
    const Eigen::Index n = X.rows(), p = X.cols();
    KMeansRows centers(k, p);
    const int trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
    centers.row(0) = X.row(static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n))));
    std::vector<double> closest(static_cast<std::size_t>(n)), cumulative(closest.size());
    double potential = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        closest[static_cast<std::size_t>(i)] = squaredDistance(X.row(i).data(), centers.data(), p);
        potential += closest[static_cast<std::size_t>(i)];
    }
    std::vector<double> candidate(closest.size()), best(closest.size());
    for (int c = 1; c < k; ++c) {
        // Each centre is a few passes over the data: seconds for large k.
        throwIfCancellationRequested();
        double running = 0.0;
        for (std::size_t i = 0; i < closest.size(); ++i)
            cumulative[i] = running += closest[i];
        double bestPotential = std::numeric_limits<double>::infinity();
        Eigen::Index bestRow = 0;
        for (int t = 0; t < trials; ++t) {
            // The first row whose cumulative distance reaches the draw
            // (numpy's searchsorted), clipped to the last row.
            const double draw = rng.uniform() * potential;
            auto row = static_cast<Eigen::Index>(
                std::lower_bound(cumulative.begin(), cumulative.end(), draw) - cumulative.begin());
            row = std::min(row, n - 1);
            double total = 0.0;
            for (Eigen::Index i = 0; i < n; ++i) {
                const double d = squaredDistance(X.row(i).data(), X.row(row).data(), p);
                candidate[static_cast<std::size_t>(i)] =
                    std::min(closest[static_cast<std::size_t>(i)], d);
                total += candidate[static_cast<std::size_t>(i)];
            }
            if (total < bestPotential) {
                bestPotential = total;
                bestRow = row;
                best.swap(candidate);
            }
        }
        centers.row(c) = X.row(bestRow);
        closest.swap(best);
        potential = bestPotential;
    }
    return centers;
}

}  // namespace sluice::ml
