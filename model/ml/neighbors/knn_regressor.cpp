#include "ml/neighbors/knn_regressor.h"

#include "ml/core/validation.h"

namespace sluice::ml {

std::unique_ptr<Model> KNeighborsRegressor::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                                const FitContext& context) const {
    checkFitInput(kind(), X, y);
    check(kind(), X.rows());
    context.throwIfCancelled();
    auto model = std::make_unique<KNeighborsRegressorModel>(
        FittedNeighbors(static_cast<const KNeighborsOptions&>(*this), X, y));
    model->status.iterations = 1;
    context.progress(1.0);
    return model;
}

std::unique_ptr<Learner> KNeighborsRegressor::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<KNeighborsRegressor>();
    static_cast<KNeighborsOptions&>(*l) = KNeighborsOptions::fromJson(p);
    return l;
}

KNeighborsRegressorModel::KNeighborsRegressorModel(FittedNeighbors fitted)
    : fitted_(std::move(fitted)) {}

Eigen::VectorXd KNeighborsRegressorModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    const auto votes = fitted_.vote(X);
    const Eigen::VectorXd& y = fitted_.targets();
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        double sum = 0.0, weight = 0.0;
        for (Eigen::Index c = 0; c < votes.weight.cols(); ++c) {
            sum += votes.weight(i, c) * y(votes.neighbors.index(i, c));
            weight += votes.weight(i, c);
        }
        out(i) = sum / weight;
    }
    return out;
}

nlohmann::json KNeighborsRegressorModel::toJson() const {
    nlohmann::json j = {{"kind", kind()}, {"status", status.toJson()}};
    fitted_.addToJson(j);
    return j;
}

std::unique_ptr<Model> KNeighborsRegressorModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<KNeighborsRegressorModel>(FittedNeighbors::fromJson(j));
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

LearnerSpec knnRegressorSpec() {
    return {
        .kind = "knn_regressor",
        .displayName = "k-NN regressor",
        .description = "Predicts the mean target of the nearest training rows.",
        .make = KNeighborsRegressor::fromParams,
        .loadModel = KNeighborsRegressorModel::fromJson,
        .hyperparameters = knnHyperparameters(),
        .sklearn = SklearnCounterpart{"sklearn.neighbors", "KNeighborsRegressor"},
        .cancelsMidFit = false,  // fitting stores the rows (and a KD-tree)
    };
}

}  // namespace sluice::ml
