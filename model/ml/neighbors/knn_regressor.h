// k-nearest-neighbour regression (kind "knn_regressor"): the prediction is
// the weighted mean of the k nearest training targets (uniform or
// 1 / distance weights, see knn_options.h). Prediction uses all cores and
// needs no FitContext.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "ml/neighbors/fitted_neighbors.h"

namespace sluice::ml {

struct KNeighborsRegressor : Learner, KNeighborsOptions {
    std::string_view kind() const override { return "knn_regressor"; }
    Task task() const override { return Task::Regression; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override { return toJson(); }
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

class KNeighborsRegressorModel : public Model {
public:
    explicit KNeighborsRegressorModel(FittedNeighbors fitted);

    std::string_view kind() const override { return "knn_regressor"; }
    Task task() const override { return Task::Regression; }
    Eigen::Index featureCount() const override { return fitted_.featureCount(); }
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

private:
    FittedNeighbors fitted_;
};

// How the registry, Train node and Python export know this learner.
LearnerSpec knnRegressorSpec();

}  // namespace sluice::ml
