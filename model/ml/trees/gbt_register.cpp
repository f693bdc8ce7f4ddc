// Registers the gradient-boosting learners and models with the MlRegistry.
#include "ml/trees/gbt_register.h"

#include "ml/trees/gbt_learners.h"
#include "ml/trees/gbt_models.h"

namespace sluice::ml {

void registerGradientBoosting(MlRegistry& registry) {
    registry.addLearner("gradient_boosting_regressor", GradientBoostingRegressor::fromParams);
    registry.addLearner("gradient_boosting_classifier", GradientBoostingClassifier::fromParams);
    registry.addModel("gradient_boosting_regressor", GradientBoostingRegressorModel::fromJson);
    registry.addModel("gradient_boosting_classifier", GradientBoostingClassifierModel::fromJson);
}

}  // namespace sluice::ml
