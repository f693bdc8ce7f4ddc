// The Transform family's node types, in the order the node library lists
// them. Each node type is one file defining its make...Node() factory;
// adding one to the family is one line in this list.
#include "nodes/node_registry.h"

#define SLUICE_TRANSFORM_NODES(NODE) \
    NODE(makeSelectColumnsNode)      \
    NODE(makeEditColumnsNode)        \
    NODE(makeFilterRowsNode)         \
    NODE(makeSelectRowsNode)         \
    NODE(makeSortRowsNode)           \
    NODE(makeJoinNode)               \
    NODE(makeConcatenateNode)        \
    NODE(makeRemoveDuplicatesNode)   \
    NODE(makeGroupByNode)            \
    NODE(makePivotNode)              \
    NODE(makeUnpivotNode)            \
    NODE(makeFormulaNode)            \
    NODE(makeDatePartsNode)          \
    NODE(makeSampleNode)             \
    NODE(makeImputeNode)             \
    NODE(makeScaleNode)              \
    NODE(makeOneHotNode)             \
    NODE(makeDiscretizeNode)         \
    NODE(makeTextFeaturesNode)       \
    NODE(makeSelectFeaturesNode)     \
    NODE(makeTrainTestSplitNode)     \
    NODE(makePcaNode)

namespace sluice {

SLUICE_TRANSFORM_NODES(SLUICE_DECLARE_NODE)

void registerTransformNodes(NodeRegistry& registry) {
    SLUICE_TRANSFORM_NODES(SLUICE_ADD_NODE)
}

}  // namespace sluice
