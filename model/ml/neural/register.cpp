// Registers the neural-network learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/neural/mlp.h"

namespace sluice::ml {

void registerNeuralNetworks(MlRegistry& registry) {
    registry.addLearner("mlp_classifier", MLPClassifier::fromParams);
    registry.addLearner("mlp_regressor", MLPRegressor::fromParams);
    registry.addModel("mlp_classifier", MlpClassifierModel::fromJson);
    registry.addModel("mlp_regressor", MlpRegressorModel::fromJson);
}

}  // namespace sluice::ml
