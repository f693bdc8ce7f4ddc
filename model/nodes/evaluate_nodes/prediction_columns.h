// How predictions travel in tables: the Predict node appends a "prediction"
// column (categorical labels for classifiers, numbers otherwise) and, for
// classifiers, one "p(<label>)" probability column per class; all Meta role
// so later training does not take them as features. The Score, Confusion
// matrix and ROC nodes read them back with these helpers.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "data/table.h"

namespace sluice {

inline const std::string kPredictionColumn = "prediction";
std::string probabilityColumn(const std::string& label);

// True labels and predictions of a classification predictions table, as
// class indices over `labels` (the prediction column's levels, then any
// true label the model never predicts).
struct ClassPredictions {
    std::vector<std::string> labels;
    Eigen::VectorXd truth, predicted;
    Eigen::MatrixXd proba;  // rows x labels, or empty without p(...) columns
};

// Throws NodeError naming what is missing. Rows whose truth is missing are
// skipped (they cannot be scored).
ClassPredictions classPredictions(const Table& predictions, const std::string& target);

struct ValuePredictions {
    Eigen::VectorXd truth, predicted;
};
ValuePredictions valuePredictions(const Table& predictions, const std::string& target);

// Whether the predictions table holds class labels (categorical prediction).
bool isClassification(const Table& predictions);

}  // namespace sluice
