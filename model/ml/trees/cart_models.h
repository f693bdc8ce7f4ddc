// The fitted decision trees: one FlatTree, the feature count and the
// normalised impurity-decrease importances.
//
// TreeClassifierModel ("decision_tree_classifier"): predictProba is the
// class fractions of the training rows in the row's leaf; predict the most
// probable class (the lowest index on ties). TreeRegressorModel
// ("decision_tree_regressor"): predict is the leaf's mean target.
#pragma once

#include "ml/core/model.h"
#include "ml/trees/cart_tree.h"

namespace sluice::ml {

class TreeClassifierModel : public ClassifierModel {
public:
    TreeClassifierModel(FlatTree tree, Eigen::Index features, Eigen::VectorXd importances);

    std::string_view kind() const override { return "decision_tree_classifier"; }
    Eigen::Index featureCount() const override { return features_; }
    int classCount() const override { return tree_.outputs; }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::VectorXd> featureImportances() const override { return importances_; }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const FlatTree& tree() const { return tree_; }

private:
    FlatTree tree_;
    Eigen::Index features_;
    Eigen::VectorXd importances_;
};

class TreeRegressorModel : public Model {
public:
    TreeRegressorModel(FlatTree tree, Eigen::Index features, Eigen::VectorXd importances);

    std::string_view kind() const override { return "decision_tree_regressor"; }
    Task task() const override { return Task::Regression; }
    Eigen::Index featureCount() const override { return features_; }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::VectorXd> featureImportances() const override { return importances_; }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    const FlatTree& tree() const { return tree_; }

private:
    FlatTree tree_;
    Eigen::Index features_;
    Eigen::VectorXd importances_;
};

}  // namespace sluice::ml
