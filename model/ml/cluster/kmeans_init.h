// k-means++ seeding, the greedy variant scikit-learn uses: the first centre
// is a uniformly drawn row; each next centre is the best (lowest resulting
// inertia) of 2 + floor(ln k) rows drawn with probability proportional to
// their squared distance to the nearest centre chosen so far.
#pragma once

#include <Eigen/Core>

#include "ml/core/random.h"

namespace sluice::ml {

using KMeansRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// k x p initial centres (rows of X); 1 <= k <= X.rows().
KMeansRows kmeansPlusPlus(const KMeansRows& X, int k, Rng& rng);

// Squared Euclidean distance of two rows of p values.
double squaredDistance(const double* a, const double* b, Eigen::Index p);

}  // namespace sluice::ml
