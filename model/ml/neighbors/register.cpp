// Registers the k-nearest-neighbour learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/neighbors/knn_classifier.h"
#include "ml/neighbors/knn_regressor.h"

namespace sluice::ml {

void registerNeighbors(MlRegistry& registry) {
    registry.addLearner("knn_classifier", KNeighborsClassifier::fromParams);
    registry.addLearner("knn_regressor", KNeighborsRegressor::fromParams);
    registry.addModel("knn_classifier", KNeighborsClassifierModel::fromJson);
    registry.addModel("knn_regressor", KNeighborsRegressorModel::fromJson);
}

}  // namespace sluice::ml
