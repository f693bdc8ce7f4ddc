// Score, Confusion matrix and ROC curve: three views of one predictions table.
#include "nodes/evaluate_nodes/evaluate_nodes.h"
#include "nodes/evaluate_nodes/score_results.h"
#include "nodes/train_nodes/train_node.h"

namespace sluice {
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
    r->kind = "confusion_matrix";
    r->task = "classification";
    r->labels = full.labels;
    r->matrix = full.matrix;
    r->metrics["accuracy"] = full.metrics["accuracy"];
    return {{"results", ResultsValue(r)}};
}

RocCurveNode::RocCurveNode()
    : NodeType(
          {"evaluate.roc_curve",
           "ROC curve",
           NodeCategory::Evaluate,
           "Receiver operating characteristic per class with its area under the curve.",
           predictionsInput(),
           {{"results", PortType::Results, "ROC curves", true, "One curve per class, with AUC."}},
           targetParam()}) {}

PortValues RocCurveNode::run(const PortValues& inputs, const nlohmann::json& params,
                             RunContext&) const {
    const TablePtr t = inputTable(inputs, "predictions");
    const ClassPredictions p = classPredictions(*t, target(*t, params));
    auto r = std::make_shared<Results>();
    r->kind = "roc";
    r->task = "classification";
    r->labels = p.labels;
    r->curves = rocCurves(p);
    for (const Curve& c : r->curves)
        r->metrics["auc " + c.name] = c.area;
    return {{"results", ResultsValue(r)}};
}

}  // namespace sluice
