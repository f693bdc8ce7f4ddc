#include "nodes/transform_nodes/learning_transform_node.h"

#include "ml/core/ml_errors.h"

namespace sluice {
namespace {

NodeInfo withPorts(NodeInfo info, std::vector<PortSpec> moreOutputs) {
    info.category = NodeCategory::Transform;
    info.inputs = {
        {"train", PortType::Table, "Train", true, "The table to learn from (and transform)."},
        {"apply", PortType::Table, "Apply", false,
         "Optional: another table (e.g. the test set) transformed with what was learnt from "
         "train."},
    };
    info.outputs = {
        {"train", PortType::Table, "Train", true, "The train table, transformed."},
        {"apply", PortType::Table, "Apply", false,
         "The apply table, transformed (only when that input is connected)."},
        {"transform", PortType::Transform, "Transform", true,
         "The fitted transform, to reuse on new data or save with a model."},
    };
    info.outputs.insert(info.outputs.end(), moreOutputs.begin(), moreOutputs.end());
    return info;
}

}  // namespace

LearningTransformNode::LearningTransformNode(NodeInfo info, std::vector<PortSpec> moreOutputs)
    : NodeType(withPorts(std::move(info), std::move(moreOutputs))) {}

PortValues LearningTransformNode::run(const PortValues& inputs, const nlohmann::json& params,
                                      RunContext& context) const {
    const TablePtr train = inputTable(inputs, "train");
    const TablePtr apply = inputTable(inputs, "apply", false);

    context.fit.progress(0.0, "fitting");
    std::shared_ptr<const ml::TableTransform> fitted;
    try {
        fitted = fit(*train, params, context);
    } catch (const ml::MisuseError& e) {
        throw NodeError(std::string("input 'train': ") + e.what());
    }
    context.fit.throwIfCancelled();
    context.fit.progress(0.5, "applying");

    PortValues out;
    try {
        out["train"] = fitted->apply(*train);
    } catch (const ml::MisuseError& e) {
        throw NodeError(std::string("input 'train': ") + e.what());
    }
    if (apply) {
        try {
            out["apply"] = fitted->apply(*apply);
        } catch (const ml::MisuseError& e) {
            throw NodeError(std::string("input 'apply': ") + e.what());
        }
    }
    out["transform"] = TransformValue(fitted);
    addOutputs(*fitted, params, out);
    context.fit.progress(1.0);
    return out;
}

std::string LearningTransformNode::learningTransformPython(const PythonContext& c,
                                                           const std::string& step,
                                                           const std::string& notes) {
    const std::string train = *c.input("train");
    const std::string var = c.output("transform");
    std::string out = notes + var + " = " + step + ".fit(" + train + ")\n";
    out += c.output("train") + " = " + var + ".apply(" + train + ")\n";
    if (const auto apply = c.input("apply"))
        out += c.output("apply") + " = " + var + ".apply(" + *apply + ")\n";
    return out;
}

}  // namespace sluice
