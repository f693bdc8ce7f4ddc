// GbtEnsemble: the fitted trees of a gradient-boosting model and how they
// add up to raw predictions: raw(i, k) = baseline(k) + the sum over rounds
// of tree (round, k)'s leaf value for row i, trees stored round by round.
// Every row sums its trees in the same order, so predictions are identical
// whatever the thread count and after a JSON round trip.
#pragma once

#include <Eigen/Core>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/trees/gbt_tree.h"

namespace sluice::ml {

struct GbtEnsemble {
    Eigen::VectorXd baseline;  // one per output
    std::vector<GbtTree> trees;

    int outputs() const { return static_cast<int>(baseline.size()); }
    int rounds() const { return outputs() ? static_cast<int>(trees.size()) / outputs() : 0; }

    // n x outputs raw predictions (X already checked).
    Eigen::MatrixXd rawPredict(const Eigen::MatrixXd& X) const;

    nlohmann::json toJson() const;  // {"baseline": [...], "trees": [...]}
    // Checks shapes and that trees use features below `features`.
    static GbtEnsemble fromJson(const nlohmann::json& j, Eigen::Index features);
};

}  // namespace sluice::ml
