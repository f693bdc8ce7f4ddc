#include "ml/cluster/lloyd.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace sluice::ml {
namespace {

// Rows per chunk: the chunk, its k products and the centres stay in L1/L2.
constexpr Eigen::Index kChunk = 256;

// Assigns every row to its nearest centre (lowest index on a tie); returns
// the inertia, and when sums/counts are given accumulates the new centres'
// sums.
double assign(const KMeansRows& X, const KMeansRows& centers, Eigen::VectorXi& labels,
              KMeansRows* sums, Eigen::VectorXd* counts) {
    const Eigen::Index n = X.rows(), k = centers.rows();
    const Eigen::RowVectorXd centerNorm = centers.rowwise().squaredNorm().transpose();
    const Eigen::MatrixXd centersT = centers.transpose();
    Eigen::MatrixXd dots;
    double inertia = 0.0;
    if (sums) {
        sums->setZero(k, X.cols());
        counts->setZero(k);
    }
    for (Eigen::Index r0 = 0; r0 < n; r0 += kChunk) {
        const Eigen::Index rows = std::min(kChunk, n - r0);
        dots.noalias() = X.middleRows(r0, rows) * centersT;
        for (Eigen::Index i = 0; i < rows; ++i) {
            Eigen::Index best = 0;
            double bestValue = centerNorm(0) - 2.0 * dots(i, 0);
            for (Eigen::Index c = 1; c < k; ++c) {
                const double v = centerNorm(c) - 2.0 * dots(i, c);
                if (v < bestValue) {
                    bestValue = v;
                    best = c;
                }
            }
            labels(r0 + i) = static_cast<int>(best);
            // ||x||^2 + (||c||^2 - 2 x.c); rounding may dip below zero.
            inertia += std::max(0.0, X.row(r0 + i).squaredNorm() + bestValue);
            if (sums) {
                sums->row(best) += X.row(r0 + i);
                (*counts)(best) += 1.0;
            }
        }
    }
    return inertia;
}

// scikit-learn's relocation: each empty cluster, in index order, takes one
// of the rows farthest from their own centres (farthest first), which
// leaves its former cluster.
void relocateEmpty(const KMeansRows& X, const KMeansRows& centers, const Eigen::VectorXi& labels,
                   KMeansRows& sums, Eigen::VectorXd& counts) {
    std::vector<Eigen::Index> empty;
    for (Eigen::Index c = 0; c < counts.size(); ++c)
        if (counts(c) == 0.0)
            empty.push_back(c);
    if (empty.empty())
        return;
    const Eigen::Index n = X.rows();
    std::vector<double> distance(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        distance[static_cast<std::size_t>(i)] =
            squaredDistance(X.row(i).data(), centers.row(labels(i)).data(), X.cols());
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    const auto take = std::min(empty.size(), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(),
                      [&](Eigen::Index a, Eigen::Index b) {
                          const double da = distance[static_cast<std::size_t>(a)];
                          const double db = distance[static_cast<std::size_t>(b)];
                          return da > db || (da == db && a < b);
                      });
    for (std::size_t e = 0; e < take; ++e) {
        const Eigen::Index row = order[e], from = labels(row), to = empty[e];
        sums.row(from) -= X.row(row);
        counts(from) -= 1.0;
        sums.row(to) = X.row(row);
        counts(to) = 1.0;
    }
}

}  // namespace

LloydResult runLloyd(const KMeansRows& X, KMeansRows centers, int maxIter, double tol,
                     const FitContext& context,
                     const std::function<void(int, double)>& onIteration) {
    const Eigen::Index n = X.rows(), k = centers.rows();
    LloydResult r;
    Eigen::VectorXi labels(n), previous = Eigen::VectorXi::Constant(n, -1);
    KMeansRows sums;
    Eigen::VectorXd counts;
    for (int it = 1; it <= maxIter; ++it) {
        context.throwIfCancelled();
        const double inertia = assign(X, centers, labels, &sums, &counts);
        r.iterations = it;
        if (onIteration)
            onIteration(it, inertia);
        relocateEmpty(X, centers, labels, sums, counts);
        KMeansRows moved = sums.array().colwise() / counts.array();
        for (Eigen::Index c = 0; c < k; ++c)
            if (counts(c) == 0.0)  // more empty clusters than rows to give
                moved.row(c) = centers.row(c);
        const double shift = (moved - centers).squaredNorm();
        centers.swap(moved);
        if (labels == previous || shift <= tol) {
            r.converged = true;
            break;
        }
        previous = labels;
    }
    // The labels belong to the centres before the last move: reassign to
    // the final centres (a no-op for the labels when the assignment had
    // settled) for consistent labels and inertia.
    r.inertia = assign(X, centers, labels, nullptr, nullptr);
    r.labels = std::move(labels);
    r.centers = std::move(centers);
    return r;
}

}  // namespace sluice::ml
