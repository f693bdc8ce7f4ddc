// Gaussian naive Bayes (kind "gaussian_nb"), as scikit-learn's GaussianNB.
//
// Closed form: per class c, the prior (class share of the rows, or the
// given `priors`), the feature means theta[c] and the biased (divide by n_c)
// variances var[c], every variance increased by var_smoothing times the
// largest feature variance of the whole X (which keeps constant features
// finite). predictProba normalises the joint log-likelihoods
//   log prior_c - 1/2 sum_f log(2 pi var_cf) - 1/2 sum_f (x_f - theta_cf)^2 / var_cf
// with log-sum-exp, so far-away rows get probabilities, not 0 / 0.
// A class index absent from y gets prior 0 (probability 0).
#pragma once

#include <optional>

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

struct GaussianNB : Learner {
    double varSmoothing = 1e-9;
    std::optional<Eigen::VectorXd> priors;  // one per class, summing to 1

    std::string_view kind() const override { return "gaussian_nb"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

class GaussianNBModel : public ClassifierModel {
public:
    // theta, var: classes x features; logPrior: one per class.
    GaussianNBModel(Eigen::MatrixXd theta, Eigen::MatrixXd var, Eigen::VectorXd logPrior);

    std::string_view kind() const override { return "gaussian_nb"; }
    Eigen::Index featureCount() const override { return theta_.cols(); }
    int classCount() const override { return static_cast<int>(theta_.rows()); }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    // n x classes joint log-likelihoods (before normalisation).
    Eigen::MatrixXd jointLogLikelihood(const Eigen::MatrixXd& X) const;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const Eigen::MatrixXd& theta() const { return theta_; }
    const Eigen::MatrixXd& var() const { return var_; }
    const Eigen::VectorXd& logPrior() const { return logPrior_; }

private:
    Eigen::MatrixXd theta_, var_;
    Eigen::VectorXd logPrior_;
};

// How the registry, Train node and Python export know this learner.
LearnerSpec gaussianNbSpec();

}  // namespace sluice::ml
