#include "ml/core/validation.h"

#include <cmath>
#include <string>
#include <vector>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

void requireFinite(std::string_view who, const Eigen::MatrixXd& X) {
    if (X.allFinite())
        return;
    for (Eigen::Index j = 0; j < X.cols(); ++j)
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            if (!std::isfinite(X(i, j)))
                throw MisuseError(std::string(who) + ": the input has " +
                                  (std::isnan(X(i, j)) ? "a missing value" : "an infinite value") +
                                  " at row " + std::to_string(i + 1) + ", column " +
                                  std::to_string(j + 1) +
                                  "; impute or drop missing values before training");
}

}  // namespace

void checkFitInput(std::string_view learner, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                   bool needsTargets) {
    const std::string who(learner);
    if (X.rows() == 0)
        throw MisuseError(who + ": cannot train on an empty table (no rows)");
    if (X.cols() == 0)
        throw MisuseError(who + ": cannot train without feature columns");
    requireFinite(learner, X);
    if (!needsTargets && y.size() == 0)
        return;
    if (y.size() != X.rows())
        throw MisuseError(who + ": " + std::to_string(X.rows()) + " rows of features but " +
                          std::to_string(y.size()) + " target values; they must match");
    for (Eigen::Index i = 0; i < y.size(); ++i)
        if (!std::isfinite(y(i)))
            throw MisuseError(who + ": the target is missing or infinite at row " +
                              std::to_string(i + 1) + "; drop those rows before training");
}

int checkClassTargets(std::string_view learner, const Eigen::VectorXd& y) {
    const std::string who(learner);
    int classes = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        const double v = y(i);
        if (v < 0 || v != std::floor(v) || v > 1e6)
            throw MisuseError(who + ": targets must be class indices 0, 1, 2, ... (found " +
                              std::to_string(v) + " at row " + std::to_string(i + 1) +
                              "); encode the labels first");
        classes = std::max(classes, static_cast<int>(v) + 1);
    }
    std::vector<bool> seen(static_cast<std::size_t>(classes), false);
    int distinct = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
        auto c = static_cast<std::size_t>(y(i));
        if (!seen[c]) {
            seen[c] = true;
            ++distinct;
        }
    }
    if (distinct < 2)
        throw MisuseError(who +
                          ": the target has only one class; a classifier needs at least "
                          "two (check the filter or the split)");
    return classes;
}

void checkPredictInput(std::string_view model, const Eigen::MatrixXd& X, Eigen::Index features) {
    if (X.cols() != features)
        throw MisuseError(std::string(model) + ": the model was trained on " +
                          std::to_string(features) + " feature columns but got " +
                          std::to_string(X.cols()) + "; give it the same columns");
    requireFinite(model, X);
}

}  // namespace sluice::ml
