// data.write_csv: writes its input table to a CSV file (atomically: the old
// file survives a failed write) and passes the table on unchanged, so
// writing can sit in the middle of a chain.
#include "io/csv_writer.h"
#include "nodes/data_nodes/write_csv_python.h"

namespace sluice {
namespace {

char writtenDelimiter(const std::string& choice) {
    if (choice == "semicolon")
        return ';';
    if (choice == "tab")
        return '\t';
    if (choice == "pipe")
        return '|';
    return ',';
}

class WriteCsvNode : public NodeType {
public:
    WriteCsvNode()
        : NodeType({
              .id = "data.write_csv",
              .displayName = "Write CSV",
              .category = NodeCategory::Data,
              .description = "Writes a table to a CSV file and passes it on.",
              .inputs = {{"table", PortType::Table, "Table", true, "The table to write."}},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The same table, for further steps."}},
              .params = {pathParam("path", "File",
                                   "The CSV file to write (replaced if it exists)."),
                         choiceParam("delimiter", "Delimiter",
                                     {"comma", "semicolon", "tab", "pipe"}, "comma",
                                     "What separates fields in the file.")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        const TablePtr table = inputTable(inputs, "table");
        const std::string path = params.at("path").get<std::string>();
        if (path.empty())
            throw NodeError("parameter 'path': no file chosen");
        CsvWriteOptions options;
        options.delimiter = writtenDelimiter(params.at("delimiter").get<std::string>());
        const std::string resolved = context.resolvePath(path);
        try {
            writeCsvFile(*table, resolved, options);
        } catch (const std::exception& e) {
            throw NodeError(std::string("parameter 'path': ") + e.what());
        }
        context.log("wrote " + std::to_string(table->rowCount()) + " rows to " + resolved);
        return {{"table", table}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return writeCsvPython(c);
    }
};

}  // namespace

std::string writeCsvPython(const PythonContext& c) {
    const std::string path = c.text("path");
    if (path.empty())
        throw NodeError("parameter 'path': no file chosen");
    const std::string d = c.params.value("delimiter", std::string("comma"));
    const std::string sep = d == "semicolon" ? "\";\""
                            : d == "tab"     ? "\"\\t\""
                            : d == "pipe"    ? "\"|\""
                                             : "\",\"";
    const std::string in = *c.input("table");
    return in + ".df.to_csv(" + c.pathExpression(path) + ", sep=" + sep + ", index=False)\n" +
           c.output("table") + " = " + in + "\n";
}

std::unique_ptr<NodeType> makeWriteCsvNode() {
    return std::make_unique<WriteCsvNode>();
}

}  // namespace sluice
