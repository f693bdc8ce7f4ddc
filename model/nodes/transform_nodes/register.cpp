// Registers this family's node types with the NodeRegistry.
#include "nodes/node_registry.h"
#include "nodes/transform_nodes/transform_nodes.h"

namespace sluice {

void registerTransformNodes(NodeRegistry& registry) {
    registry.add(makeSelectColumnsNode());
    registry.add(makeFilterRowsNode());
    registry.add(makeImputeNode());
    registry.add(makeScaleNode());
    registry.add(makeOneHotNode());
    registry.add(makeTrainTestSplitNode());
    registry.add(makePcaNode());
}

}  // namespace sluice
