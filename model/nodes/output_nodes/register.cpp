// The Output family's node types, in the order the node library lists
// them. Each node type is one file defining its make...Node() factory;
// adding one to the family is one line in this list.
#include "nodes/node_registry.h"

#define SLUICE_OUTPUT_NODES(NODE) \
    NODE(makeSaveModelNode)       \
    NODE(makeWritePredictionsNode)

namespace sluice {

SLUICE_OUTPUT_NODES(SLUICE_DECLARE_NODE)

void registerOutputNodes(NodeRegistry& registry) {
    SLUICE_OUTPUT_NODES(SLUICE_ADD_NODE)
}

}  // namespace sluice
