#include "ml/decomposition/pca.h"

#include <Eigen/SVD>
#include <algorithm>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"

namespace sluice::ml {

std::unique_ptr<Model> PCA::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                const FitContext& context) const {
    checkFitInput(kind(), X, y, false);
    const Eigen::Index most = std::min(X.rows(), X.cols());
    if (X.rows() < 2)
        throw MisuseError("pca: needs at least two rows to measure variance");
    if (nComponents < 0 || nComponents > most)
        throw MisuseError("pca: n_components must be between 1 and " + std::to_string(most) +
                          " (the smaller of rows and features), or 0 for all");
    context.throwIfCancelled();
    const Eigen::Index keep = nComponents == 0 ? most : nComponents;
    const Eigen::RowVectorXd mean = X.colwise().mean();
    const Eigen::MatrixXd centered = X.rowwise() - mean;
    Eigen::BDCSVD<Eigen::MatrixXd> svd(centered, Eigen::ComputeThinV);
    const Eigen::VectorXd variance =
        svd.singularValues().array().square() / static_cast<double>(X.rows() - 1);
    const double total = variance.sum();
    Eigen::MatrixXd components = svd.matrixV().leftCols(keep).transpose();
    for (Eigen::Index c = 0; c < keep; ++c) {
        Eigen::Index top;
        components.row(c).cwiseAbs().maxCoeff(&top);
        if (components(c, top) < 0)
            components.row(c) *= -1.0;
    }
    // All-constant data has no variance to share out: ratios of 0, not NaN.
    const Eigen::VectorXd ratio =
        total > 0.0 ? Eigen::VectorXd(variance.head(keep) / total) : Eigen::VectorXd::Zero(keep);
    auto model =
        std::make_unique<PCAModel>(std::move(components), variance.head(keep), ratio, mean, whiten);
    model->status.iterations = 1;
    context.progress(1.0);
    return model;
}

nlohmann::json PCA::params() const {
    return {{"n_components", nComponents}, {"whiten", whiten}};
}

std::unique_ptr<Learner> PCA::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<PCA>();
    // scikit-learn's None (all components) arrives as null.
    if (p.contains("n_components") && !p["n_components"].is_null())
        l->nComponents = p["n_components"].get<int>();
    l->whiten = p.value("whiten", l->whiten);
    return l;
}

PCAModel::PCAModel(Eigen::MatrixXd components, Eigen::VectorXd explainedVariance,
                   Eigen::VectorXd explainedVarianceRatio, Eigen::RowVectorXd mean, bool whiten)
    : components_(std::move(components)),
      explainedVariance_(std::move(explainedVariance)),
      explainedVarianceRatio_(std::move(explainedVarianceRatio)),
      mean_(std::move(mean)),
      whiten_(whiten) {}

Eigen::VectorXd PCAModel::predict(const Eigen::MatrixXd&) const {
    throw MisuseError("pca transforms data and does not predict; call transform() for the scores");
}

Eigen::MatrixXd PCAModel::transform(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    Eigen::MatrixXd scores = (X.rowwise() - mean_) * components_.transpose();
    if (whiten_)
        scores.array().rowwise() /= explainedVariance_.transpose().array().sqrt();
    return scores;
}

nlohmann::json PCAModel::toJson() const {
    return {{"kind", kind()},
            {"components", ml::toJson(components_)},
            {"explained_variance", ml::toJson(explainedVariance_)},
            {"explained_variance_ratio", ml::toJson(explainedVarianceRatio_)},
            {"mean", ml::toJson(Eigen::VectorXd(mean_.transpose()))},
            {"whiten", whiten_},
            {"status", status.toJson()}};
}

std::unique_ptr<Model> PCAModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<PCAModel>(
        matrixFromJson(requireField(j, "components"), "components"),
        vectorFromJson(requireField(j, "explained_variance"), "explained_variance"),
        vectorFromJson(requireField(j, "explained_variance_ratio"), "explained_variance_ratio"),
        vectorFromJson(requireField(j, "mean"), "mean").transpose(),
        requireField(j, "whiten").get<bool>());
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

LearnerSpec pcaSpec() {
    return {
        .kind = "pca",
        .displayName = "PCA",
        .description = "Principal component analysis: the directions of largest variance.",
        .make = PCA::fromParams,
        .loadModel = PCAModel::fromJson,
        .hyperparameters = {{"n_components", "Components", "How many components to keep; 0 = all.",
                             0.0},
                            {"whiten", "Whiten", "Scale components to unit variance."}},
        .hasTrainNode = false,
        .cancelsMidFit = false,  // one closed-form step
    };
}

}  // namespace sluice::ml
