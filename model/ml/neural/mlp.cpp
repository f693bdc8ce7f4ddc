#include "ml/neural/mlp.h"

#include "ml/core/common_hyperparameters.h"
#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "ml/neural/mlp_trainer.h"

namespace sluice::ml {

std::unique_ptr<Model> MLPClassifier::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                          const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classes = checkClassTargets(kind(), y);
    check(kind());
    // Two classes: one logistic unit, as scikit-learn (half the output weights).
    const bool binary = classes == 2;
    auto trained =
        trainNetwork(kind(), *this, X, y, binary ? OutputKind::Logistic : OutputKind::Softmax,
                     binary ? 1 : classes, context);
    auto model = std::make_unique<MlpClassifierModel>(std::move(trained.network), classes);
    model->status = std::move(trained.status);
    return model;
}

std::unique_ptr<Learner> MLPClassifier::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<MLPClassifier>();
    static_cast<MlpOptions&>(*l) = MlpOptions::fromJson(l->kind(), p);
    return l;
}

std::unique_ptr<Model> MLPRegressor::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                         const FitContext& context) const {
    checkFitInput(kind(), X, y);
    check(kind());
    auto trained = trainNetwork(kind(), *this, X, y, OutputKind::Identity, 1, context);
    auto model = std::make_unique<MlpRegressorModel>(std::move(trained.network));
    model->status = std::move(trained.status);
    return model;
}

std::unique_ptr<Learner> MLPRegressor::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<MLPRegressor>();
    static_cast<MlpOptions&>(*l) = MlpOptions::fromJson(l->kind(), p);
    return l;
}

MlpClassifierModel::MlpClassifierModel(Network network, int classes)
    : network_(std::move(network)), classes_(classes) {}

Eigen::MatrixXd MlpClassifierModel::predictProba(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    Eigen::MatrixXd out = network_.forward(X);
    if (network_.output != OutputKind::Logistic)
        return out;
    Eigen::MatrixXd proba(out.rows(), 2);
    proba.col(0) = 1.0 - out.col(0).array();
    proba.col(1) = out.col(0);
    return proba;
}

nlohmann::json MlpClassifierModel::toJson() const {
    return {{"kind", kind()},
            {"classes", classes_},
            {"network", network_.toJson()},
            {"status", status.toJson()}};
}

std::unique_ptr<Model> MlpClassifierModel::fromJson(const nlohmann::json& j) {
    Network net = Network::fromJson(requireField(j, "network"));
    const int classes = integerFromJson<int>(requireField(j, "classes"), "classes");
    const bool consistent = net.output == OutputKind::Logistic
                                ? classes == 2 && net.outputCount() == 1
                                : net.output == OutputKind::Softmax && net.outputCount() == classes;
    if (!consistent)
        throw MisuseError("model file: the classifier's output layer does not match its " +
                          std::to_string(classes) + " classes");
    auto m = std::make_unique<MlpClassifierModel>(std::move(net), classes);
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

MlpRegressorModel::MlpRegressorModel(Network network) : network_(std::move(network)) {}

Eigen::VectorXd MlpRegressorModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    return network_.forward(X).col(0);
}

nlohmann::json MlpRegressorModel::toJson() const {
    return {{"kind", kind()}, {"network", network_.toJson()}, {"status", status.toJson()}};
}

std::unique_ptr<Model> MlpRegressorModel::fromJson(const nlohmann::json& j) {
    Network net = Network::fromJson(requireField(j, "network"));
    if (net.output != OutputKind::Identity || net.outputCount() != 1)
        throw MisuseError("model file: a regressor's network must end in one identity unit");
    auto m = std::make_unique<MlpRegressorModel>(std::move(net));
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

namespace {

SklearnCounterpart sklearnMlp(const char* className) {
    return {"sklearn.neural_network", className, {"solver=\"adam\""}, {hyper::kSeedNote}};
}

const nlohmann::json kQuickMlp = {
    {"max_iter", 200}, {"hidden_layer_sizes", {16}}, {"learning_rate_init", 0.01}};

}  // namespace

LearnerSpec mlpClassifierSpec() {
    return {
        .kind = "mlp_classifier",
        .displayName = "Neural network classifier",
        .description = "Multilayer perceptron trained with Adam; loss per epoch.",
        .make = MLPClassifier::fromParams,
        .loadModel = MlpClassifierModel::fromJson,
        .hyperparameters = mlpHyperparameters(),
        .sklearn = sklearnMlp("MLPClassifier"),
        .quickParams = kQuickMlp,
    };
}

LearnerSpec mlpRegressorSpec() {
    return {
        .kind = "mlp_regressor",
        .displayName = "Neural network regressor",
        .description = "Multilayer perceptron trained with Adam; loss per epoch.",
        .make = MLPRegressor::fromParams,
        .loadModel = MlpRegressorModel::fromJson,
        .hyperparameters = mlpHyperparameters(),
        .sklearn = sklearnMlp("MLPRegressor"),
        .quickParams = kQuickMlp,
    };
}

}  // namespace sluice::ml
