// CandidatePool: what brute force keeps for one query while it scans the
// training rows with fast but approximate distances.
//
// Fast distances (||a||^2 - 2ab + ||b||^2 through products) differ from the
// rank distance by at most `margin / 2` (a rounding bound the caller
// derives). The pool keeps every row whose approximate distance is within
// `margin` of the k-th smallest approximate distance seen so far: no row of
// the exact k nearest (ties included) can fall outside that band, so
// finish() re-ranks the few survivors with rankDistance() and returns
// exactly what an exhaustive exact search would.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <utility>
#include <vector>

#include "ml/neighbors/neighbor_search.h"

namespace sluice::ml {

class CandidatePool {
public:
    // rowLimit: offers of rows >= rowLimit (padding) are ignored.
    void reset(int k, double margin, Eigen::Index rowLimit);
    // A pool that accepts nothing (for padding queries).
    void disable();

    // Offers above this cannot belong to the result; scanners test this
    // first and call offer() only below it (rarely, once the pool is warm).
    double threshold() const { return threshold_; }
    void offer(double approx, Eigen::Index row);

    // The k nearest by (rank distance, row) among the candidates, written to
    // index[0..k) and distance[0..k) (true distances).
    void finish(const double* query, const RowMatrix& train, DistanceMetric metric,
                Eigen::Index* index, double* distance);

private:
    void compact();

    std::vector<std::pair<double, Eigen::Index>> items_;
    std::size_t capacity_ = 0;
    int k_ = 0;
    double margin_ = 0.0;
    double threshold_ = std::numeric_limits<double>::infinity();
    Eigen::Index rowLimit_ = 0;
};

}  // namespace sluice::ml
