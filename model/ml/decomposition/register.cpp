// Registers the decomposition learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/decomposition/pca.h"

namespace sluice::ml {

void registerDecomposition(MlRegistry& registry) {
    registry.add(pcaSpec());
}

}  // namespace sluice::ml
