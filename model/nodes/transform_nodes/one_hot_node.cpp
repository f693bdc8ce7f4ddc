// transform.one_hot: replaces categorical columns by one 0/1 column per
// level seen in `train` (ml::OneHotEncoder); levels unseen in training give
// a row of zeros in `apply`.
#include "ml/preprocessing/one_hot_encoder.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/learning_transform_node.h"

namespace sluice {
namespace {

using namespace node_params;

class OneHotNode : public LearningTransformNode {
public:
    OneHotNode()
        : LearningTransformNode({
              .id = "transform.one_hot",
              .displayName = "One-hot encode",
              .category = NodeCategory::Transform,
              .description = "Turns categorical columns into 0/1 indicator columns "
                             "(\"color=red\"), with the levels of the train table.",
              .inputs = {},
              .outputs = {},
              .params = {columnsParam("columns", "Columns",
                                      "The categorical columns to encode; empty encodes every "
                                      "categorical feature column.")},
              .version = 1,
          }) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& /*context*/) const override {
        ml::OneHotEncoder spec;
        spec.columns = columnList(params, "columns");
        requireColumns(train, spec.columns, "columns");
        return spec.fit(train);
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return learningTransformPython(c, "OneHotStep(columns=" + c.columnsLiteral("columns") + ")",
                                       "# Indicator columns come in the order levels first "
                                       "appear in the train table.\n");
    }
};

}  // namespace

std::unique_ptr<NodeType> makeOneHotNode() {
    return std::make_unique<OneHotNode>();
}

}  // namespace sluice
