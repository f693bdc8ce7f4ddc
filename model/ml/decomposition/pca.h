// Principal component analysis (kind "pca"), as scikit-learn's PCA with the
// full SVD solver.
//
// fit() centres X and takes its SVD (Eigen::BDCSVD): the components are the
// first n_components right singular vectors, each with its sign chosen so
// that its largest |value| is positive (scikit-learn >= 1.5's svd_flip on
// the components; 1.2 decided on U, so a component may come out negated
// there); explained_variance = s^2 / (n - 1); explained_variance_ratio
// divides by the total variance (sum over all components).
// Parameters: n_components (0 = all, min(rows, features)), whiten (false:
// when true, transform divides each score by sqrt(explained_variance)).
//
// PCA is a transform (Task::Transform): call transform(X) for the scores.
// predict() throws MisuseError saying so; y is ignored.
#pragma once

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

namespace sluice::ml {

struct PCA : Learner {
    int nComponents = 0;
    bool whiten = false;

    std::string_view kind() const override { return "pca"; }
    Task task() const override { return Task::Transform; }
    std::unique_ptr<Model> fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const FitContext& context = {}) const override;
    nlohmann::json params() const override;
    static std::unique_ptr<Learner> fromParams(const nlohmann::json& p);
};

class PCAModel : public Model {
public:
    PCAModel(Eigen::MatrixXd components, Eigen::VectorXd explainedVariance,
             Eigen::VectorXd explainedVarianceRatio, Eigen::RowVectorXd mean, bool whiten);

    std::string_view kind() const override { return "pca"; }
    Task task() const override { return Task::Transform; }
    Eigen::Index featureCount() const override { return mean_.size(); }
    // Throws MisuseError: PCA transforms, it does not predict.
    Eigen::VectorXd predict(const Eigen::MatrixXd& X) const override;
    // n x n_components scores: (X - mean) components^T (whitened if asked).
    Eigen::MatrixXd transform(const Eigen::MatrixXd& X) const override;
    nlohmann::json toJson() const override;
    static std::unique_ptr<Model> fromJson(const nlohmann::json& j);

    // n_components x features, rows of unit length, by decreasing variance.
    const Eigen::MatrixXd& components() const { return components_; }
    const Eigen::VectorXd& explainedVariance() const { return explainedVariance_; }
    const Eigen::VectorXd& explainedVarianceRatio() const { return explainedVarianceRatio_; }
    const Eigen::RowVectorXd& mean() const { return mean_; }

private:
    Eigen::MatrixXd components_;
    Eigen::VectorXd explainedVariance_, explainedVarianceRatio_;
    Eigen::RowVectorXd mean_;
    bool whiten_;
};

// How the registry knows PCA (it has its own transform node, not a Train node).
LearnerSpec pcaSpec();

}  // namespace sluice::ml
