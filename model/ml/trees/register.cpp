// Registers the tree learners and models with the MlRegistry: decision
// trees and random forests here, gradient boosting in gbt_register.cpp.
#include "ml/core/registry.h"
#include "ml/trees/cart_learners.h"
#include "ml/trees/cart_models.h"
#include "ml/trees/forest_learners.h"
#include "ml/trees/forest_models.h"
#include "ml/trees/gbt_register.h"

namespace sluice::ml {

void registerTrees(MlRegistry& registry) {
    registry.addLearner("decision_tree_classifier", DecisionTreeClassifier::fromParams);
    registry.addLearner("decision_tree_regressor", DecisionTreeRegressor::fromParams);
    registry.addModel("decision_tree_classifier", TreeClassifierModel::fromJson);
    registry.addModel("decision_tree_regressor", TreeRegressorModel::fromJson);
    registry.addLearner("random_forest_classifier", RandomForestClassifier::fromParams);
    registry.addLearner("random_forest_regressor", RandomForestRegressor::fromParams);
    registry.addModel("random_forest_classifier", ForestClassifierModel::fromJson);
    registry.addModel("random_forest_regressor", ForestRegressorModel::fromJson);
    registerGradientBoosting(registry);
}

}  // namespace sluice::ml
