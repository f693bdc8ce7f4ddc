// Logistic regression with an L2 penalty: binary (sigmoid) for two classes,
// multinomial (softmax) for more, fitted by L-BFGS (lbfgs.h) on the loss of
// logistic_loss.h, which is scikit-learn's:
//
//   sum_i s_i * log-loss_i + 1/(2C) ||W||^2     (intercepts not penalised)
//
// Parameters (JSON names as scikit-learn's): C > 0 (inverse penalty
// strength), fit_intercept, max_iter >= 1 (L-BFGS iterations), tol >= 0
// (stop when every gradient component is within tol, or when an iteration
// lowers the loss by a relative 2.2e-9 * min(1, tol / 1e-4): at the default
// tol exactly scipy's L-BFGS-B rules), class_weight "none" or "balanced"
// (s_i = n / (classes * rows of i's class)).
// Fitted model: LogisticModel (logistic_model.h). Metric "loss" per
// iteration: the objective divided by the total sample weight. Reaching
// max_iter is reported in the status (converged = false), never thrown.
// Rows are split in fixed chunks over context.threads: same model whatever
// the thread count.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

struct LogisticRegression : Learner {
    enum class ClassWeight { None, Balanced };

    double C = 1.0;
    bool fitIntercept = true;
    int maxIter = 100;
    double tol = 1e-4;
    ClassWeight classWeight = ClassWeight::None;

    std::string_view kind() const override { return "logistic_regression"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

// How the registry, Train node and Python export know this learner.
LearnerSpec logisticRegressionSpec();

}  // namespace sluice::ml
