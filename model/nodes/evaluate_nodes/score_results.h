// Builds Results from predictions: every metric that fits the task, the
// confusion matrix and, with probabilities, ROC curves (one per class; one
// for the positive class of a binary problem).
#pragma once

#include "nodes/evaluate_nodes/prediction_columns.h"
#include "nodes/results.h"

namespace sluice {

Results classificationResults(const ClassPredictions& p);
Results regressionResults(const ValuePredictions& p);
// ROC curves only; NodeError when the table has no probability columns.
std::vector<Curve> rocCurves(const ClassPredictions& p);
// Precision-recall curves, one per class as rocCurves (same names); area is
// the average precision (sum over thresholds of recall gain x precision, as
// scikit-learn's average_precision_score). Empty without probabilities.
std::vector<Curve> precisionRecallCurves(const ClassPredictions& p);

}  // namespace sluice
