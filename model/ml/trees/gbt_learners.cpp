#include "ml/trees/gbt_learners.h"

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

}  // namespace sluice::ml
