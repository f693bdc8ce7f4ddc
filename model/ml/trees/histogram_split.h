// The best split of one feature of a node, found by scanning its histogram.
//
// Splitting at bin b sends rows with code <= b left. With G, H the gradient
// and hessian sums and l2 the L2 regularization, a side's Newton leaf value
// is -G / (H + l2) and the split's gain (twice the decrease of the
// second-order loss approximation, as scikit-learn and XGBoost count it) is
//   G_L^2 / (H_L + l2) + G_R^2 / (H_R + l2) - G^2 / (H + l2).
// A split is allowed only when both sides keep minSamplesLeaf rows and a
// hessian sum of at least minHessian, and is kept only with a gain > 0.
// Ties keep the lowest bin, so the result is deterministic.
#pragma once

#include <cstdint>
#include <limits>

#include "ml/trees/histogram_builder.h"

namespace sluice::ml {

struct SplitRules {
    int minSamplesLeaf = 20;
    double minHessian = 1e-3;
    double l2 = 0.0;
};

struct NodeSums {
    double sumGrad = 0.0;
    double sumHess = 0.0;
    std::uint32_t count = 0;
};

struct SplitInfo {
    double gain = 0.0;  // > 0 when feature >= 0
    int feature = -1;   // -1: no allowed split with a positive gain
    int bin = 0;
    NodeSums left;
    NodeSums right;

    bool found() const { return feature >= 0; }
};

// The best split of `feature` given the node's totals; found() is false when
// there is none.
SplitInfo bestSplit(const HistBin* hist, int bins, int feature, const NodeSums& node,
                    const SplitRules& rules);

// -G / (H + l2): the Newton step of a leaf (0 when the denominator is not
// positive).
double leafValue(double sumGrad, double sumHess, double l2);

}  // namespace sluice::ml
