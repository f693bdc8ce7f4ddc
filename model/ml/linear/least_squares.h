// Ordinary least squares and ridge regression, both in closed form.
//
// LinearRegression solves min ||y - Xw - b||^2 with a complete orthogonal
// decomposition: stable on ill-conditioned data, and on rank-deficient data
// it returns the minimum-norm solution (as LAPACK's gelsd, which
// scikit-learn uses) and says so in the model's status.
//
// RidgeRegression solves min ||y - Xw - b||^2 + alpha ||w||^2 (intercept not
// penalised) by a Cholesky (LDLT) solve of the p x p normal equations, or of
// the n x n dual system when there are more features than rows.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

struct LinearRegression : Learner {
    bool fitIntercept = true;

    std::string_view kind() const override { return "linear_regression"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

struct RidgeRegression : Learner {
    double alpha = 1.0;
    bool fitIntercept = true;

    std::string_view kind() const override { return "ridge"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

// How the registry, Train node and Python export know these learners.
LearnerSpec linearRegressionSpec();
LearnerSpec ridgeSpec();

}  // namespace sluice::ml
