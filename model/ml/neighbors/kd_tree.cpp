#include "ml/neighbors/kd_tree.h"

#include <algorithm>
#include <numeric>

#include "util/parallel_for.h"

namespace sluice::ml {

// A max-heap on (rank distance, original row): the top is the current k-th
// neighbour, and the lexicographic order breaks ties by row index.
struct KdTree::Best {
    std::vector<std::pair<double, Eigen::Index>> heap;
    std::size_t k;

    bool full() const { return heap.size() == k; }
    double worst() const { return heap.front().first; }
    void offer(double d, Eigen::Index row) {
        const std::pair<double, Eigen::Index> item(d, row);
        if (!full()) {
            heap.push_back(item);
            std::push_heap(heap.begin(), heap.end());
        } else if (item < heap.front()) {
            std::pop_heap(heap.begin(), heap.end());
            heap.back() = item;
            std::push_heap(heap.begin(), heap.end());
        }
    }
};

KdTree::KdTree(const Eigen::MatrixXd& train, DistanceMetric metric, int leafSize)
    : metric_(metric), p_(train.cols()) {
    const Eigen::Index n = train.rows();
    row_.resize(static_cast<std::size_t>(n));
    std::iota(row_.begin(), row_.end(), Eigen::Index{0});
    // build() permutes row_; the copy in tree order follows.
    points_ = train;
    build(0, n, std::max(1, leafSize));
    for (Eigen::Index i = 0; i < n; ++i)
        points_.row(i) = train.row(row_[static_cast<std::size_t>(i)]);
}

std::int32_t KdTree::build(Eigen::Index begin, Eigen::Index end, int leafSize) {
    const auto id = static_cast<std::int32_t>(nodes_.size());
    nodes_.push_back({begin, end, -1, -1});
    // Bounding box of the node's rows (points_ is still in input order).
    std::vector<double> lo(static_cast<std::size_t>(p_), std::numeric_limits<double>::infinity());
    std::vector<double> hi(static_cast<std::size_t>(p_), -std::numeric_limits<double>::infinity());
    for (Eigen::Index i = begin; i < end; ++i) {
        const double* x = points_.row(row_[static_cast<std::size_t>(i)]).data();
        for (Eigen::Index f = 0; f < p_; ++f) {
            lo[static_cast<std::size_t>(f)] = std::min(lo[static_cast<std::size_t>(f)], x[f]);
            hi[static_cast<std::size_t>(f)] = std::max(hi[static_cast<std::size_t>(f)], x[f]);
        }
    }
    lo_.insert(lo_.end(), lo.begin(), lo.end());
    hi_.insert(hi_.end(), hi.begin(), hi.end());
    if (end - begin <= leafSize)
        return id;
    Eigen::Index dim = 0;
    double widest = -1.0;
    for (Eigen::Index f = 0; f < p_; ++f) {
        const double spread = hi[static_cast<std::size_t>(f)] - lo[static_cast<std::size_t>(f)];
        if (spread > widest) {
            widest = spread;
            dim = f;
        }
    }
    if (widest <= 0.0)
        return id;  // all rows identical: nothing to split
    const Eigen::Index mid = begin + (end - begin) / 2;
    std::nth_element(
        row_.begin() + begin, row_.begin() + mid, row_.begin() + end,
        [&](Eigen::Index a, Eigen::Index b) { return points_(a, dim) < points_(b, dim); });
    const std::int32_t left = build(begin, mid, leafSize);
    const std::int32_t right = build(mid, end, leafSize);
    nodes_[static_cast<std::size_t>(id)].left = left;
    nodes_[static_cast<std::size_t>(id)].right = right;
    return id;
}

double KdTree::boxDistance(std::int32_t node, const double* q) const {
    const double* lo = lo_.data() + static_cast<std::size_t>(node) * static_cast<std::size_t>(p_);
    const double* hi = hi_.data() + static_cast<std::size_t>(node) * static_cast<std::size_t>(p_);
    double s = 0.0;
    for (Eigen::Index f = 0; f < p_; ++f) {
        // The gap from q to the box along f (zero inside), rounded as
        // rankDistance rounds q_f - x_f, so the bound stays a lower bound.
        const double gap = q[f] < lo[f] ? lo[f] - q[f] : (q[f] > hi[f] ? q[f] - hi[f] : 0.0);
        s += metric_ == DistanceMetric::Euclidean ? gap * gap : gap;
    }
    return s;
}

void KdTree::descend(std::int32_t id, const double* q, Best& best) const {
    const Node& node = nodes_[static_cast<std::size_t>(id)];
    if (node.left < 0) {
        for (Eigen::Index i = node.begin; i < node.end; ++i)
            best.offer(rankDistance(q, points_.row(i).data(), p_, metric_),
                       row_[static_cast<std::size_t>(i)]);
        return;
    }
    double dl = boxDistance(node.left, q), dr = boxDistance(node.right, q);
    std::int32_t near = node.left, far = node.right;
    if (dr < dl) {
        std::swap(near, far);
        std::swap(dl, dr);
    }
    if (!best.full() || dl <= best.worst())
        descend(near, q, best);
    if (!best.full() || dr <= best.worst())
        descend(far, q, best);
}

NeighborList KdTree::search(const Eigen::MatrixXd& queries, int k) const {
    NeighborList out;
    const Eigen::Index m = queries.rows();
    out.index.resize(m, k);
    out.distance.resize(m, k);
    constexpr Eigen::Index kBlock = 256;
    const Eigen::Index blocks = (m + kBlock - 1) / kBlock;
    parallelFor(static_cast<std::size_t>(blocks), defaultThreadCount(), [&](std::size_t b) {
        Best best{{}, static_cast<std::size_t>(k)};
        best.heap.reserve(best.k);
        Eigen::VectorXd q(p_);
        const Eigen::Index first = static_cast<Eigen::Index>(b) * kBlock;
        for (Eigen::Index i = first; i < std::min(m, first + kBlock); ++i) {
            q = queries.row(i).transpose();
            best.heap.clear();
            descend(0, q.data(), best);
            std::sort_heap(best.heap.begin(), best.heap.end());
            for (int c = 0; c < k; ++c) {
                out.index(i, c) = best.heap[static_cast<std::size_t>(c)].second;
                out.distance(i, c) =
                    trueDistance(best.heap[static_cast<std::size_t>(c)].first, metric_);
            }
        }
    });
    return out;
}

}  // namespace sluice::ml
