#include "ml/trees/gbt_learners.h"

#include "ml/core/common_hyperparameters.h"
#include "ml/core/validation.h"
#include "ml/trees/gbt_booster.h"
#include "ml/trees/gbt_models.h"

namespace sluice::ml {

std::unique_ptr<Model> GradientBoostingRegressor::fit(const Eigen::MatrixXd& X,
                                                      const Eigen::VectorXd& y,
                                                      const FitContext& context) const {
    checkFitInput(kind(), X, y);
    GbtFit f = boostTrees(kind(), X, y, GbtLoss::SquaredError, 0, *this, context);
    auto model = std::make_unique<GradientBoostingRegressorModel>(std::move(f.ensemble), X.cols(),
                                                                  std::move(f.importances));
    model->status = std::move(f.status);
    return model;
}

std::unique_ptr<Learner> GradientBoostingRegressor::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<GradientBoostingRegressor>();
    static_cast<GbtParams&>(*l) = GbtParams::fromJson(p);
    return l;
}

std::unique_ptr<Model> GradientBoostingClassifier::fit(const Eigen::MatrixXd& X,
                                                       const Eigen::VectorXd& y,
                                                       const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classes = checkClassTargets(kind(), y);
    const GbtLoss loss = classes == 2 ? GbtLoss::BinaryLogLoss : GbtLoss::MultinomialLogLoss;
    GbtFit f = boostTrees(kind(), X, y, loss, classes, *this, context);
    auto model = std::make_unique<GradientBoostingClassifierModel>(
        std::move(f.ensemble), classes, X.cols(), std::move(f.importances));
    model->status = std::move(f.status);
    return model;
}

std::unique_ptr<Learner> GradientBoostingClassifier::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<GradientBoostingClassifier>();
    static_cast<GbtParams&>(*l) = GbtParams::fromJson(p);
    return l;
}

namespace {

SklearnCounterpart sklearnBoosting(const char* className) {
    return {"sklearn.ensemble",
            className,
            {},
            {hyper::kSeedNote, "Histograms are binned by each library's own quantile rule."}};
}

}  // namespace

LearnerSpec gradientBoostingClassifierSpec() {
    return {
        .kind = "gradient_boosting_classifier",
        .displayName = "Gradient boosting classifier",
        .description = "Histogram gradient-boosted trees; loss per round.",
        .make = GradientBoostingClassifier::fromParams,
        .loadModel = GradientBoostingClassifierModel::fromJson,
        .hyperparameters = gbtHyperparameters(),
        .sklearn = sklearnBoosting("HistGradientBoostingClassifier"),
        .quickParams = {{"max_iter", 15}},
    };
}

LearnerSpec gradientBoostingRegressorSpec() {
    return {
        .kind = "gradient_boosting_regressor",
        .displayName = "Gradient boosting regressor",
        .description = "Histogram gradient-boosted trees; loss per round.",
        .make = GradientBoostingRegressor::fromParams,
        .loadModel = GradientBoostingRegressorModel::fromJson,
        .hyperparameters = gbtHyperparameters(),
        .sklearn = sklearnBoosting("HistGradientBoostingRegressor"),
        .quickParams = {{"max_iter", 15}},
    };
}

}  // namespace sluice::ml
