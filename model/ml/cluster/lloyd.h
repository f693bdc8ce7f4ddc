// Lloyd's k-means iterations, as scikit-learn's "lloyd" algorithm:
// assign every row to its nearest centre (distances through an Eigen
// product, ||c||^2 - 2 x.c, in cache-sized chunks of rows), move every
// centre to the mean of its rows (an empty cluster takes the row farthest
// from its centre), and stop when the assignment no longer changes or the
// total squared centre shift is at most `tol` (already scaled to the data).
// A final assignment to the last centres fixes labels and inertia.
#pragma once

#include <functional>

#include "ml/cluster/kmeans_init.h"
#include "ml/core/fit_context.h"

namespace sluice::ml {

struct LloydResult {
    KMeansRows centers;
    Eigen::VectorXi labels;
    double inertia = 0.0;
    int iterations = 0;
    bool converged = false;
};

// onIteration(iteration (1-based), inertia of that iteration's assignment
// to the centres it started from): non-increasing from one iteration to
// the next. Checks context's cancellation flag every iteration.
LloydResult runLloyd(const KMeansRows& X, KMeansRows centers, int maxIter, double tol,
                     const FitContext& context,
                     const std::function<void(int, double)>& onIteration = {});

}  // namespace sluice::ml
