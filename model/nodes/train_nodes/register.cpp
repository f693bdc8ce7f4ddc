// The Train family: one node ("train.<kind>") per learner of the ML
// registry whose LearnerSpec asks for one (PCA is a transform with its own
// node). A new learner gets its node by being registered (ml/core/registry.h).
#include "ml/core/registry.h"
#include "nodes/node_registry.h"
#include "nodes/train_nodes/train_node.h"

namespace sluice {

void registerTrainNodes(NodeRegistry& registry) {
    const auto& learners = ml::MlRegistry::instance();
    for (const auto& kind : learners.learnerKinds())
        if (learners.spec(kind)->hasTrainNode)
            registry.add(std::make_unique<TrainNode>(kind));
}

}  // namespace sluice
