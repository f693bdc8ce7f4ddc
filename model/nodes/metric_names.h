// How a metric is named for people. Nodes and learners key their metrics in
// snake_case ("f1_macro", "roc_auc", "train_loss") because files, the
// command line and Python export need stable keys; everything a person reads
// in the app (result pages, charts, the sweep table) shows metricDisplayName
// instead: "F1 (macro)", "ROC AUC", "Training loss".
//
// Contract: known words get their usual spelling (acronyms upper-case, R²,
// "macro"/"micro"/"weighted" as a parenthesised average), anything else is
// the key with spaces for underscores and a capital first letter, so a new
// metric is readable without an entry here. What follows the first space
// ("auc no_churn", "auc logistic: malignant") names a class or a model and
// is kept as it is. Never throws.
#pragma once

#include <string>
#include <string_view>

namespace sluice {

std::string metricDisplayName(std::string_view key);

}  // namespace sluice
