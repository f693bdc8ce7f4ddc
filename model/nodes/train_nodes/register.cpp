// Registers one Train node per learner of the ML registry (PCA is a
// transform and has its own node).
#include "ml/core/registry.h"
#include "nodes/node_registry.h"
#include "nodes/train_nodes/train_node.h"

namespace sluice {

void registerTrainNodes(NodeRegistry& registry) {
    for (const auto& kind : ml::MlRegistry::instance().learnerKinds()) {
        if (kind == "pca")
            continue;
        registry.add(std::make_unique<TrainNode>(kind));
    }
}

}  // namespace sluice
