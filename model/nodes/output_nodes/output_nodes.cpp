#include "nodes/output_nodes/output_nodes.h"

#include "io/csv_writer.h"
#include "ml/core/ml_errors.h"

namespace sluice {

SaveModelNode::SaveModelNode()
    : NodeType({"output.save_model",
                "Save model",
                NodeCategory::Output,
                "Writes the trained model with its preprocessing and class labels as a JSON model "
                "file that `sluice-run predict` can apply to new data.",
                {{"model", PortType::Model, "Model", true, "A trained model."}},
                {{"model", PortType::Model, "Model", true, "The same model, passed through."}},
                {pathParam("path", "File", "Where to write the model file (.json).")}}) {}

PortValues SaveModelNode::run(const PortValues& inputs, const nlohmann::json& params,
                              RunContext& context) const {
    const ModelValue model = inputModel(inputs, "model");
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
