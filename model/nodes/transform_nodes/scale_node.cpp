// transform.scale: rescales numeric columns with statistics learnt on
// `train` (ml::Scaler): standard (z-score), min_max (to [0, 1]) or robust
// (median and interquartile range).
#include "ml/preprocessing/scaler.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/learning_transform_node.h"

namespace sluice {
namespace {

using namespace node_params;

class ScaleNode : public LearningTransformNode {
public:
    ScaleNode()
        : LearningTransformNode({
              .id = "transform.scale",
              .displayName = "Scale",
              .category = NodeCategory::Transform,
              .description = "Standardises or normalises numeric columns (standard, min-max, "
                             "robust), learnt on the train table only.",
              .inputs = {},
              .outputs = {},
              .params =
                  {
                      choiceParam("method", "Method", {"standard", "min_max", "robust"}, "standard",
                                  "standard: (x - mean) / standard deviation; min_max: to the "
                                  "range [0, 1]; robust: (x - median) / interquartile range."),
                      columnsParam("columns", "Columns",
                                   "The numeric columns to scale; empty scales every numeric "
                                   "feature column."),
                  },
              .version = 1,
          }) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& /*context*/) const override {
        ml::Scaler spec;
        const std::string method = params.at("method").get<std::string>();
        spec.method = method == "min_max"  ? ml::Scaler::Method::MinMax
                      : method == "robust" ? ml::Scaler::Method::Robust
                                           : ml::Scaler::Method::Standard;
        spec.columns = columnList(params, "columns");
        requireColumns(train, spec.columns, "columns");
        return spec.fit(train);
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return learningTransformPython(
            c,
            "ScaleStep(method=" + python_export::pyString(c.text("method")) +
                ", columns=" + c.columnsLiteral("columns") + ")",
            "");
    }
};

}  // namespace

std::unique_ptr<NodeType> makeScaleNode() {
    return std::make_unique<ScaleNode>();
}

}  // namespace sluice
