#include <cmath>

#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/pipeline/labelled_data.h"
#include "ml/selection/cross_validation.h"
#include "nodes/python_context.h"
#include "nodes/results.h"
#include "nodes/train_nodes/train_node.h"

namespace sluice {
namespace {

class CrossValidateNode : public NodeType {
public:
    static constexpr int kLearnerInputs = 4;
    CrossValidateNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
    std::optional<std::string> python(const PythonContext&) const override;
};

}  // namespace
namespace {

std::string learnerPort(int k) {
    return "learner_" + std::to_string(k);
}

std::vector<PortSpec> cvInputs() {
    std::vector<PortSpec> in = {
        {"table", PortType::Table, "Data", true, "Rows with a target column."}};
    for (int k = 1; k <= CrossValidateNode::kLearnerInputs; ++k)
        in.push_back({learnerPort(k), PortType::Learner, "Learner " + std::to_string(k), k == 1,
                      "Settings of a learner to compare (from a Train node)."});
    return in;
}

// Metrics of one fold, by name.
std::vector<std::pair<std::string, double>> foldMetrics(bool classify, const Eigen::VectorXd& truth,
                                                        const Eigen::VectorXd& predicted,
                                                        int classes) {
    if (classify)
        return {{"accuracy", ml::accuracy(truth, predicted)},
                {"balanced_accuracy", ml::balancedAccuracy(truth, predicted, classes)},
                {"f1_macro", ml::f1Score(truth, predicted, ml::Average::Macro, classes)}};
    return {{"r2", ml::r2Score(truth, predicted)},
            {"rmse", ml::rootMeanSquaredError(truth, predicted)},
            {"mae", ml::meanAbsoluteError(truth, predicted)}};
}

}  // namespace

CrossValidateNode::CrossValidateNode()
    : NodeType({"evaluate.cross_validate",
                "Cross-validate",
                NodeCategory::Evaluate,
                "Compares up to four learners on the same k folds: mean and spread of each "
                "metric, fold by fold.",
                cvInputs(),
                {{"results", PortType::Results, "Comparison", true,
                  "One row per learner and metric: mean, std and each fold."}},
                {columnParam("target", "Target column",
                             "The column to predict; empty uses the Target-role column.", true),
                 intParam("folds", "Folds", 5, 2, 50, "How many parts the rows are split into."),
                 boolParam("stratified", "Stratified", true,
                           "Keep class proportions in every fold (classification only)."),
                 boolParam("shuffle", "Shuffle", false, "Shuffle rows before splitting."),
                 intParam("seed", "Seed", 0, 0, {}, "Seed of the shuffle.")}}) {}

PortValues CrossValidateNode::run(const PortValues& inputs, const nlohmann::json& params,
                                  RunContext& context) const {
    const TablePtr table = inputTable(inputs, "table");
    std::vector<const LearnerValue*> learners;
    for (int k = 1; k <= kLearnerInputs; ++k)
        if (const LearnerValue* l = inputLearner(inputs, learnerPort(k), k == 1))
            learners.push_back(l);
    const bool classify = learners.front()->learner->task() == ml::Task::Classification;
    for (const auto* l : learners) {
        const auto task = l->learner->task();
        if (task != ml::Task::Classification && task != ml::Task::Regression)
            throw NodeError(l->title + " cannot be cross-validated: it has no target to score");
        if ((task == ml::Task::Classification) != classify)
            throw NodeError("cannot compare classifiers with regressors in one cross-validation");
    }
    const std::string target = targetColumnOf(*table, params.value("target", ""));
    const int folds = params.value("folds", 5);
    const bool shuffle = params.value("shuffle", false);
    const auto seed = static_cast<std::uint64_t>(params.value("seed", 0));
    try {
        const ml::LabelledData data = ml::labelledData(*table, target, classify);
        const int classes = data.labels ? data.labels->classCount() : 0;
        const auto splits = classify && params.value("stratified", true)
                                ? ml::stratifiedKFold(data.y, folds, shuffle, seed)
                                : ml::kFold(data.y.size(), folds, shuffle, seed);
        std::vector<std::string> learnerCol, metricCol;
        std::vector<double> meanCol, stdCol;
        std::vector<std::vector<double>> foldCols(static_cast<std::size_t>(folds));
        auto r = std::make_shared<Results>();
        r->kind = ResultKind::CrossValidation;
        r->task = classify ? "classification" : "regression";
        const double total = static_cast<double>(learners.size() * splits.size());
        double done = 0;
        for (const auto* l : learners) {
            std::map<std::string, std::vector<double>> perMetric;
            std::vector<std::string> order;
            for (const auto& s : splits) {
                context.fit.throwIfCancelled();
                ml::FitContext foldContext = context.fit;
                foldContext.onProgress = nullptr;
                foldContext.onMetric = nullptr;  // fold curves would interleave in one chart
                const auto model = l->learner->fit(ml::takeRows(data.X, s.train),
                                                   ml::takeRows(data.y, s.train), foldContext);
                const Eigen::VectorXd predicted = model->predict(ml::takeRows(data.X, s.test));
                for (const auto& [name, v] :
                     foldMetrics(classify, ml::takeRows(data.y, s.test), predicted, classes)) {
                    if (!perMetric.count(name))
                        order.push_back(name);
                    perMetric[name].push_back(v);
                }
                context.fit.progress(++done / total);
            }
            for (const auto& name : order) {
                const auto& v = perMetric[name];
                double mean = 0, ss = 0;
                for (double x : v)
                    mean += x;
                mean /= static_cast<double>(v.size());
                for (double x : v)
                    ss += (x - mean) * (x - mean);
                learnerCol.push_back(l->title);
                metricCol.push_back(name);
                meanCol.push_back(mean);
                stdCol.push_back(std::sqrt(ss / static_cast<double>(v.size())));
                for (std::size_t f = 0; f < v.size(); ++f)
                    foldCols[f].push_back(v[f]);
                r->metrics[l->title + " " + name] = mean;
            }
        }
        std::vector<Column> cols = {Column::text("learner", learnerCol, {}, ColumnRole::Feature),
                                    Column::text("metric", metricCol, {}, ColumnRole::Feature),
                                    Column::numeric("mean", meanCol),
                                    Column::numeric("std", stdCol)};
        for (std::size_t f = 0; f < foldCols.size(); ++f)
            cols.push_back(Column::numeric("fold " + std::to_string(f + 1), foldCols[f]));
        r->table = Table::make(std::move(cols));
        return {{"results", ResultsValue(r)}};
    } catch (const ml::MisuseError& e) {
        throw NodeError(e.what());
    }
}

std::optional<std::string> CrossValidateNode::python(const PythonContext& c) const {
    std::string learners;
    for (const auto& port : info().inputs) {
        if (port.type != PortType::Learner)
            continue;
        const auto var = c.input(port.name);
        if (!var)
            continue;
        const std::string source = c.sourceTypeOf(port.name);
        const ml::LearnerSpec* spec =
            ml::MlRegistry::instance().spec(source.substr(source.find('.') + 1));
        learners += (learners.empty() ? "" : ",\n     ") + std::string("(") +
                    python_export::pyString(spec ? spec->displayName : source) + ", " + *var + ")";
    }
    const std::string var = c.output("results");
    return var + " = cross_validate(\n    " + *c.input("table") +
           ", target_name=" + python_export::pyString(c.text("target")) + ",\n    learners=[" +
           learners + "],\n    folds=" + c.literal("folds") +
           ", stratified=" + c.literal("stratified") + ", shuffle=" + c.literal("shuffle") +
           ", seed=" + c.literal("seed") + ")\n" + c.reportAll(var);
}

std::unique_ptr<NodeType> makeCrossValidateNode() {
    return std::make_unique<CrossValidateNode>();
}

}  // namespace sluice
