// growTree: grows one CART tree with exact best splits, depth first.
//
// Every feature's rows are sorted once (FeatureSort); each node owns the
// same range [start, end) in every feature's array of (rank, row) entries,
// still sorted by that feature. Splitting a node stably partitions each
// feature's range into its left and right children, so no node ever sorts.
// A node tries `maxFeatures` features drawn without replacement from `rng`
// (features constant in the node do not count, as in scikit-learn) and
// keeps the best split of the criterion; thresholds are midpoints between
// consecutive distinct values. Any valid split is taken (even one that does
// not lower the impurity, which XOR-like data needs); a node stays a leaf
// when it is pure, at max depth, smaller than min_samples_split or
// 2 * min_samples_leaf, or has no split leaving min_samples_leaf rows on
// each side. Row counts are of distinct rows; impurities use the weights.
//
// Checks context cancellation at every node (FitCancelled) and, when
// `reportProgress`, reports the fraction of rows settled in leaves.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "ml/core/fit_context.h"
#include "ml/core/random.h"
#include "ml/trees/cart_criteria.h"
#include "ml/trees/cart_presort.h"
#include "ml/trees/cart_tree.h"

namespace sluice::ml {

struct GrowthRules {
    Criterion criterion = Criterion::Gini;
    int maxDepth = 0;  // 0 = unlimited
    int minSamplesSplit = 2;
    int minSamplesLeaf = 1;
    int maxFeatures = 1;  // already resolved: 1..features
};

struct GrownTree {
    FlatTree tree;
    // Per feature: the sum over its splits of W*i - W_left*i_left -
    // W_right*i_right (W: node weight, i: impurity); not normalised.
    Eigen::VectorXd impurityDecrease;
    double leafImpurity = 0.0;  // weighted mean impurity of the leaves
};

// y: class indices 0..classes-1 (classes >= 2) or regression targets
// (classes == 0). weights: per-row counts (bootstrap); empty means every
// row once; rows of weight 0 are left out (out of bag). At least one row
// must have a positive weight.
GrownTree growTree(const std::vector<FeatureSort>& sorts, const Eigen::VectorXd& y, int classes,
                   const std::vector<std::uint32_t>& weights, const GrowthRules& rules, Rng& rng,
                   const FitContext& context, bool reportProgress);

}  // namespace sluice::ml

namespace sluice::ml {

// Impurity decreases scaled to sum to 1 (all zeros stay zeros: a tree that
// is a single leaf explains nothing).
Eigen::VectorXd normalisedImportances(const Eigen::VectorXd& decrease);

}  // namespace sluice::ml
