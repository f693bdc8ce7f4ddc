// Lasso and elastic net: linear regression with an L1 (and L2) penalty,
// fitted by cyclic coordinate descent (coordinate_descent.h) on centred data
// so the intercept is not penalised. Objective, as scikit-learn's:
//
//   1/(2n) ||y - X w - b||^2 + alpha l1_ratio ||w||_1
//                            + alpha (1 - l1_ratio)/2 ||w||^2
//
// Lasso is the elastic net with l1_ratio = 1. With l1_ratio = 0 the problem
// is ridge regression with RidgeRegression::alpha = n * alpha.
//
// Parameters (JSON names as scikit-learn's): alpha >= 0, l1_ratio in [0, 1]
// (elastic net only), fit_intercept, max_iter >= 1 (sweeps), tol >= 0 (on
// the duality gap, relative to ||y - mean(y)||^2).
// Fitted model: LinearModel of kind "lasso" / "elastic_net". Not reaching
// the tolerance within max_iter sweeps is reported in its status
// (converged = false, the gap reached), never thrown. Metric "objective"
// after every sweep.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

struct ElasticNet : Learner {
    double alpha = 1.0;
    double l1Ratio = 0.5;
    bool fitIntercept = true;
    int maxIter = 1000;
    double tol = 1e-4;

    std::string_view kind() const override { return "elastic_net"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

struct Lasso : Learner {
    double alpha = 1.0;
    bool fitIntercept = true;
    int maxIter = 1000;
    double tol = 1e-4;

    std::string_view kind() const override { return "lasso"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

// How the registry, Train node and Python export know these learners.
LearnerSpec elasticNetSpec();
LearnerSpec lassoSpec();

}  // namespace sluice::ml
