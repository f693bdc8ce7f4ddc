// Registers the tree learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/trees/gbt_register.h"

namespace sluice::ml {

void registerTrees(MlRegistry& registry) {
    registerGradientBoosting(registry);
}

}  // namespace sluice::ml
