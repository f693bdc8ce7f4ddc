#include "nodes/evaluate_nodes/importance_results.h"
#include "nodes/python_context.h"
#include "nodes/results.h"

namespace sluice {
namespace {

class FeatureImportanceNode : public NodeType {
public:
    FeatureImportanceNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

}  // namespace

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

std::optional<std::string> FeatureImportanceNode::python(const PythonContext& c) const {
    using python_export::pyString;
    const std::string var = c.output("results");
    return var + " = importances(" + *c.input("model") + ")\nfor feature, value in " + var +
           ":\n    print(json.dumps({\"node\": " + pyString(c.nodeId) +
           ", \"title\": " + pyString(c.nodeTitle) +
           ", \"feature\": feature, \"importance\": value}))\n";
}

std::unique_ptr<NodeType> makeFeatureImportanceNode() {
    return std::make_unique<FeatureImportanceNode>();
}

}  // namespace sluice
