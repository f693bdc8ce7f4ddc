// Registers the k-nearest-neighbour learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/neighbors/knn_classifier.h"
#include "ml/neighbors/knn_regressor.h"

namespace sluice::ml {

void registerNeighbors(MlRegistry& registry) {
    registry.add(knnClassifierSpec());
    registry.add(knnRegressorSpec());
}

}  // namespace sluice::ml
