// The Data family's node types, in the order the node library lists
// them. Each node type is one file defining its make...Node() factory;
// adding one to the family is one line in this list.
#include "nodes/node_registry.h"

#define SLUICE_DATA_NODES(NODE)  \
    NODE(makeReadCsvNode)        \
    NODE(makeExampleDatasetNode) \
    NODE(makeSyntheticNode)      \
    NODE(makeWriteCsvNode)

namespace sluice {

SLUICE_DATA_NODES(SLUICE_DECLARE_NODE)

void registerDataNodes(NodeRegistry& registry) {
    SLUICE_DATA_NODES(SLUICE_ADD_NODE)
}

}  // namespace sluice
