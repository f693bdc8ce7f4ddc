#include "ml/neighbors/brute_force.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ml/neighbors/candidate_pool.h"
#include "ml/neighbors/distance_kernels.h"
#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// Queries per parallel work item, and training rows per tile: a tile of
// 1024 rows x 25 features (200 KB) stays in L2 while the block's queries
// sweep over it.
constexpr Eigen::Index kQueryBlock = 64;
constexpr Eigen::Index kTileRows = 1024;

double norm(const double* row, Eigen::Index p, DistanceMetric metric) {
    double s = 0.0;
    for (Eigen::Index f = 0; f < p; ++f)
        s += metric == DistanceMetric::Euclidean ? row[f] * row[f] : std::abs(row[f]);
    return s;
}

// Half the pool margin: a bound on |approximate - rank distance|. Each of
// ||a||^2, ||b||^2 and ab carries at most p * eps relative to ||a||^2 +
// ||b||^2 (the terms of ab are bounded by (a_f^2 + b_f^2) / 2), the final
// sums add a few eps, and the rank distance itself is off by (p + 1) eps of
// the same scale: (4 p + 8) eps covers it all, doubled for safety. The
// Manhattan kernels add the same terms in the same order as rankDistance,
// so their margin is a mere safeguard.
double roundingBound(double queryNorm, double maxRowNorm, Eigen::Index p) {
    const double eps = std::numeric_limits<double>::epsilon();
    return 2.0 * (4.0 * static_cast<double>(p) + 8.0) * eps * (queryNorm + maxRowNorm);
}

}  // namespace

BruteForceIndex::BruteForceIndex(const Eigen::MatrixXd& train, DistanceMetric metric, bool useSimd)
    : train_(train), metric_(metric), simd_(useSimd && simd::scanKernelsAvailable()) {
    const Eigen::Index n = train_.rows(), p = train_.cols();
    rowNorm_.resize(n);
    for (Eigen::Index i = 0; i < n; ++i)
        rowNorm_(i) = norm(train_.row(i).data(), p, metric_);
    maxRowNorm_ = n ? rowNorm_.maxCoeff() : 0.0;
    if (!simd_)
        return;
    const Eigen::Index panels = (n + simd::kPanelRows - 1) / simd::kPanelRows;
    panels_.assign(static_cast<std::size_t>(panels * p * simd::kPanelRows), 0.0);
    panelNorm_.assign(static_cast<std::size_t>(panels * simd::kPanelRows),
                      std::numeric_limits<double>::infinity());
    for (Eigen::Index i = 0; i < n; ++i) {
        const Eigen::Index panel = i / simd::kPanelRows, r = i % simd::kPanelRows;
        for (Eigen::Index f = 0; f < p; ++f)
            panels_[static_cast<std::size_t>((panel * p + f) * simd::kPanelRows + r)] =
                train_(i, f);
        panelNorm_[static_cast<std::size_t>(i)] = rowNorm_(i);
    }
}

NeighborList BruteForceIndex::search(const Eigen::MatrixXd& queries, int k) const {
    NeighborList out;
    out.index.resize(queries.rows(), k);
    out.distance.resize(queries.rows(), k);
    const Eigen::Index blocks = (queries.rows() + kQueryBlock - 1) / kQueryBlock;
    parallelFor(static_cast<std::size_t>(blocks), defaultThreadCount(), [&](std::size_t b) {
        const Eigen::Index first = static_cast<Eigen::Index>(b) * kQueryBlock;
        searchBlock(queries, first, std::min(kQueryBlock, queries.rows() - first), k, out);
    });
    return out;
}

