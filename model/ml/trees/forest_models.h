// The fitted random forests: the trees, the feature count, the
// importances (see forest_trainer.h) and the out-of-bag score.
//
// ForestClassifierModel ("random_forest_classifier"): predictProba is the
// mean over the trees of their leaves' class fractions; predict its most
// probable class. ForestRegressorModel ("random_forest_regressor"): predict
// is the mean of the trees' leaf values. Trees are summed in their order,
// so results are the same on any machine; prediction splits the rows into
// blocks spread over the cores.
#pragma once

#include <limits>
#include <vector>

#include "ml/core/model.h"
#include "ml/trees/cart_tree.h"

namespace sluice::ml {

struct ForestParts {
    std::vector<FlatTree> trees;
    Eigen::Index features = 0;
    Eigen::VectorXd importances;
    double oobScore = std::numeric_limits<double>::quiet_NaN();  // NaN: not computed
};

class ForestClassifierModel : public ClassifierModel {
public:
    explicit ForestClassifierModel(ForestParts parts);

    std::string_view kind() const override { return "random_forest_classifier"; }
    Eigen::Index featureCount() const override { return parts_.features; }
    int classCount() const override { return parts_.trees.front().outputs; }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::VectorXd> featureImportances() const override {
        return parts_.importances;
    }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    // Out-of-bag accuracy; NaN when the forest was trained without it.
    double oobScore() const { return parts_.oobScore; }
    const std::vector<FlatTree>& trees() const { return parts_.trees; }

private:
    ForestParts parts_;
};

class ForestRegressorModel : public Model {
public:
    explicit ForestRegressorModel(ForestParts parts);

    std::string_view kind() const override { return "random_forest_regressor"; }
    Task task() const override { return Task::Regression; }
    Eigen::Index featureCount() const override { return parts_.features; }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    std::optional<Eigen::VectorXd> featureImportances() const override {
        return parts_.importances;
    }
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    // Out-of-bag R^2; NaN when the forest was trained without it.
    double oobScore() const { return parts_.oobScore; }
    const std::vector<FlatTree>& trees() const { return parts_.trees; }

private:
    ForestParts parts_;
};

}  // namespace sluice::ml
