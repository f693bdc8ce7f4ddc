// Random forests, as scikit-learn's RandomForestClassifier and
// RandomForestRegressor: CART trees grown on bootstrap samples, each node
// choosing among a random subset of the features, averaged.
//
// Parameters (JSON): n_estimators (100), criterion ("gini" / "entropy";
// "squared_error" for the regressor), max_depth (0 = unlimited),
// min_samples_split (2), min_samples_leaf (1), max_features ("sqrt" for the
// classifier, 1.0 = all for the regressor; see cart_params.h), bootstrap
// (true), oob_score (true; needs bootstrap), random_state (0).
// Trees train on context.threadCount() threads; tree t uses
// Rng::derive(random_state, t), so the forest is identical for any thread
// count, and a one-tree forest without bootstrap equals the decision tree
// with the same parameters. The metric stream is "oob_error" (1 - OOB
// score, per tree in tree order); see forest_trainer.h. The model's status
// counts trees in `iterations` and holds the final OOB error in finalLoss.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "ml/trees/cart_criteria.h"
#include "ml/trees/cart_params.h"

namespace sluice::ml {

struct ForestParams : CartParams {
    int nEstimators = 100;
    bool bootstrap = true;
    bool oobScore = true;
};

struct RandomForestClassifier : Learner, ForestParams {
    Criterion criterion = Criterion::Gini;

    RandomForestClassifier() { maxFeatures = MaxFeatures::sqrt(); }
    std::string_view kind() const override { return "random_forest_classifier"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

struct RandomForestRegressor : Learner, ForestParams {
    Criterion criterion = Criterion::SquaredError;

    RandomForestRegressor() { maxFeatures = MaxFeatures::fraction(1.0); }
    std::string_view kind() const override { return "random_forest_regressor"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

// How the registry, Train node and Python export know these learners.
LearnerSpec randomForestClassifierSpec();
LearnerSpec randomForestRegressorSpec();

}  // namespace sluice::ml
