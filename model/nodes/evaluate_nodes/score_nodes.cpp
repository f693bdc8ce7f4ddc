// Score, Confusion matrix and ROC curve: three views of one predictions table.
#include "nodes/evaluate_nodes/score_results.h"
#include "nodes/python_context.h"
#include "nodes/results.h"
#include "nodes/train_nodes/train_node.h"

namespace sluice {
namespace {

class ScoreNode : public NodeType {
public:
    ScoreNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

class ConfusionMatrixNode : public NodeType {
public:
    ConfusionMatrixNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

class RocCurveNode : public NodeType {
public:
    static constexpr int kModelInputs = 4;
    RocCurveNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

}  // namespace
namespace {

std::vector<PortSpec> predictionsInput() {
    return {{"predictions", PortType::Table, "Predictions", true,
             "The output of a Predict node (with the true target column)."}};
}

std::vector<ParamSpec> targetParam() {
    return {columnParam("target", "True values",
                        "The column holding the true values; empty uses the Target-role column.",
                        true)};
}

std::string target(const Table& t, const nlohmann::json& params) {
    return targetColumnOf(t, params.value("target", ""));
}

}  // namespace

ScoreNode::ScoreNode()
    : NodeType({"evaluate.score",
                "Score",
                NodeCategory::Evaluate,
                "Every metric that fits the task: accuracy, precision, recall, F1, ROC AUC and "
                "log loss for classes; R², MSE, RMSE and MAE for numbers.",
                predictionsInput(),
                {{"results", PortType::Results, "Scores", true, "Metrics and confusion matrix."}},
                targetParam()}) {}

PortValues ScoreNode::run(const PortValues& inputs, const nlohmann::json& params,
                          RunContext&) const {
    const TablePtr t = inputTable(inputs, "predictions");
    const bool classify = isClassification(*t);  // first: says to connect a Predict node
    const std::string y = target(*t, params);
    auto r = std::make_shared<Results>(classify ? classificationResults(classPredictions(*t, y))
                                                : regressionResults(valuePredictions(*t, y)));
    return {{"results", ResultsValue(r)}};
}

ConfusionMatrixNode::ConfusionMatrixNode()
    : NodeType({"evaluate.confusion_matrix",
                "Confusion matrix",
                NodeCategory::Evaluate,
                "Counts of true classes (rows) against predicted classes (columns).",
                predictionsInput(),
                {{"results", PortType::Results, "Confusion matrix", true,
                  "The matrix and class labels."}},
                targetParam()}) {}

PortValues ConfusionMatrixNode::run(const PortValues& inputs, const nlohmann::json& params,
                                    RunContext&) const {
    const TablePtr t = inputTable(inputs, "predictions");
    Results full = classificationResults(classPredictions(*t, target(*t, params)));
    auto r = std::make_shared<Results>();
    r->kind = ResultKind::ConfusionMatrix;
    r->task = "classification";
    r->labels = full.labels;
    r->matrix = full.matrix;
    r->metrics["accuracy"] = full.metrics["accuracy"];
    return {{"results", ResultsValue(r)}};
}

namespace {

std::string predictionsPort(int k) {
    return k == 1 ? "predictions" : "predictions_" + std::to_string(k);
}

std::vector<PortSpec> rocInputs() {
    std::vector<PortSpec> in;
    for (int k = 1; k <= RocCurveNode::kModelInputs; ++k)
        in.push_back({predictionsPort(k), PortType::Table,
                      k == 1 ? std::string("Predictions") : "Predictions " + std::to_string(k),
                      k == 1,
                      k == 1 ? "The output of a Predict node (with the true target column)."
                             : "Another model's predictions of the same target, to compare."});
    return in;
}

std::vector<std::string> splitNames(const std::string& text) {
    std::vector<std::string> names;
    std::string current;
    auto flush = [&] {
        const auto first = current.find_first_not_of(' ');
        const auto last = current.find_last_not_of(' ');
        names.push_back(first == std::string::npos ? "" : current.substr(first, last - first + 1));
        current.clear();
    };
    for (char c : text) {
        if (c == ',')
            flush();
        else
            current += c;
    }
    flush();
    return names;
}

}  // namespace

RocCurveNode::RocCurveNode()
    : NodeType({"evaluate.roc_curve",
                "ROC curve",
                NodeCategory::Evaluate,
                "Receiver operating characteristic per class with its area under the curve; "
                "connect up to four models' predictions to compare them on one chart.",
                rocInputs(),
                {{"results", PortType::Results, "ROC curves", true,
                  "One curve per class and model, with AUC."}},
                {targetParam().front(),
                 stringParam("names", "Model names", "",
                             "Names for the connected predictions, in input order, separated by "
                             "commas (e.g. 'logistic, boosting'); empty names them model 1, "
                             "model 2... when more than one is connected.")}}) {}

PortValues RocCurveNode::run(const PortValues& inputs, const nlohmann::json& params,
                             RunContext&) const {
    std::vector<int> connected;
    for (int k = 1; k <= kModelInputs; ++k)
        if (inputs.count(predictionsPort(k)))
            connected.push_back(k);
    const std::vector<std::string> names = splitNames(params.value("names", ""));
    // One unnamed model keeps the plain class names ("malignant").
    const bool prefix = connected.size() > 1 || !params.value("names", "").empty();
    auto r = std::make_shared<Results>();
    r->kind = ResultKind::Roc;
    r->task = "classification";
    for (std::size_t i = 0; i < connected.size(); ++i) {
        const int k = connected[i];
        const TablePtr t = inputTable(inputs, predictionsPort(k));
        const ClassPredictions p = classPredictions(*t, target(*t, params));
        if (r->labels.empty())
            r->labels = p.labels;
        else if (p.labels != r->labels)
            throw NodeError("input '" + predictionsPort(k) +
                            "': its classes differ from the first input's; compare models "
                            "that predict the same target");
        std::string model =
            i < names.size() && !names[i].empty() ? names[i] : "model " + std::to_string(i + 1);
        for (Curve c : rocCurves(p)) {
            if (prefix)
                c.name = model + ": " + c.name;
            r->metrics["auc " + c.name] = c.area;
            r->curves.push_back(std::move(c));
        }
    }
    return {{"results", ResultsValue(r)}};
}

std::optional<std::string> ScoreNode::python(const PythonContext& c) const {
    const std::string var = c.output("results");
    return var + " = score(" + *c.input("predictions") +
           ", target_name=" + python_export::pyString(c.text("target")) + ")\n" + c.reportAll(var);
}

std::optional<std::string> ConfusionMatrixNode::python(const PythonContext& c) const {
    using python_export::pyString;
    const std::string in = *c.input("predictions");
    const std::string var = c.output("results");
    return "truth, predicted, labels, _ = class_predictions(" + in + ", " + in + ".target(" +
           pyString(c.text("target")) + "))\n" + var +
           " = {\"labels\": labels, \"matrix\": skm.confusion_matrix(truth, predicted, "
           "labels=labels)}\n" +
           "report(" + pyString(c.nodeId) + ", " + pyString(c.nodeTitle) +
           ", \"accuracy\", skm.accuracy_score(truth, predicted))\n" + "print(pd.DataFrame(" + var +
           "[\"matrix\"], index=labels, columns=labels), file=sys.stderr)\n";
}

std::optional<std::string> RocCurveNode::python(const PythonContext& c) const {
    using python_export::pyString;
    std::vector<std::string> connected;
    for (const auto& port : info().inputs)
        if (const auto var = c.input(port.name))
            connected.push_back(*var);
    const std::string namesText = c.text("names");
    const std::vector<std::string> names = splitNames(namesText);
    const bool prefix = connected.size() > 1 || !namesText.empty();
    const std::string var = c.output("results");
    std::string out = var + " = {}\n";
    for (std::size_t i = 0; i < connected.size(); ++i) {
        std::string name;
        if (prefix)
            name =
                i < names.size() && !names[i].empty() ? names[i] : "model " + std::to_string(i + 1);
        out += var + ".update(roc_aucs(" + connected[i] + ", " + pyString(c.text("target")) + ", " +
               pyString(name) + "))\n";
    }
    return out + c.reportAll(var);
}

std::unique_ptr<NodeType> makeScoreNode() {
    return std::make_unique<ScoreNode>();
}

std::unique_ptr<NodeType> makeConfusionMatrixNode() {
    return std::make_unique<ConfusionMatrixNode>();
}

std::unique_ptr<NodeType> makeRocCurveNode() {
    return std::make_unique<RocCurveNode>();
}

}  // namespace sluice
