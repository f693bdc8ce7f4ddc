// transform.impute: fills missing values with statistics learnt on `train`
// (ml::Imputer): mean or median for numeric columns, the most frequent
// value or a constant for numeric and categorical ones.
#include "ml/preprocessing/imputer.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/learning_transform_node.h"

namespace sluice {
namespace {

using namespace node_params;

ml::Imputer::Strategy strategyOf(const std::string& s) {
    if (s == "median")
        return ml::Imputer::Strategy::Median;
    if (s == "most_frequent")
        return ml::Imputer::Strategy::MostFrequent;
    if (s == "constant")
        return ml::Imputer::Strategy::Constant;
    return ml::Imputer::Strategy::Mean;
}

class ImputeNode : public LearningTransformNode {
public:
    ImputeNode()
        : LearningTransformNode({
              .id = "transform.impute",
              .displayName = "Impute missing values",
              .category = NodeCategory::Transform,
              .description = "Fills missing values with the mean, median, most frequent value "
                             "or a constant, learnt on the train table only.",
              .inputs = {},
              .outputs = {},
              .params =
                  {
                      choiceParam("strategy", "Strategy",
                                  {"mean", "median", "most_frequent", "constant"}, "mean",
                                  "mean and median fill numeric columns; most_frequent and "
                                  "constant also fill categorical ones."),
                      floatParam("fill_value", "Fill number", 0.0, std::nullopt, std::nullopt,
                                 "The number filled into numeric columns by the constant "
                                 "strategy."),
                      stringParam("fill_level", "Fill category", "missing",
                                  "The category filled into categorical columns by the constant "
                                  "strategy (added as a new level if absent)."),
                      columnsParam("columns", "Columns",
                                   "The columns to fill; empty fills every feature column the "
                                   "strategy can handle."),
                  },
              .version = 1,
          }) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& /*context*/) const override {
        ml::Imputer spec;
        spec.strategy = strategyOf(params.at("strategy").get<std::string>());
        spec.fillNumber = params.at("fill_value").get<double>();
        spec.fillLevel = params.at("fill_level").get<std::string>();
        spec.columns = columnList(params, "columns");
        requireColumns(train, spec.columns, "columns");
        return spec.fit(train);
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        using python_export::pyString;
        return learningTransformPython(c,
                                       "ImputeStep(strategy=" + pyString(c.text("strategy")) +
                                           ", fill_value=" + c.literal("fill_value") +
                                           ", fill_level=" + pyString(c.text("fill_level")) +
                                           ", columns=" + c.columnsLiteral("columns") + ")",
                                       "");
    }
};

}  // namespace

std::unique_ptr<NodeType> makeImputeNode() {
    return std::make_unique<ImputeNode>();
}

}  // namespace sluice
