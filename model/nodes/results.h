// Results: what evaluation nodes produce and result views show.
//
// One struct for every kind of result so a view can show whatever arrives:
// named metrics, a labelled matrix (confusion matrix), curves (ROC,
// precision-recall) and a detail table (cross-validation folds, feature
// importances, regression predictions). `kind` is a closed set: a new kind
// is added to ResultKind, and the compiler then points at every switch
// that must handle it (the results page in views/results/results_page.cpp).
//
// Include this header only where Results' members are used: port values
// carry a forward-declared std::shared_ptr<const Results> (port_value.h),
// so the Eigen and table headers stay out of every node's include chain.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "data/table.h"

namespace sluice {

struct Curve {
    std::string name;  // "virginica vs rest", "logistic_regression"
    Eigen::VectorXd x, y;
    double area = std::numeric_limits<double>::quiet_NaN();  // AUC where it applies
};

// One column's distribution in two data sets, bin by bin (drift results):
// the share of each side's rows in each bin (each side sums to 1).
struct Distribution {
    std::string name;               // the column
    std::vector<std::string> bins;  // "≤ 4.8", "(4.8, 5.3]", "setosa", "(missing)"
    std::vector<double> reference, current;
};

enum class ResultKind {
    Scores,           // score node: metrics, confusion matrix, curves, predictions
    ConfusionMatrix,  // confusion-matrix node
    Roc,              // ROC-curve node: one curve per model
    CrossValidation,  // one detail row per learner and fold
    Importance,       // one detail row per feature
    Drift,            // one detail row per column, with distributions
};

// "scores", "confusion_matrix", ...: stable names for logs and reports.
std::string_view resultKindName(ResultKind kind);

struct Results {
    ResultKind kind = ResultKind::Scores;
    std::string task;  // "classification", "regression", ...
    std::map<std::string, double> metrics;
    std::vector<std::string> labels;     // class labels: rows/columns of matrix
    Eigen::MatrixXd matrix;              // confusion matrix (rows true, columns predicted)
    std::vector<Curve> curves;           // ROC: x false positive rate, y true positive rate
    std::vector<Curve> precisionRecall;  // x recall, y precision; area = average precision
    TablePtr table;                      // detail rows; regression scores: "actual" and "predicted"
    std::vector<Distribution> distributions;  // drift: one per row of table (no bins when
                                              // that column was not compared)

    // "accuracy 0.95, f1_macro 0.94" for logs and tooltips.
    std::string summary() const;
};

}  // namespace sluice
