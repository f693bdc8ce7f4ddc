// Registers this family's node types with the NodeRegistry.
#include "nodes/data_nodes/data_nodes.h"
#include "nodes/node_registry.h"

namespace sluice {

void registerDataNodes(NodeRegistry& registry) {
    registry.add(makeReadCsvNode());
    registry.add(makeExampleDatasetNode());
    registry.add(makeSyntheticNode());
    registry.add(makeWriteCsvNode());
}

}  // namespace sluice
