// Input checks every learner and model runs first, with messages that say
// what to do. All throw MisuseError.
#pragma once

#include <Eigen/Core>
#include <string_view>

namespace sluice::ml {

// X non-empty, finite; y (unless empty is allowed) of X.rows() finite values.
void checkFitInput(std::string_view learner, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                   bool needsTargets = true);

// y holds class indices 0..K-1 with at least two distinct classes; returns K.
int checkClassTargets(std::string_view learner, const Eigen::VectorXd& y);

// X has the fitted column count and finite values.
void checkPredictInput(std::string_view model, const Eigen::MatrixXd& X, Eigen::Index features);

}  // namespace sluice::ml
