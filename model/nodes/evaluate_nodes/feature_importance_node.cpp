#include <algorithm>
#include <numeric>

#include "nodes/evaluate_nodes/evaluate_nodes.h"

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
    Eigen::VectorXd importance;
    std::string measure;
    if (auto imp = model->model().featureImportances()) {
        importance = *imp;
        measure = "importance";
    } else if (auto coef = model->model().coefficients()) {
        importance = coef->cwiseAbs().colwise().mean().transpose();
        measure = "mean |coefficient|";
    } else {
        throw NodeError("the " + std::string(model->model().kind()) +
                        " model does not report feature importances or coefficients");
    }
    const auto& names = model->features();
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return importance(static_cast<Eigen::Index>(a)) > importance(static_cast<Eigen::Index>(b));
    });
    std::vector<std::string> feature;
    std::vector<double> value;
    for (std::size_t i : order) {
        feature.push_back(names[i]);
        value.push_back(importance(static_cast<Eigen::Index>(i)));
    }
    auto r = std::make_shared<Results>();
    r->kind = "importance";
    r->task = std::string(ml::taskName(model->model().task()));
    r->table = Table::make({Column::text("feature", feature), Column::numeric(measure, value)});
    return {{"results", ResultsValue(r)}};
}

}  // namespace sluice
