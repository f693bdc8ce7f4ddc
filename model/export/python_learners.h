// The scikit-learn estimator that stands for each Sluice learner, with the
// same hyperparameters.
//
// Contract: `params` is the learner's own canonical params() JSON (every
// hyperparameter present, values as the learner stores them). Every
// hyperparameter must have a mapping: a learner kind without a
// scikit-learn counterpart, or a hyperparameter this table does not know,
// throws PythonExportError naming both, so a new learner option can never
// be silently dropped from an export. Conversions: 0 that means
// "unlimited" becomes None (max_depth, max_leaf_nodes), max_features 0
// ("all") becomes None, class_weight "none" becomes None, lists become
// tuples (hidden_layer_sizes).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice::python_export {

struct SklearnEstimator {
    std::string module;       // "sklearn.linear_model"
    std::string className;    // "LogisticRegression"
    std::string constructor;  // "LogisticRegression(C=1.0, fit_intercept=True, ...)"
    // Where the two implementations differ beyond their parameters: one
    // sentence each, written into the script as comments.
    std::vector<std::string> notes;
};

SklearnEstimator sklearnEstimator(const std::string& kind, const nlohmann::json& params);

}  // namespace sluice::python_export
