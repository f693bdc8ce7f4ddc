// Hyperparameters shared by the k-nearest-neighbour classifier and
// regressor, as scikit-learn names them:
//   n_neighbors (5), weights ("uniform" | "distance"),
//   metric ("euclidean" | "manhattan"), algorithm ("auto" | "kd_tree" |
//   "brute"), leaf_size (30, KD-tree leaves).
// With distance weights each neighbour counts 1 / distance; when some
// neighbours are at distance zero they alone decide, equally (as
// scikit-learn).
#pragma once

#include <Eigen/Core>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/learner_spec.h"
#include "ml/neighbors/neighbor_search.h"

namespace sluice::ml {

enum class NeighborWeights { Uniform, Distance };

struct KNeighborsOptions {
    int nNeighbors = 5;
    NeighborWeights weights = NeighborWeights::Uniform;
    DistanceMetric metric = DistanceMetric::Euclidean;
    SearchAlgorithm algorithm = SearchAlgorithm::Auto;
    int leafSize = 30;

    nlohmann::json toJson() const;
    // Missing fields keep their defaults; unknown names throw MisuseError.
    static KNeighborsOptions fromJson(const nlohmann::json& p);
    // MisuseError unless the options are in the ranges the learner `who`
    // declares (knnHyperparameters) and fit `rows` training rows.
    void check(std::string_view who, Eigen::Index rows) const;
};

// The hyperparameters above, as both learners' LearnerSpecs declare them.
std::vector<Hyperparameter> knnHyperparameters();

// The weight of each of k neighbours from their distances (nearest first).
void neighborWeights(NeighborWeights weights, const double* distance, int k, double* out);

}  // namespace sluice::ml
