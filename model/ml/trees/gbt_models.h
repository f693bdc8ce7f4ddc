// The fitted gradient-boosting models.
//
// GradientBoostingRegressorModel predicts the raw sum of its trees.
// GradientBoostingClassifierModel turns it into probabilities: sigmoid of
// one output for two classes, softmax of one output per class otherwise.
// Feature importances: each feature's share of the total split gain.
// JSON: {"kind", "status", "features", "classes" (classifier), "loss",
// "baseline", "trees", "feature_importances"}.
#pragma once

#include "ml/core/model.h"
#include "ml/trees/gbt_ensemble.h"
#include "ml/trees/gbt_loss.h"

namespace sluice::ml {

class GradientBoostingRegressorModel : public Model {
public:
    GradientBoostingRegressorModel(GbtEnsemble ensemble, Eigen::Index features,
                                   Eigen::VectorXd importances);

    std::string_view kind() const override { return "gradient_boosting_regressor"; }
    Task task() const override { return Task::Regression; }
    Eigen::Index featureCount() const override { return features_; }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::VectorXd> featureImportances() const override { return importances_; }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const GbtEnsemble& ensemble() const { return ensemble_; }

private:
    GbtEnsemble ensemble_;
    Eigen::Index features_;
    Eigen::VectorXd importances_;
};

class GradientBoostingClassifierModel : public ClassifierModel {
public:
    GradientBoostingClassifierModel(GbtEnsemble ensemble, int classes, Eigen::Index features,
                                    Eigen::VectorXd importances);

    std::string_view kind() const override { return "gradient_boosting_classifier"; }
    Eigen::Index featureCount() const override { return features_; }
    int classCount() const override { return classes_; }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::VectorXd> featureImportances() const override { return importances_; }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const GbtEnsemble& ensemble() const { return ensemble_; }

private:
    GbtLoss loss() const {
        return classes_ == 2 ? GbtLoss::BinaryLogLoss : GbtLoss::MultinomialLogLoss;
    }

    GbtEnsemble ensemble_;
    int classes_;
    Eigen::Index features_;
    Eigen::VectorXd importances_;
};

}  // namespace sluice::ml
