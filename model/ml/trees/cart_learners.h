// CART decision trees, as scikit-learn's DecisionTreeClassifier and
// DecisionTreeRegressor (exact best splits, midpoint thresholds).
//
// Parameters (JSON): criterion ("gini" or "entropy" for the classifier,
// "squared_error" for the regressor), max_depth (0 = unlimited),
// min_samples_split (2), min_samples_leaf (1), max_features (0 = all; see
// cart_params.h), random_state (0). Features are tried in an order drawn
// from Rng::derive(random_state, 0), which decides between equally good
// splits; a forest of one tree without bootstrap grows the same tree.
// Training is single-threaded apart from the initial per-feature sort;
// cancellation is checked at every node. Bad parameters throw MisuseError.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "ml/trees/cart_criteria.h"
#include "ml/trees/cart_params.h"

namespace sluice::ml {

struct DecisionTreeClassifier : Learner, CartParams {
    Criterion criterion = Criterion::Gini;

    std::string_view kind() const override { return "decision_tree_classifier"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

struct DecisionTreeRegressor : Learner, CartParams {
    Criterion criterion = Criterion::SquaredError;

    std::string_view kind() const override { return "decision_tree_regressor"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

// How the registry, Train node and Python export know these learners.
LearnerSpec decisionTreeClassifierSpec();
LearnerSpec decisionTreeRegressorSpec();

}  // namespace sluice::ml
