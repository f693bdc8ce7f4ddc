#include "export/python_node_code.h"

#include <filesystem>

#include "export/python_export.h"
#include "export/python_learners.h"
#include "export/python_literals.h"
#include "io/pipeline_paths.h"
#include "ml/core/model.h"
#include "nodes/data_nodes/dataset_locator.h"
#include "nodes/train_nodes/learner_params.h"
#include "nodes/train_nodes/train_node.h"
#include "nodes/transform_nodes/column_params.h"

namespace sluice::python_export {
namespace {

using node_params::columnList;
using node_params::splitList;

std::string str(const NodeCodeContext& c, const char* name) {
    return c.params.value(name, std::string());
}

std::string columns(const NodeCodeContext& c, const char* name) {
    return pyValue(nlohmann::json(columnList(c.params, name)));
}

// report() for every entry of the dict `var`.
std::string reportAll(const NodeCodeContext& c, const std::string& var) {
    return "for metric, value in " + var + ".items():\n    report(" + pyString(c.node.id) + ", " +
           pyString(c.node.title) + ", metric, value)\n";
}

const char* const kDefaultMissing = R"(["", "NA", "N/A", "NaN", "null", "?"])";

std::string readCsv(const NodeCodeContext& c) {
    const std::string path = str(c, "path");
    if (path.empty())
        throw PythonExportError("parameter 'path': no file chosen");
    const std::string d = str(c, "delimiter");
    const std::string sep = d == "comma"       ? "\",\""
                            : d == "semicolon" ? "\";\""
                            : d == "tab"       ? "\"\\t\""
                            : d == "pipe"      ? "\"|\""
                            : d == "spaces"    ? "r\"\\s+\""
                                               : "None";
    const std::string h = str(c, "header");
    const std::string header = h == "yes" ? "0" : h == "no" ? "None" : "\"infer\"";
    std::vector<std::string> missing = {""};
    for (const auto& token : splitList(str(c, "missing_tokens")))
        missing.push_back(token);
    std::string out =
        "# pandas types columns by itself: text stays text (Sluice makes a column with few\n"
        "# distinct values categorical, which changes nothing below). sep=None lets pandas\n"
        "# sniff the delimiter, as Sluice's \"auto\" does.\n";
    out += c.output("table") + " = read_csv(\n    " + c.pathExpression(path) + ",\n    sep=" + sep +
           ", header=" + header +
           ", decimal=" + (str(c, "decimal_comma") == "yes" ? "\",\"" : "\".\"") +
           ",\n    missing=" + pyValue(nlohmann::json(missing)) +
           ", max_rows=" + std::to_string(c.params.value("max_rows", 0LL)) + ")\n";
    return out;
}

std::string exampleDataset(const NodeCodeContext& c) {
    static const std::map<std::string, std::string> targets = {{"iris", "species"},
                                                               {"wine", "cultivar"},
                                                               {"breast_cancer", "diagnosis"},
                                                               {"diabetes", "progression"}};
    const std::string name = str(c, "dataset");
    const auto target = targets.find(name);
    if (target == targets.end())
        throw PythonExportError("parameter 'dataset': unknown example dataset '" + name + "'");
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
           "),\n    sep=\",\", header=\"infer\", decimal=\".\", missing=" + kDefaultMissing +
           ", max_rows=0)\n" + c.output("table") + ".roles[" + pyString(target->second) +
           "] = \"target\"\n";
}

std::string synthetic(const NodeCodeContext& c) {
    return c.output("table") + " = synthetic(" + pyString(str(c, "kind")) +
           ", n_rows=" + pyValue(c.params.at("n_rows")) +
           ", n_features=" + pyValue(c.params.at("n_features")) +
           ", n_classes=" + pyValue(c.params.at("n_classes")) +
           ", noise=" + pyValue(c.params.at("noise")) + ", seed=" + pyValue(c.params.at("seed")) +
           ")\n";
}

std::string writeCsv(const NodeCodeContext& c) {
    const std::string path = str(c, "path");
    if (path.empty())
        throw PythonExportError("parameter 'path': no file chosen");
    const std::string d = c.params.value("delimiter", std::string("comma"));
    const std::string sep = d == "semicolon" ? "\";\""
                            : d == "tab"     ? "\"\\t\""
                            : d == "pipe"    ? "\"|\""
                                             : "\",\"";
    const std::string in = *c.input("table");
    return in + ".df.to_csv(" + c.pathExpression(path) + ", sep=" + sep + ", index=False)\n" +
           c.output("table") + " = " + in + "\n";
}

std::string selectColumns(const NodeCodeContext& c) {
    return c.output("table") + " = select_columns(" + *c.input("table") +
           ", keep=" + columns(c, "keep") + ", drop=" + columns(c, "drop") +
           ", target=" + pyString(str(c, "target")) + ", meta=" + columns(c, "meta") + ")\n";
}

std::string filterRows(const NodeCodeContext& c) {
    return c.output("table") + " = filter_rows(" + *c.input("table") +
           ", column=" + pyString(str(c, "column")) + ", op=" + pyString(str(c, "operator")) +
           ", value=" + pyString(str(c, "value")) +
           ", drop_missing=" + pyValue(c.params.at("drop_missing")) + ")\n";
}

std::string trainTestSplit(const NodeCodeContext& c) {
    const std::string in = *c.input("table");
    const bool stratify = c.params.value("stratify", false);
    std::string out =
        "# scikit-learn's train_test_split(test_size=" + pyValue(c.params.at("test_fraction")) +
        ", random_state=" + pyValue(c.params.at("seed")) + (stratify ? ", stratify=y" : "") +
        ") would also\n"
        "# take ceil(fraction * rows) test rows, but numpy's generator would pick other\n"
        "# ones; sluice_train_test_split() draws them with Sluice's generator instead, so\n"
        "# the seed selects the same rows as in Sluice. Rows keep their order.\n";
    out += "strata = " +
           (stratify ? "class_codes(" + in + ".df[" + in + ".target()].to_numpy())[0]"
                     : std::string("None")) +
           "\n";
    out += "train_rows, test_rows = sluice_train_test_split(len(" + in + ".df), " +
           pyValue(c.params.at("test_fraction")) + ", " + pyValue(c.params.at("seed")) +
           ", strata)\n";
    out += c.output("train") + " = " + in + ".derive(" + in + ".df.iloc[train_rows])\n";
    out += c.output("test") + " = " + in + ".derive(" + in + ".df.iloc[test_rows])\n";
    return out;
}

// Impute, Scale, One-hot and PCA: fit a step on `train`, apply it to both.
std::string learningTransform(const NodeCodeContext& c, const std::string& step,
                              const std::string& notes) {
    const std::string train = *c.input("train");
    const std::string var = c.output("transform");
    std::string out = notes + var + " = " + step + ".fit(" + train + ")\n";
    out += c.output("train") + " = " + var + ".apply(" + train + ")\n";
    if (const auto apply = c.input("apply"))
        out += c.output("apply") + " = " + var + ".apply(" + *apply + ")\n";
    return out;
}

std::string trainNode(const NodeCodeContext& c) {
    const auto* train = dynamic_cast<const TrainNode*>(&c.type);
    if (!train)
        throw PythonExportError("not a learner node this exporter knows");
    std::shared_ptr<const ml::Learner> learner;
    try {
        learner = train->makeLearner(c.params);
    } catch (const std::exception& e) {
        throw PythonExportError(e.what());
    }
    const SklearnEstimator e = sklearnEstimator(train->learnerKind(), learner->params());
    c.imports->insert("from " + e.module + " import " + e.className);
    std::string out;
    for (const auto& note : e.notes)
        out += pyComment(note);
    const bool supervised =
        learner->task() == ml::Task::Classification || learner->task() == ml::Task::Regression;
    out += pyWrappedCall(c.output("learner") + " = " + e.constructor) + "\n";
    out += c.output("model") + " = fit_model(clone(" + c.output("learner") + "), " +
           *c.input("train") + ", target_name=" + pyString(str(c, "target")) +
           ", supervised=" + (supervised ? "True" : "False") + ")\n";
    return out;
}

std::string score(const NodeCodeContext& c) {
    const std::string var = c.output("results");
    return var + " = score(" + *c.input("predictions") +
           ", target_name=" + pyString(str(c, "target")) + ")\n" + reportAll(c, var);
}

std::string confusionMatrix(const NodeCodeContext& c) {
    const std::string in = *c.input("predictions");
    const std::string var = c.output("results");
    return "truth, predicted, labels, _ = class_predictions(" + in + ", " + in + ".target(" +
           pyString(str(c, "target")) + "))\n" + var +
           " = {\"labels\": labels, \"matrix\": skm.confusion_matrix(truth, predicted, "
           "labels=labels)}\n" +
           "report(" + pyString(c.node.id) + ", " + pyString(c.node.title) +
           ", \"accuracy\", skm.accuracy_score(truth, predicted))\n" + "print(pd.DataFrame(" + var +
           "[\"matrix\"], index=labels, columns=labels), file=sys.stderr)\n";
}

std::string rocCurve(const NodeCodeContext& c) {
    std::vector<std::string> connected;
    for (const auto& port : c.type.info().inputs)
        if (const auto var = c.input(port.name))
            connected.push_back(*var);
    const std::string namesText = str(c, "names");
    std::vector<std::string> names = splitList(namesText, true);
    const bool prefix = connected.size() > 1 || !namesText.empty();
    const std::string var = c.output("results");
    std::string out = var + " = {}\n";
    for (std::size_t i = 0; i < connected.size(); ++i) {
        std::string name;
        if (prefix)
            name =
                i < names.size() && !names[i].empty() ? names[i] : "model " + std::to_string(i + 1);
        out += var + ".update(roc_aucs(" + connected[i] + ", " + pyString(str(c, "target")) + ", " +
               pyString(name) + "))\n";
    }
    return out + reportAll(c, var);
}

std::string featureImportance(const NodeCodeContext& c) {
    const std::string var = c.output("results");
    return var + " = importances(" + *c.input("model") + ")\nfor feature, value in " + var +
           ":\n    print(json.dumps({\"node\": " + pyString(c.node.id) +
           ", \"title\": " + pyString(c.node.title) +
           ", \"feature\": feature, \"importance\": value}))\n";
}

std::string crossValidate(const NodeCodeContext& c) {
    std::string learners;
    for (const auto& port : c.type.info().inputs) {
        if (port.type != PortType::Learner)
            continue;
        const auto var = c.input(port.name);
        if (!var)
            continue;
        const GraphEdge* edge = c.graph.edgeInto({c.node.id, port.name});
        const GraphNode* from = c.graph.node(edge->from.node);
        const std::string kind = from->type.substr(from->type.find('.') + 1);
        learners += (learners.empty() ? "" : ",\n     ") + std::string("(") +
                    pyString(learnerDisplayName(kind)) + ", " + *var + ")";
    }
    const std::string var = c.output("results");
    return var + " = cross_validate(\n    " + *c.input("table") +
           ", target_name=" + pyString(str(c, "target")) + ",\n    learners=[" + learners +
           "],\n    folds=" + pyValue(c.params.at("folds")) +
           ", stratified=" + pyValue(c.params.at("stratified")) +
           ", shuffle=" + pyValue(c.params.at("shuffle")) +
           ", seed=" + pyValue(c.params.at("seed")) + ")\n" + reportAll(c, var);
}

std::string saveModel(const NodeCodeContext& c) {
    const std::string path = str(c, "path");
    if (path.empty())
        throw PythonExportError("parameter 'path': no file chosen");
    std::string steps;
    for (const auto& port : c.type.info().inputs)
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

}  // namespace

std::optional<std::string> NodeCodeContext::input(const std::string& port) const {
    if (const GraphEdge* edge = graph.edgeInto({node.id, port}))
        return outputVar(edge->from.node, edge->from.port);
    const PortSpec* spec = type.input(port);
    if (spec && spec->required)
        throw PythonExportError("input '" + port + "' is not connected");
    return std::nullopt;
}

std::string NodeCodeContext::pathExpression(const std::string& path) const {
    if (baseDirectory.empty())
        return pyString(path);
    const std::string relative = pathForFile(path, baseDirectory);
    if (std::filesystem::path(relative).is_absolute())
        return pyString(path);
    return "os.path.join(PIPELINE_DIR, " + pyString(relative) + ")";
}

std::string nodeCode(const NodeCodeContext& c) {
    const std::string& t = c.type.id();
    if (t == "data.read_csv")
        return readCsv(c);
    if (t == "data.example_dataset")
        return exampleDataset(c);
    if (t == "data.synthetic")
        return synthetic(c);
    if (t == "data.write_csv" || t == "output.write_predictions")
        return writeCsv(c);
    if (t == "transform.select_columns")
        return selectColumns(c);
    if (t == "transform.filter_rows")
        return filterRows(c);
    if (t == "transform.train_test_split")
        return trainTestSplit(c);
    if (t == "transform.scale")
        return learningTransform(c,
                                 "ScaleStep(method=" + pyString(str(c, "method")) +
                                     ", columns=" + columns(c, "columns") + ")",
                                 "");
    if (t == "transform.impute")
        return learningTransform(c,
                                 "ImputeStep(strategy=" + pyString(str(c, "strategy")) +
                                     ", fill_value=" + pyValue(c.params.at("fill_value")) +
                                     ", fill_level=" + pyString(str(c, "fill_level")) +
                                     ", columns=" + columns(c, "columns") + ")",
                                 "");
    if (t == "transform.one_hot")
        return learningTransform(c, "OneHotStep(columns=" + columns(c, "columns") + ")",
                                 "# Indicator columns come in the order levels first appear in "
                                 "the train table.\n");
    if (t == "transform.pca")
        return learningTransform(c,
                                 "PcaStep(n_components=" + pyValue(c.params.at("n_components")) +
                                     ", whiten=" + pyValue(c.params.at("whiten")) + ")",
                                 "# A component may come out with the opposite sign from "
                                 "Sluice's (SVD signs are arbitrary).\n");
    if (t.rfind("train.", 0) == 0)
        return trainNode(c);
    if (t == "evaluate.predict")
        return c.output("predictions") + " = predict(" + *c.input("model") + ", " +
               *c.input("table") + ")\n";
    if (t == "evaluate.score")
        return score(c);
    if (t == "evaluate.confusion_matrix")
        return confusionMatrix(c);
    if (t == "evaluate.roc_curve")
        return rocCurve(c);
    if (t == "evaluate.feature_importance")
        return featureImportance(c);
    if (t == "evaluate.cross_validate")
        return crossValidate(c);
    if (t == "output.save_model")
        return saveModel(c);
    throw PythonExportError("the Python exporter has no translation for this node type");
}

}  // namespace sluice::python_export
