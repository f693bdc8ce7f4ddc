// The Evaluate family's node types, in the order the node library lists
// them. Each node type is one file defining its make...Node() factory;
// adding one to the family is one line in this list.
#include "nodes/node_registry.h"

#define SLUICE_EVALUATE_NODES(NODE) \
    NODE(makePredictNode)           \
    NODE(makeScoreNode)             \
    NODE(makeCrossValidateNode)     \
    NODE(makeConfusionMatrixNode)   \
    NODE(makeRocCurveNode)          \
    NODE(makeFeatureImportanceNode) \
    NODE(makeDriftNode)

namespace sluice {

SLUICE_EVALUATE_NODES(SLUICE_DECLARE_NODE)

void registerEvaluateNodes(NodeRegistry& registry) {
    SLUICE_EVALUATE_NODES(SLUICE_ADD_NODE)
}

}  // namespace sluice
