// Brute-force neighbour search for many features: every query meets every
// training row, in cache-sized blocks of queries x training rows.
//
// Euclidean distances come from ||a||^2 - 2ab + ||b||^2 (the products are
// where the time goes: AVX2/FMA kernels when the CPU has them, Eigen
// products otherwise); Manhattan sums absolute differences directly. Each
// query keeps a CandidatePool, whose final exact re-ranking makes the
// result identical to an exhaustive exact search (see neighbor_search.h).
#pragma once

#include <vector>

#include "ml/neighbors/neighbor_search.h"

namespace sluice::ml {

class CandidatePool;

class BruteForceIndex : public NeighborIndex {
public:
    // useSimd = false forces the portable Eigen path (tests compare both).
    BruteForceIndex(const Eigen::MatrixXd& train, DistanceMetric metric, bool useSimd = true);

    NeighborList search(const Eigen::MatrixXd& queries, int k) const override;

private:
    void searchBlock(const Eigen::MatrixXd& queries, Eigen::Index first, Eigen::Index count, int k,
                     NeighborList& out) const;
    void scanSimd(const RowMatrix& block, const Eigen::VectorXd& blockNorm,
                  std::vector<CandidatePool>& pools) const;
    void scanPortable(const RowMatrix& block, const Eigen::VectorXd& blockNorm,
                      std::vector<CandidatePool>& pools) const;

    RowMatrix train_;
    DistanceMetric metric_;
    bool simd_;
    Eigen::VectorXd rowNorm_;     // squared L2 (Euclidean) or L1 norm of each row
    double maxRowNorm_ = 0.0;     // for the rounding margin
    std::vector<double> panels_;  // SIMD layout (distance_kernels.h), when simd_
    std::vector<double> panelNorm_;
};

}  // namespace sluice::ml
