// KD-tree for neighbour search in few dimensions.
//
// Built over the training rows with median splits on the widest dimension
// until a node holds at most leafSize rows; nodes live in one flat array
// with their bounding boxes, and the rows are copied in tree order so a
// leaf is one contiguous block. A query descends nearer child first and
// skips any node whose box is farther than the current k-th neighbour. The
// box bound never exceeds the rank distance of a row inside it, even after
// rounding (every step is monotone), and a node at exactly the k-th
// distance is still visited (a lower row index would win the tie), so the
// result equals brute force's exactly.
#pragma once

#include <cstdint>
#include <vector>

#include "ml/neighbors/neighbor_search.h"

namespace sluice::ml {

class KdTree : public NeighborIndex {
public:
    KdTree(const Eigen::MatrixXd& train, DistanceMetric metric, int leafSize);

    NeighborList search(const Eigen::MatrixXd& queries, int k) const override;

    std::size_t nodeCount() const { return nodes_.size(); }

private:
    struct Node {
        Eigen::Index begin = 0, end = 0;  // rows [begin, end) in tree order
        std::int32_t left = -1, right = -1;
    };
    struct Best;  // the k best (rank distance, row) pairs of one query

    std::int32_t build(Eigen::Index begin, Eigen::Index end, int leafSize);
    double boxDistance(std::int32_t node, const double* q) const;
    void descend(std::int32_t node, const double* q, Best& best) const;

    DistanceMetric metric_;
    Eigen::Index p_;
    RowMatrix points_;               // training rows in tree order
    std::vector<Eigen::Index> row_;  // original index of each tree-order row
    std::vector<Node> nodes_;
    std::vector<double> lo_, hi_;  // per node, p values each
};

}  // namespace sluice::ml
