// data.example_dataset: one of the four bundled datasets (iris, wine,
// breast_cancer, diabetes), read from resources/datasets (see
// dataset_locator.h) with its target column given the Target role.
#include <filesystem>

#include "io/csv_reader.h"
#include "nodes/data_nodes/dataset_locator.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

// The target column of each bundled dataset.
const char* targetOf(const std::string& name) {
    if (name == "iris")
        return "species";
    if (name == "wine")
        return "cultivar";
    if (name == "breast_cancer")
        return "diagnosis";
    return "progression";  // diabetes
}

class ExampleDatasetNode : public NodeType {
public:
    ExampleDatasetNode()
        : NodeType({
              .id = "data.example_dataset",
              .displayName = "Example dataset",
              .category = NodeCategory::Data,
              .description = "A bundled example table: iris, wine or breast cancer "
                             "(classification), diabetes (regression).",
              .inputs = {},
              .outputs = {{"table", PortType::Table, "Table", true,
                           "The dataset, with its target column marked."}},
              .params = {choiceParam(
                  "dataset", "Dataset", {"iris", "wine", "breast_cancer", "diabetes"}, "iris",
                  "iris: 150 flowers, 3 species; wine: 178 wines, 3 cultivars; breast_cancer: "
                  "569 tumours, malignant or benign; diabetes: 442 patients, disease "
                  "progression (a number).")},
              .version = 1,
          }) {}

    PortValues run(const PortValues& /*inputs*/, const nlohmann::json& params,
                   RunContext& context) const override {
        const std::string name = params.at("dataset").get<std::string>();
        const std::string file = findDatasetFile(name);
        CsvReadResult result;
        try {
            result = readCsvFile(file);
        } catch (const CsvError& e) {
            throw NodeError(e.what());
        }
        for (const auto& warning : result.warnings)
            context.log(warning);
        const std::string target = targetOf(name);
        if (!result.table->indexOf(target))
            throw NodeError("example dataset '" + name + "' (" + file + ") has no column '" +
                            target + "'");
        return {{"table", result.table->withRole(target, ColumnRole::Target)}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        using python_export::pyString;
        const std::string name = c.text("dataset");
        if (name != "iris" && name != "wine" && name != "breast_cancer" && name != "diabetes")
            throw NodeError("parameter 'dataset': unknown example dataset '" + name + "'");
        std::string folder;
        try {
            folder = std::filesystem::path(findDatasetFile(name)).parent_path().string();
        } catch (const std::exception&) {
            // Not found here: the script then needs SLUICE_DATASETS_DIR.
        }
        return "# The bundled dataset, from where Sluice found it when exporting; set\n"
               "# SLUICE_DATASETS_DIR to read it from elsewhere.\n" +
               c.output("table") +
               " = read_csv(\n    os.path.join(os.environ.get(\"SLUICE_DATASETS_DIR\", " +
               pyString(folder) + "), " + pyString(name + ".csv") +
               "),\n    sep=\",\", header=\"infer\", decimal=\".\", missing=" +
               "[\"\", \"NA\", \"N/A\", \"NaN\", \"null\", \"?\"]" + ", max_rows=0)\n" +
               c.output("table") + ".roles[" + pyString(targetOf(name)) + "] = \"target\"\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeExampleDatasetNode() {
    return std::make_unique<ExampleDatasetNode>();
}

}  // namespace sluice
