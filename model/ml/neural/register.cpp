// Registers the neural-network learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/neural/mlp.h"

namespace sluice::ml {

void registerNeuralNetworks(MlRegistry& registry) {
    registry.add(mlpClassifierSpec());
    registry.add(mlpRegressorSpec());
}

}  // namespace sluice::ml
