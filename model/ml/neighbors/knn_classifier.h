// k-nearest-neighbour classification (kind "knn_classifier").
//
// fit() stores the training rows and builds the search index (see
// neighbor_search.h); predictProba gives each class the share of the k
// nearest neighbours' weight that belongs to it (uniform or 1 / distance,
// see knn_options.h); predict is the most probable class, the lowest index
// on a tie. Prediction uses all cores and needs no FitContext.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "ml/neighbors/fitted_neighbors.h"

namespace sluice::ml {

struct KNeighborsClassifier : Learner, KNeighborsOptions {
    std::string_view kind() const override { return "knn_classifier"; }
    Task task() const override { return Task::Classification; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override { return toJson(); }
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

class KNeighborsClassifierModel : public ClassifierModel {
public:
    KNeighborsClassifierModel(FittedNeighbors fitted, int classes);

    std::string_view kind() const override { return "knn_classifier"; }
    Eigen::Index featureCount() const override { return fitted_.featureCount(); }
    int classCount() const override { return classes_; }
    Eigen::MatrixXd predictProba(const Eigen::MatrixXd& X) const override;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

private:
    FittedNeighbors fitted_;
    int classes_;
};

// How the registry, Train node and Python export know this learner.
LearnerSpec knnClassifierSpec();

}  // namespace sluice::ml
