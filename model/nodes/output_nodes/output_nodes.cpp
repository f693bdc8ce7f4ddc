#include "nodes/output_nodes/output_nodes.h"

#include "io/csv_writer.h"
#include "ml/core/ml_errors.h"

namespace sluice {

namespace {

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

}  // namespace sluice
