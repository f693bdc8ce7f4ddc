#include "nodes/evaluate_nodes/evaluate_nodes.h"
#include "nodes/evaluate_nodes/importance_results.h"

namespace sluice {

FeatureImportanceNode::FeatureImportanceNode()
    : NodeType(
          {"evaluate.feature_importance",
           "Feature importance",
           NodeCategory::Evaluate,
           "How much each feature matters to a model: impurity decrease for trees, mean "
           "absolute coefficient for linear models; sorted, largest first.",
           {{"model", PortType::Model, "Model", true, "A trained model."}},
           {{"results", PortType::Results, "Importances", true, "Feature and importance, sorted."}},
           {}}) {}

PortValues FeatureImportanceNode::run(const PortValues& inputs, const nlohmann::json&,
                                      RunContext&) const {
    const ModelValue model = inputModel(inputs, "model");
    auto results = importanceResults(*model);
    if (!results)
        throw NodeError("the " + std::string(model->model().kind()) +
                        " model does not report feature importances or coefficients");
    auto r = std::make_shared<Results>(std::move(*results));
    return {{"results", ResultsValue(r)}};
}

}  // namespace sluice
