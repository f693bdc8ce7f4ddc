// The Output family: save a trained model as a model file (which
// `sluice-run predict` loads), write a table (predictions) as CSV. Both write
// atomically and pass their input through, so a branch can continue.
#include "io/csv_writer.h"
#include "ml/core/ml_errors.h"
#include "nodes/data_nodes/write_csv_python.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

// Save model: inputs `model` and optional `transform_1`..`transform_3`,
// fitted preprocessing applied (in port order) before the model's own steps.
class SaveModelNode : public NodeType {
public:
    static constexpr int kTransformInputs = 3;
    SaveModelNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

class WritePredictionsNode : public NodeType {
public:
    WritePredictionsNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

std::string transformPort(int k) {
    return "transform_" + std::to_string(k);
}

std::vector<PortSpec> saveModelInputs() {
    std::vector<PortSpec> in = {{"model", PortType::Model, "Model", true, "A trained model."}};
    for (int k = 1; k <= SaveModelNode::kTransformInputs; ++k)
        in.push_back({transformPort(k), PortType::Transform, "Preprocessing " + std::to_string(k),
                      false,
                      "A fitted transform the model's training table went through (Impute, "
                      "Scale, One-hot, PCA), saved in front of the model; connect them in the "
                      "order they ran."});
    return in;
}

}  // namespace

SaveModelNode::SaveModelNode()
    : NodeType({"output.save_model",
                "Save model",
                NodeCategory::Output,
                "Writes the trained model with its preprocessing and class labels as a JSON model "
                "file that `sluice-run predict` can apply to new data. Connect the transforms "
                "the training table went through, so the file predicts on raw rows.",
                saveModelInputs(),
                {{"model", PortType::Model, "Model", true,
                  "The model as saved (the connected preprocessing in front), passed on."}},
                {pathParam("path", "File", "Where to write the model file (.json).")}}) {}

PortValues SaveModelNode::run(const PortValues& inputs, const nlohmann::json& params,
                              RunContext& context) const {
    ModelValue model = inputModel(inputs, "model");
    std::vector<std::shared_ptr<const ml::TableTransform>> steps;
    for (int k = 1; k <= kTransformInputs; ++k)
        if (TransformValue step = inputTransform(inputs, transformPort(k), false))
            steps.push_back(std::move(step));
    if (!steps.empty())
        model = std::make_shared<const ml::TrainedPipeline>(model->withLeadingSteps(steps));
    const std::string path = context.resolvePath(params.value("path", ""));
    try {
        model->save(path);
    } catch (const std::exception& e) {
        throw NodeError(e.what());
    }
    context.log("saved the model to " + path);
    return {{"model", model}};
}

WritePredictionsNode::WritePredictionsNode()
    : NodeType({"output.write_predictions",
                "Write predictions",
                NodeCategory::Output,
                "Writes a table (typically a Predict node's output) as a CSV file.",
                {{"table", PortType::Table, "Table", true, "The rows to write."}},
                {{"table", PortType::Table, "Table", true, "The same table, passed through."}},
                {pathParam("path", "File", "Where to write the CSV file."),
                 choiceParam("delimiter", "Delimiter", {"comma", "semicolon", "tab", "pipe"},
                             "comma", "The character between fields.")}}) {}

PortValues WritePredictionsNode::run(const PortValues& inputs, const nlohmann::json& params,
                                     RunContext& context) const {
    const TablePtr table = inputTable(inputs, "table");
    const std::string path = context.resolvePath(params.value("path", ""));
    const std::string d = params.value("delimiter", "comma");
    CsvWriteOptions options;
    options.delimiter = d == "semicolon" ? ';' : d == "tab" ? '\t' : d == "pipe" ? '|' : ',';
    try {
        writeCsvFile(*table, path, options);
    } catch (const std::exception& e) {
        throw NodeError(e.what());
    }
    context.log("wrote " + std::to_string(table->rowCount()) + " rows to " + path);
    return {{"table", table}};
}

std::optional<std::string> SaveModelNode::python(const PythonContext& c) const {
    const std::string path = c.text("path");
    if (path.empty())
        throw NodeError("parameter 'path': no file chosen");
    std::string steps;
    for (const auto& port : info().inputs)
        if (port.type == PortType::Transform)
            if (const auto var = c.input(port.name))
                steps += (steps.empty() ? "" : ", ") + *var;
    const std::string var = c.output("model");
    return "# Sluice writes its own JSON model file (for `sluice-run predict`); the\n"
           "# scikit-learn model, with the fitted preprocessing it needs first, is pickled\n"
           "# instead, to the same name + \".pkl\", so the Sluice file is left alone.\n" +
           var + " = " + *c.input("model") + ".with_leading_steps([" + steps + "])\n" +
           "save_pickle(" + var + ", " + c.pathExpression(path) + " + \".pkl\")\n";
}

std::optional<std::string> WritePredictionsNode::python(const PythonContext& c) const {
    return writeCsvPython(c);
}

std::unique_ptr<NodeType> makeSaveModelNode() {
    return std::make_unique<SaveModelNode>();
}

std::unique_ptr<NodeType> makeWritePredictionsNode() {
    return std::make_unique<WritePredictionsNode>();
}

}  // namespace sluice
