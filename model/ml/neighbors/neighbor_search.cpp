#include "ml/neighbors/neighbor_search.h"

#include "ml/neighbors/brute_force.h"
#include "ml/neighbors/kd_tree.h"

namespace sluice::ml {

double rankDistance(const double* a, const double* b, Eigen::Index p, DistanceMetric metric) {
    // One plain loop in feature order: every search method must round the
    // same way for ties to be broken the same way.
    double s = 0.0;
    if (metric == DistanceMetric::Euclidean) {
        for (Eigen::Index f = 0; f < p; ++f) {
            const double d = a[f] - b[f];
            s += d * d;
        }
    } else {
        for (Eigen::Index f = 0; f < p; ++f)
            s += std::abs(a[f] - b[f]);
    }
    return s;
}

SearchAlgorithm resolveAlgorithm(SearchAlgorithm requested, Eigen::Index rows,
                                 Eigen::Index features, int k) {
    if (requested != SearchAlgorithm::Auto)
        return requested;
    // As scikit-learn: past ~15 dimensions a KD-tree prunes almost nothing,
    // and when k is half the rows every query visits most leaves anyway.
    if (features > 15 || 2 * static_cast<Eigen::Index>(k) >= rows)
        return SearchAlgorithm::Brute;
    return SearchAlgorithm::KdTree;
}

std::unique_ptr<NeighborIndex> makeNeighborIndex(const Eigen::MatrixXd& train,
                                                 DistanceMetric metric, SearchAlgorithm algorithm,
                                                 int leafSize, int k) {
    if (resolveAlgorithm(algorithm, train.rows(), train.cols(), k) == SearchAlgorithm::KdTree)
        return std::make_unique<KdTree>(train, metric, leafSize);
    return std::make_unique<BruteForceIndex>(train, metric);
}

}  // namespace sluice::ml
