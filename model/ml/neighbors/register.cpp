// Registers this family's learners and models with the MlRegistry.
#include "ml/core/registry.h"

namespace sluice::ml {

void registerNeighbors(MlRegistry& /*registry*/) {}

}  // namespace sluice::ml
