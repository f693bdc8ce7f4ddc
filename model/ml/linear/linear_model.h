// LinearModel: the fitted form shared by every linear regressor
// (least squares, ridge, lasso, elastic net): y = X * coef + intercept.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

class LinearModel : public Model {
public:
    LinearModel(std::string kind, Eigen::VectorXd coef, double intercept);

    std::string_view kind() const override { return kind_; }
    Task task() const override { return Task::Regression; }
    Eigen::Index featureCount() const override { return coef_.size(); }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::MatrixXd> coefficients() const override {
        return Eigen::MatrixXd(coef_.transpose());
    }
    std::optional<Eigen::VectorXd> intercepts() const override {
        return Eigen::VectorXd::Constant(1, intercept_);
    }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const Eigen::VectorXd& coef() const { return coef_; }
    double intercept() const { return intercept_; }

private:
    std::string kind_;
    Eigen::VectorXd coef_;
    double intercept_;
};

// Column means of X (zeros without an intercept) and X minus them: every
// linear learner fits on centred data so the intercept is not penalised.
struct Centered {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    Eigen::RowVectorXd xMean;
    double yMean = 0.0;
};
Centered centerData(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, bool fitIntercept);

// fit_intercept, as every linear learner declares it.
Hyperparameter fitInterceptHyperparameter();

}  // namespace sluice::ml
