// Registers the Evaluate node types with the NodeRegistry.
#include "nodes/evaluate_nodes/evaluate_nodes.h"
#include "nodes/node_registry.h"

namespace sluice {

void registerEvaluateNodes(NodeRegistry& registry) {
    registry.add(std::make_unique<PredictNode>());
    registry.add(std::make_unique<ScoreNode>());
    registry.add(std::make_unique<CrossValidateNode>());
    registry.add(std::make_unique<ConfusionMatrixNode>());
    registry.add(std::make_unique<RocCurveNode>());
    registry.add(std::make_unique<FeatureImportanceNode>());
    registry.add(std::make_unique<DriftNode>());
}

}  // namespace sluice
