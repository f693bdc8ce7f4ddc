// Regression and clustering metrics, with scikit-learn's definitions.
#pragma once

#include <Eigen/Core>

namespace sluice::ml {

// 1 - SS_res / SS_tot; 1.0 for a perfect fit; for a constant y_true, 1 when
// the fit is perfect and 0 otherwise (as scikit-learn).
double r2Score(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred);
double meanSquaredError(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred);
double rootMeanSquaredError(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred);
double meanAbsoluteError(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred);

// Sum of squared distances of samples to their cluster's centre (rows of
// centers, indexed by labels).
double inertia(const Eigen::MatrixXd& X, const Eigen::VectorXd& labels,
               const Eigen::MatrixXd& centers);
// Mean silhouette coefficient with Euclidean distances (O(n^2) time, O(n)
// memory); samples alone in their cluster score 0.
double silhouetteScore(const Eigen::MatrixXd& X, const Eigen::VectorXd& labels);

}  // namespace sluice::ml
