// Cyclic coordinate descent for the elastic-net problem on centred data:
//
//   min_w  1/(2n) ||y - X w||^2 + l1 ||w||_1 + l2/2 ||w||^2
//
// (scikit-learn's objective with l1 = alpha * l1_ratio and
// l2 = alpha * (1 - l1_ratio)). Each sweep visits the coordinates in order
// and sets w_j to its exact minimiser given the others (a soft threshold).
//
// Stopping rule, as scikit-learn's: after a sweep whose largest coefficient
// change is below tol times the largest coefficient, compute the duality gap
// of the problem; stop when gap <= tol * ||y||^2 (both in the n-times-scaled
// units in which the gap is computed). The gap bounds the distance of the
// objective to its optimum, so a small gap is a certificate, not a guess.
//
// Two equivalent engines: with many more rows than columns the sweeps run on
// the Gram matrix X^T X (p x p, built once), otherwise on a residual vector
// updated in place. Both are deterministic and single-threaded.
//
// context: throwIfCancelled between coordinates and sweeps; progress per
// sweep; metric("objective", sweep, value) after every sweep.
#pragma once

#include <Eigen/Core>

#include "ml/core/fit_context.h"

namespace sluice::ml {

struct ElasticNetPenalty {
    double l1 = 0.0;  // alpha * l1_ratio
    double l2 = 0.0;  // alpha * (1 - l1_ratio)
};

struct CoordinateDescentResult {
    Eigen::VectorXd w;
    int sweeps = 0;
    bool converged = false;
    double gap = 0.0;        // last duality gap computed (n-times scaled)
    double tolerance = 0.0;  // tol * ||y||^2, what the gap had to reach
    double objective = 0.0;  // the objective above at w, from the exact residual
};

// X (n x p) and y (n) centred already when an intercept is fitted.
CoordinateDescentResult elasticNetCoordinateDescent(const Eigen::MatrixXd& X,
                                                    const Eigen::VectorXd& y,
                                                    ElasticNetPenalty penalty, int maxIter,
                                                    double tol, const FitContext& context);

}  // namespace sluice::ml
