// Registers the Output node types with the NodeRegistry.
#include "nodes/node_registry.h"
#include "nodes/output_nodes/output_nodes.h"

namespace sluice {

void registerOutputNodes(NodeRegistry& registry) {
    registry.add(std::make_unique<SaveModelNode>());
    registry.add(std::make_unique<WritePredictionsNode>());
}

}  // namespace sluice
