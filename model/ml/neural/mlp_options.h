// MlpOptions: the hyperparameters shared by MLPClassifier and MLPRegressor,
// with scikit-learn's names (in JSON) and defaults.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/learner_spec.h"
#include "ml/neural/layers.h"

namespace sluice::ml {

struct MlpOptions {
    std::vector<int> hiddenLayerSizes{100};  // empty: no hidden layer
    Activation activation = Activation::Relu;
    double alpha = 1e-4;  // L2 penalty
    int batchSize = 200;  // capped at the row count ("auto" = 200)
    double learningRateInit = 1e-3;
    int maxIter = 200;  // epochs
    double tol = 1e-4;
    int nIterNoChange = 10;
    bool earlyStopping = false;
    double validationFraction = 0.1;
    bool shuffle = true;
    std::uint64_t randomState = 0;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;

    // Throws MisuseError naming the first bad value and its allowed range
    // (the ranges mlpHyperparameters() declares for learner `who`).
    void check(std::string_view who) const;

    nlohmann::json toJson() const;
    // Missing fields keep their defaults.
    static MlpOptions fromJson(std::string_view who, const nlohmann::json& p);
};

// The hyperparameters above, as both networks' LearnerSpecs declare them.
std::vector<Hyperparameter> mlpHyperparameters();

}  // namespace sluice::ml