void BruteForceIndex::searchBlock(const Eigen::MatrixXd& queries, Eigen::Index first,
                                  Eigen::Index count, int k, NeighborList& out) const {
    const Eigen::Index p = train_.cols();
    const RowMatrix block = queries.middleRows(first, count);
    Eigen::VectorXd blockNorm(count);
    std::vector<CandidatePool> pools(static_cast<std::size_t>(count));
    for (Eigen::Index i = 0; i < count; ++i) {
        blockNorm(i) = norm(block.row(i).data(), p, metric_);
        pools[static_cast<std::size_t>(i)].reset(
            k, 2.0 * roundingBound(blockNorm(i), maxRowNorm_, p), train_.rows());
    }
    if (simd_)
        scanSimd(block, blockNorm, pools);
    else
        scanPortable(block, blockNorm, pools);
    for (Eigen::Index i = 0; i < count; ++i)
        pools[static_cast<std::size_t>(i)].finish(block.row(i).data(), train_, metric_,
                                                  out.index.row(first + i).data(),
                                                  out.distance.row(first + i).data());
}

void BruteForceIndex::scanSimd(const RowMatrix& block, const Eigen::VectorXd& blockNorm,
                               std::vector<CandidatePool>& pools) const {
    using simd::kGroupRows;
    using simd::kPanelRows;
    const Eigen::Index p = train_.cols(), count = block.rows();
    const Eigen::Index groups = (count + kGroupRows - 1) / kGroupRows;
    // Queries packed by groups of kGroupRows; padding queries get a pool
    // that accepts nothing.
    std::vector<double> packed(static_cast<std::size_t>(groups * p * kGroupRows), 0.0);
    std::vector<double> packedNorm(static_cast<std::size_t>(groups * kGroupRows), 0.0);
    CandidatePool disabled;
    disabled.disable();
    std::vector<CandidatePool*> poolOf(static_cast<std::size_t>(groups * kGroupRows), &disabled);
    for (Eigen::Index i = 0; i < count; ++i) {
        const Eigen::Index g = i / kGroupRows, r = i % kGroupRows;
        for (Eigen::Index f = 0; f < p; ++f)
            packed[static_cast<std::size_t>((g * p + f) * kGroupRows + r)] = block(i, f);
        packedNorm[static_cast<std::size_t>(i)] = blockNorm(i);
        poolOf[static_cast<std::size_t>(i)] = &pools[static_cast<std::size_t>(i)];
    }
    const Eigen::Index panels = static_cast<Eigen::Index>(panelNorm_.size()) / kPanelRows;
    const Eigen::Index tilePanels = kTileRows / kPanelRows;
    for (Eigen::Index tile = 0; tile < panels; tile += tilePanels) {
        const Eigen::Index n = std::min(tilePanels, panels - tile);
        for (Eigen::Index g = 0; g < groups; ++g)
            simd::scanPanels(
                metric_, packed.data() + g * p * kGroupRows, packedNorm.data() + g * kGroupRows,
                panels_.data() + tile * p * kPanelRows, panelNorm_.data() + tile * kPanelRows, n, p,
                tile * kPanelRows, poolOf.data() + g * kGroupRows);
    }
}

void BruteForceIndex::scanPortable(const RowMatrix& block, const Eigen::VectorXd& blockNorm,
                                   std::vector<CandidatePool>& pools) const {
    const Eigen::Index n = train_.rows(), p = train_.cols(), count = block.rows();
    Eigen::MatrixXd dots;
    for (Eigen::Index t0 = 0; t0 < n; t0 += kTileRows) {
        const Eigen::Index rows = std::min(kTileRows, n - t0);
        if (metric_ == DistanceMetric::Euclidean) {
            dots.noalias() = block * train_.middleRows(t0, rows).transpose();
            for (Eigen::Index i = 0; i < count; ++i) {
                CandidatePool& pool = pools[static_cast<std::size_t>(i)];
                for (Eigen::Index j = 0; j < rows; ++j) {
                    const double d = blockNorm(i) + rowNorm_(t0 + j) - 2.0 * dots(i, j);
                    if (d <= pool.threshold())
                        pool.offer(d, t0 + j);
                }
            }
        } else {
            for (Eigen::Index i = 0; i < count; ++i) {
                CandidatePool& pool = pools[static_cast<std::size_t>(i)];
                for (Eigen::Index j = t0; j < t0 + rows; ++j) {
                    const double d = rankDistance(block.row(i).data(), train_.row(j).data(), p,
                                                  DistanceMetric::Manhattan);
                    if (d <= pool.threshold())
                        pool.offer(d, j);
                }
            }
        }
    }
}

}  // namespace sluice::ml
