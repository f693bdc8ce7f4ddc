// Exact k-nearest-neighbour search over a fixed set of training rows.
//
// Every search method ranks by the same "rank distance", computed by
// rankDistance() alone: the sum of squared differences (Euclidean) or of
// absolute differences (Manhattan), added in feature order. Ties are broken
// by training row index (lower first). So the KD-tree and brute force return
// the same neighbours in the same order, bit for bit, whatever the number of
// threads. Reported distances are true distances (square root for Euclidean).
//
// An index is immutable once built and safe to search from several threads;
// search() itself splits the queries over all cores.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <memory>

namespace sluice::ml {

enum class DistanceMetric { Euclidean, Manhattan };
enum class SearchAlgorithm { Auto, KdTree, Brute };

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using IndexMatrix = Eigen::Matrix<Eigen::Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One row per query, k columns, nearest first.
struct NeighborList {
    IndexMatrix index;   // training row indices
    RowMatrix distance;  // true distances
};

// The rank distance between two rows of p values (see the header comment).
double rankDistance(const double* a, const double* b, Eigen::Index p, DistanceMetric metric);

inline double trueDistance(double rank, DistanceMetric metric) {
    return metric == DistanceMetric::Euclidean ? std::sqrt(rank) : rank;
}

class NeighborIndex {
public:
    virtual ~NeighborIndex() = default;
    // queries: m x p; 1 <= k <= training rows.
    virtual NeighborList search(const Eigen::MatrixXd& queries, int k) const = 0;
};

// Auto picks the KD-tree for few features (where its pruning pays) and
// brute force otherwise, or when k is a large share of the rows.
SearchAlgorithm resolveAlgorithm(SearchAlgorithm requested, Eigen::Index rows,
                                 Eigen::Index features, int k);

// The index resolveAlgorithm(algorithm, ..., k) names, over a copy of train.
std::unique_ptr<NeighborIndex> makeNeighborIndex(const Eigen::MatrixXd& train,
                                                 DistanceMetric metric, SearchAlgorithm algorithm,
                                                 int leafSize, int k);

}  // namespace sluice::ml
