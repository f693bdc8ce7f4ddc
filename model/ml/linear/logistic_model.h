// LogisticModel: a fitted logistic regression.
//
// classes(): the class indices seen in training, ascending (a class absent
// from the training rows gets probability 0). With two of them the model
// has one output z = x.w + b and P(classes[1]) = 1 / (1 + e^-z); with more,
// one output per class and softmax probabilities. coefficients() is
// outputs x p and intercepts() has one value per output, as scikit-learn's
// coef_ and intercept_. predictProba() has classCount() columns, the class
// count the targets were encoded with.
#pragma once

#include <vector>

#include "ml/core/model.h"

namespace sluice::ml {

class LogisticModel : public ClassifierModel {
public:
    LogisticModel(int classCount, std::vector<int> classes, Eigen::MatrixXd coef,
                  Eigen::VectorXd intercept);

    std::string_view kind() const override { return "logistic_regression"; }
    Eigen::Index featureCount() const override { return coef_.cols(); }
    int classCount() const override { return classCount_; }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::MatrixXd> coefficients() const override { return coef_; }
    std::optional<Eigen::VectorXd> intercepts() const override { return intercept_; }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const std::vector<int>& classes() const { return classes_; }

private:
    int classCount_;
    std::vector<int> classes_;
    Eigen::MatrixXd coef_;
    Eigen::VectorXd intercept_;
};

}  // namespace sluice::ml
