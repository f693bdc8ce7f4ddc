// Helpers for ML tests: the bundled datasets as matrices, cross-validated
// scores computed the way the scikit-learn comparison script computes them,
// and small synthetic problems with known answers.
#pragma once

#include <cmath>
#include <cstdio>

#include <Eigen/Core>
#include <string>

#include "ml/core/model.h"

namespace sluice::ml::testing {

struct Dataset {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;  // class indices (classification) or values (regression)
    int classes = 0;    // 0 for regression
};

// resources/datasets/<file>: every column but the last is a feature; the
// last is the target (categorical -> class indices in level order).
Dataset loadDataset(const std::string& file);

// Mean score over 5 folds: stratified folds and accuracy for classifiers,
// KFold and R^2 for regressors (scikit-learn's folds, unshuffled). With
// standardize, each training fold's mean and standard deviation scale both
// sides of the split (StandardScaler in a pipeline).
double crossValScore(const Learner& learner, const Dataset& data, bool standardize, int folds = 5);

// Standardizes `apply` with the column means and standard deviations of
// `fit` (a zero deviation leaves the column centred only).
Eigen::MatrixXd standardize(const Eigen::MatrixXd& fit, const Eigen::MatrixXd& apply);

// Two Gaussian blobs in `dims` dimensions, `n` rows, classes 0/1 alternating,
// centres `separation` apart along every axis.
Dataset blobs(int n, int dims, double separation, std::uint64_t seed);

// Whether a score is within `tolerance` of scikit-learn's, from both sides
// (a score too good is as wrong as one too poor); prints both when not.
inline bool nearSklearn(double ours, double sklearn, double tolerance, const char* what) {
    const bool near = std::abs(ours - sklearn) <= tolerance;
    if (!near)
        std::fprintf(stderr, "%s: %.6f, scikit-learn %.6f (tolerance %g)\n", what, ours, sklearn,
                     tolerance);
    return near;
}

}  // namespace sluice::ml::testing
