#include "ml/trees/gbt_models.h"

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"

namespace sluice::ml {
namespace {

nlohmann::json commonJson(const Model& m, const GbtEnsemble& e, const Eigen::VectorXd& imp) {
    nlohmann::json j = e.toJson();
    j["kind"] = m.kind();
    j["status"] = m.status.toJson();
    j["features"] = m.featureCount();
    j["feature_importances"] = ml::toJson(imp);
    return j;
}

Eigen::Index featuresOf(const nlohmann::json& j) {
    const auto f = integerFromJson<Eigen::Index>(requireField(j, "features"), "features");
    if (f < 1)
        throw MisuseError("model file: 'features' must be 1 or more");
    return f;
}

}  // namespace

GradientBoostingRegressorModel::GradientBoostingRegressorModel(GbtEnsemble ensemble,
                                                               Eigen::Index features,
                                                               Eigen::VectorXd importances)
    : ensemble_(std::move(ensemble)), features_(features), importances_(std::move(importances)) {}

Eigen::VectorXd GradientBoostingRegressorModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, features_);
    return ensemble_.rawPredict(X).col(0);
}

nlohmann::json GradientBoostingRegressorModel::toJson() const {
    nlohmann::json j = commonJson(*this, ensemble_, importances_);
    j["loss"] = "squared_error";
    return j;
}

std::unique_ptr<Model> GradientBoostingRegressorModel::fromJson(const nlohmann::json& j) {
    const Eigen::Index features = featuresOf(j);
    GbtEnsemble e = GbtEnsemble::fromJson(j, features);
    if (e.outputs() != 1)
        throw MisuseError("model file: a gradient-boosting regressor has one output");
    auto m = std::make_unique<GradientBoostingRegressorModel>(
        std::move(e), features,
        vectorFromJson(requireField(j, "feature_importances"), "feature_importances"));
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

GradientBoostingClassifierModel::GradientBoostingClassifierModel(GbtEnsemble ensemble, int classes,
                                                                 Eigen::Index features,
                                                                 Eigen::VectorXd importances)
    : ensemble_(std::move(ensemble)),
      classes_(classes),
      features_(features),
      importances_(std::move(importances)) {}

Eigen::MatrixXd GradientBoostingClassifierModel::predictProba(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, features_);
    return lossProbabilities(loss(), ensemble_.rawPredict(X));
}

nlohmann::json GradientBoostingClassifierModel::toJson() const {
    nlohmann::json j = commonJson(*this, ensemble_, importances_);
    j["classes"] = classes_;
    j["loss"] = classes_ == 2 ? "log_loss_binary" : "log_loss_multinomial";
    return j;
}

std::unique_ptr<Model> GradientBoostingClassifierModel::fromJson(const nlohmann::json& j) {
    const Eigen::Index features = featuresOf(j);
    const int classes = integerFromJson<int>(requireField(j, "classes"), "classes");
    if (classes < 2)
        throw MisuseError("model file: a classifier needs 2 or more classes");
    GbtEnsemble e = GbtEnsemble::fromJson(j, features);
    if (e.outputs() != (classes == 2 ? 1 : classes))
        throw MisuseError("model file: the baseline does not match the class count");
    auto m = std::make_unique<GradientBoostingClassifierModel>(
        std::move(e), classes, features,
        vectorFromJson(requireField(j, "feature_importances"), "feature_importances"));
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

}  // namespace sluice::ml
