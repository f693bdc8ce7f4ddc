// Histogram-based gradient boosting, after scikit-learn's
// HistGradientBoostingRegressor / HistGradientBoostingClassifier: the
// hyperparameters are GbtParams (gbt_params.h), the loop gbt_booster.h.
//
// GradientBoostingRegressor minimises squared error from the mean.
// GradientBoostingClassifier minimises log loss: one tree per round on the
// log-odds for two classes, one tree per class per round on the
// softmax scores for more, from the log class priors.
#pragma once

#include "ml/core/model.h"
#include "ml/trees/gbt_params.h"

namespace sluice::ml {

struct GradientBoostingRegressor : Learner, GbtParams {
    std::string_view kind() const override { return "gradient_boosting_regressor"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override { return GbtParams::toJson(); }
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

struct GradientBoostingClassifier : Learner, GbtParams {
    std::string_view kind() const override { return "gradient_boosting_classifier"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override { return GbtParams::toJson(); }
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

// How the registry, Train node and Python export know these learners.
LearnerSpec gradientBoostingClassifierSpec();
LearnerSpec gradientBoostingRegressorSpec();

}  // namespace sluice::ml
