// trainForest: grows the trees of a random forest in parallel and scores
// them out of bag.
//
// Tree t draws its bootstrap sample (n rows with replacement, as counts)
// and then its per-node feature choices from Rng::derive(seed, t), so the
// forest is the same on any number of threads. The rows' feature sort is
// computed once and shared by all trees.
//
// While trees finish, they are merged in tree order (a tree that finishes
// early waits for its predecessors): its out-of-bag predictions are added,
// context.metric("oob_error", trees so far, 1 - OOB score) and
// context.progress(trees so far / total) are reported. These calls come
// from the worker threads, one at a time (never concurrently). The OOB score
// is accuracy (classifiers) or R^2 (regressors) over the rows that were out
// of bag for at least one tree. Cancellation is checked before every tree
// and at every node.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <vector>

#include "ml/core/fit_context.h"
#include "ml/trees/cart_builder.h"
#include "ml/trees/cart_tree.h"

namespace sluice::ml {

struct ForestSettings {
    int trees = 100;
    bool bootstrap = true;
    bool oobScore = true;  // needs bootstrap
    GrowthRules rules;
    std::uint64_t seed = 0;
};

struct TrainedForest {
    std::vector<FlatTree> trees;
    // Mean of the trees' normalised importances (trees that are one leaf
    // left out, as scikit-learn), normalised again.
    Eigen::VectorXd importances;
    double oobScore = std::numeric_limits<double>::quiet_NaN();  // NaN without OOB
    std::size_t rowsNeverOutOfBag = 0;
};

// y, classes: as growTree (classes == 0: regression).
TrainedForest trainForest(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, int classes,
                          const ForestSettings& settings, const FitContext& context);

}  // namespace sluice::ml
