#include "ml/linear/linear_model.h"

#include "ml/core/eigen_json.h"
#include "ml/core/validation.h"

namespace sluice::ml {

LinearModel::LinearModel(std::string kind, Eigen::VectorXd coef, double intercept)
    : kind_(std::move(kind)), coef_(std::move(coef)), intercept_(intercept) {}

Eigen::VectorXd LinearModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind_, X, featureCount());
    return (X * coef_).array() + intercept_;
}

nlohmann::json LinearModel::toJson() const {
    return {{"kind", kind_},
            {"coef", ml::toJson(coef_)},
            {"intercept", intercept_},
            {"status", status.toJson()}};
}

std::unique_ptr<Model> LinearModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<LinearModel>(requireField(j, "kind").get<std::string>(),
                                           vectorFromJson(requireField(j, "coef"), "coef"),
                                           requireField(j, "intercept").get<double>());
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

Centered centerData(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, bool fitIntercept) {
    Centered c;
    if (fitIntercept) {
        c.xMean = X.colwise().mean();
        c.yMean = y.size() ? y.mean() : 0.0;
        c.X = X.rowwise() - c.xMean;
        c.y = y.array() - c.yMean;
    } else {
        c.xMean = Eigen::RowVectorXd::Zero(X.cols());
        c.X = X;
        c.y = y;
    }
    return c;
}

Hyperparameter fitInterceptHyperparameter() {
    return {"fit_intercept", "Fit intercept",
            "Learn a constant term; off forces the fit through the origin."};
}

}  // namespace sluice::ml
