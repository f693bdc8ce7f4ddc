// Registers this family's learners and models with the MlRegistry.
#include "ml/core/registry.h"

namespace sluice::ml {

void registerNeuralNetworks(MlRegistry& /*registry*/) {}

}  // namespace sluice::ml
