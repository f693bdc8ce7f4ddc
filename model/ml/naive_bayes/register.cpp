// Registers this family's learners and models with the MlRegistry.
#include "ml/core/registry.h"

namespace sluice::ml {

void registerNaiveBayes(MlRegistry& /*registry*/) {}

}  // namespace sluice::ml
