// Registers the clustering learners and models with the MlRegistry.
#include "ml/cluster/kmeans.h"
#include "ml/core/registry.h"

namespace sluice::ml {

void registerClustering(MlRegistry& registry) {
    registry.add(kmeansSpec());
}

}  // namespace sluice::ml
