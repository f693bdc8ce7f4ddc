#include "ml/linear/logistic_model.h"

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"

namespace sluice::ml {

LogisticModel::LogisticModel(int classCount, std::vector<int> classes, Eigen::MatrixXd coef,
                             Eigen::VectorXd intercept)
    : classCount_(classCount),
      classes_(std::move(classes)),
      coef_(std::move(coef)),
      intercept_(std::move(intercept)) {
    const auto outputs = static_cast<Eigen::Index>(classes_.size() == 2 ? 1 : classes_.size());
    if (classes_.size() < 2 || coef_.rows() != outputs || intercept_.size() != outputs)
        throw MisuseError("logistic_regression: inconsistent model (" +
                          std::to_string(classes_.size()) + " classes, " +
                          std::to_string(coef_.rows()) + " coefficient rows, " +
                          std::to_string(intercept_.size()) + " intercepts)");
    for (int c : classes_)
        if (c < 0 || c >= classCount_)
            throw MisuseError("logistic_regression: class " + std::to_string(c) +
                              " is outside 0.." + std::to_string(classCount_ - 1));
}

Eigen::MatrixXd LogisticModel::predictProba(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    Eigen::MatrixXd z = X * coef_.transpose();
    z.rowwise() += intercept_.transpose();
    Eigen::MatrixXd proba = Eigen::MatrixXd::Zero(X.rows(), classCount_);
    if (classes_.size() == 2) {
        // 1 / (1 + e^-z) without overflow on either side.
        const Eigen::ArrayXd e = (-z.col(0).array().abs()).exp();
        const Eigen::ArrayXd p1 = (z.col(0).array() >= 0.0).select(1.0 / (1.0 + e), e / (1.0 + e));
        proba.col(classes_[1]) = p1.matrix();
        proba.col(classes_[0]) = (1.0 - p1).matrix();
        return proba;
    }
    z.colwise() -= z.rowwise().maxCoeff();
    z = z.array().exp().matrix();
    const Eigen::VectorXd sums = z.rowwise().sum();
    for (std::size_t k = 0; k < classes_.size(); ++k)
        proba.col(classes_[k]) = z.col(static_cast<Eigen::Index>(k)).array() / sums.array();
    return proba;
}

nlohmann::json LogisticModel::toJson() const {
    return {{"kind", kind()},
            {"class_count", classCount_},
            {"classes", classes_},
            {"coef", ml::toJson(coef_)},
            {"intercept", ml::toJson(intercept_)},
            {"status", status.toJson()}};
}

std::unique_ptr<Model> LogisticModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<LogisticModel>(
        integerFromJson<int>(requireField(j, "class_count"), "class_count"),
        integersFromJson<int>(requireField(j, "classes"), "classes"),
        matrixFromJson(requireField(j, "coef"), "coef"),
        vectorFromJson(requireField(j, "intercept"), "intercept"));
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

}  // namespace sluice::ml
