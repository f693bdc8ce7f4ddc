// GbtParams: the hyperparameters shared by the gradient-boosting classifier
// and regressor, with scikit-learn's HistGradientBoosting* defaults and
// parameter names.
//
// early_stopping: "auto" turns it on when the training data has more than
// 10,000 rows (scikit-learn's rule); true / false force it. With it on,
// validation_fraction of the rows (stratified for classifiers, seeded by
// random_state) are held out and boosting stops once the validation loss
// has not improved by more than tol in n_iter_no_change rounds.
// max_depth = 0 means no depth limit; max_leaf_nodes bounds every tree.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/learner_spec.h"

namespace sluice::ml {

enum class EarlyStopping { Auto, On, Off };

struct GbtParams {
    double learningRate = 0.1;
    int maxIter = 100;
    int maxDepth = 0;
    int maxLeafNodes = 31;
    int minSamplesLeaf = 20;
    double l2Regularization = 0.0;
    int maxBins = 255;
    EarlyStopping earlyStopping = EarlyStopping::Auto;
    double validationFraction = 0.1;
    int nIterNoChange = 10;
    double tol = 1e-7;
    std::uint64_t randomState = 0;

    // Throws MisuseError naming the first bad parameter and its range (the
    // ranges gbtHyperparameters() declares for learner `learner`).
    void validate(std::string_view learner) const;
    // Whether early stopping applies to a training set of `rows` rows.
    bool earlyStoppingFor(long long rows) const;

    nlohmann::json toJson() const;
    // Missing fields keep their defaults; wrongly typed ones throw
    // MisuseError.
    static GbtParams fromJson(const nlohmann::json& p);
};

// The hyperparameters above, as both boosting learners' LearnerSpecs declare them.
std::vector<Hyperparameter> gbtHyperparameters();

}  // namespace sluice::ml
