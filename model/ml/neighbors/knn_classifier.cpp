#include "ml/neighbors/knn_classifier.h"

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"

namespace sluice::ml {

std::unique_ptr<Model> KNeighborsClassifier::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                                 const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classes = checkClassTargets(kind(), y);
    check(kind(), X.rows());
    context.throwIfCancelled();
    auto model = std::make_unique<KNeighborsClassifierModel>(
        FittedNeighbors(static_cast<const KNeighborsOptions&>(*this), X, y), classes);
    model->status.iterations = 1;
    context.progress(1.0);
    return model;
}

std::unique_ptr<Learner> KNeighborsClassifier::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<KNeighborsClassifier>();
    static_cast<KNeighborsOptions&>(*l) = KNeighborsOptions::fromJson(p);
    return l;
}

KNeighborsClassifierModel::KNeighborsClassifierModel(FittedNeighbors fitted, int classes)
    : fitted_(std::move(fitted)), classes_(classes) {}

Eigen::MatrixXd KNeighborsClassifierModel::predictProba(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    const auto votes = fitted_.vote(X);
    const Eigen::VectorXd& y = fitted_.targets();
    Eigen::MatrixXd proba = Eigen::MatrixXd::Zero(X.rows(), classes_);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        for (Eigen::Index c = 0; c < votes.weight.cols(); ++c)
            proba(i, static_cast<Eigen::Index>(y(votes.neighbors.index(i, c)))) +=
                votes.weight(i, c);
        proba.row(i) /= proba.row(i).sum();
    }
    return proba;
}

nlohmann::json KNeighborsClassifierModel::toJson() const {
    nlohmann::json j = {{"kind", kind()}, {"classes", classes_}, {"status", status.toJson()}};
    fitted_.addToJson(j);
    return j;
}

std::unique_ptr<Model> KNeighborsClassifierModel::fromJson(const nlohmann::json& j) {
    FittedNeighbors fitted = FittedNeighbors::fromJson(j);
    const int classes = integerFromJson<int>(requireField(j, "classes"), "classes");
    // predictProba indexes its columns by the training targets.
    for (const double c : fitted.targets())
        if (!(c >= 0 && c < classes) || c != static_cast<double>(static_cast<int>(c)))
            throw MisuseError("model file: training target " + std::to_string(c) +
                              " is not a class index below " + std::to_string(classes));
    auto m = std::make_unique<KNeighborsClassifierModel>(std::move(fitted), classes);
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

LearnerSpec knnClassifierSpec() {
    return {
        .kind = "knn_classifier",
        .displayName = "k-NN classifier",
        .description = "Classifies by the majority of the nearest training rows.",
        .make = KNeighborsClassifier::fromParams,
        .loadModel = KNeighborsClassifierModel::fromJson,
        .hyperparameters = knnHyperparameters(),
        .sklearn = SklearnCounterpart{"sklearn.neighbors", "KNeighborsClassifier"},
        .cancelsMidFit = false,  // fitting stores the rows (and a KD-tree)
    };
}

}  // namespace sluice::ml
