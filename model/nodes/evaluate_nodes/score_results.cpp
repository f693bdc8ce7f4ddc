#include "nodes/evaluate_nodes/score_results.h"

#include "ml/core/ml_errors.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "nodes/node_type.h"
#include "nodes/results.h"

namespace sluice {

std::vector<Curve> rocCurves(const ClassPredictions& p) {
    if (p.proba.size() == 0)
        throw NodeError(
            "ROC curves need class probabilities: predict with a classifier that gives "
            "them (the p(...) columns)");
    const auto k = static_cast<Eigen::Index>(p.labels.size());
    std::vector<Curve> curves;
    // A binary problem has one curve: the second class against the first.
    for (Eigen::Index c = (k == 2 ? 1 : 0); c < k; ++c) {
        const Eigen::VectorXd positive = (p.truth.array() == static_cast<double>(c)).cast<double>();
        if (positive.sum() == 0 || positive.sum() == positive.size())
            continue;  // undefined
        const auto roc = ml::rocCurve(positive, p.proba.col(c));
        const std::string& label = p.labels[static_cast<std::size_t>(c)];
        curves.push_back({k == 2 ? label : label + " vs rest", roc.fpr, roc.tpr, roc.auc});
    }
    return curves;
}

std::vector<Curve> precisionRecallCurves(const ClassPredictions& p) {
    std::vector<Curve> curves;
    if (p.proba.size() == 0)
        return curves;
    const auto k = static_cast<Eigen::Index>(p.labels.size());
    for (Eigen::Index c = (k == 2 ? 1 : 0); c < k; ++c) {
        const Eigen::VectorXd positive = (p.truth.array() == static_cast<double>(c)).cast<double>();
        if (positive.sum() == 0)
            continue;  // undefined
        const auto pr = ml::precisionRecallCurve(positive, p.proba.col(c));
        // The curve starts at recall 0 with precision 1, so plots begin at
        // the left edge; average precision steps through the real points.
        const Eigen::Index n = pr.recall.size();
        Curve curve;
        const std::string& label = p.labels[static_cast<std::size_t>(c)];
        curve.name = k == 2 ? label : label + " vs rest";
        curve.x.resize(n + 1);
        curve.y.resize(n + 1);
        curve.x(0) = 0.0;
        curve.y(0) = 1.0;
        double ap = 0.0, previousRecall = 0.0;
        for (Eigen::Index i = 0; i < n; ++i) {
            curve.x(i + 1) = pr.recall(i);
            curve.y(i + 1) = pr.precision(i);
            ap += (pr.recall(i) - previousRecall) * pr.precision(i);
            previousRecall = pr.recall(i);
        }
        curve.area = ap;
        curves.push_back(std::move(curve));
    }
    return curves;
}

Results classificationResults(const ClassPredictions& p) {
    Results r;
    r.kind = ResultKind::Scores;
    r.task = "classification";
    r.labels = p.labels;
    const int k = static_cast<int>(p.labels.size());
    r.matrix = ml::confusionMatrix(p.truth, p.predicted, k).cast<double>();
    r.metrics["accuracy"] = ml::accuracy(p.truth, p.predicted);
    r.metrics["balanced_accuracy"] = ml::balancedAccuracy(p.truth, p.predicted, k);
    const std::pair<const char*, ml::Average> averages[] = {{"macro", ml::Average::Macro},
                                                            {"micro", ml::Average::Micro},
                                                            {"weighted", ml::Average::Weighted}};
    for (const auto& [name, avg] : averages) {
        r.metrics[std::string("precision_") + name] = ml::precision(p.truth, p.predicted, avg, k);
        r.metrics[std::string("recall_") + name] = ml::recall(p.truth, p.predicted, avg, k);
        r.metrics[std::string("f1_") + name] = ml::f1Score(p.truth, p.predicted, avg, k);
    }
    if (p.proba.size() > 0) {
        r.metrics["log_loss"] = ml::logLoss(p.truth, p.proba);
        try {
            r.curves = rocCurves(p);
            if (k == 2 && !r.curves.empty()) {
                r.metrics["roc_auc"] = r.curves.front().area;
            } else if (static_cast<int>(r.curves.size()) == k) {
                r.metrics["roc_auc"] = ml::rocAuc(p.truth, p.proba);
            }
        } catch (const ml::MisuseError&) {
            // a class absent from the truth: no AUC, the other metrics stand
        }
        r.precisionRecall = precisionRecallCurves(p);
    }
    return r;
}

Results regressionResults(const ValuePredictions& p) {
    Results r;
    r.kind = ResultKind::Scores;
    r.task = "regression";
    r.metrics["r2"] = ml::r2Score(p.truth, p.predicted);
    r.metrics["mse"] = ml::meanSquaredError(p.truth, p.predicted);
    r.metrics["rmse"] = ml::rootMeanSquaredError(p.truth, p.predicted);
    r.metrics["mae"] = ml::meanAbsoluteError(p.truth, p.predicted);
    r.table =
        Table::make({Column::numeric("actual", std::vector<double>(p.truth.begin(), p.truth.end())),
                     Column::numeric("predicted",
                                     std::vector<double>(p.predicted.begin(), p.predicted.end()))});
    return r;
}

}  // namespace sluice
