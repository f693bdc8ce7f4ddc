// Cross-validation of a learner over given splits.
//
// Each fold trains a fresh model on the training rows and scores it on the
// test rows: accuracy for classifiers, R^2 for regressors. With standardize,
// each fold's training rows give the means and (population) standard
// deviations that scale both sides, as a StandardScaler inside a
// scikit-learn pipeline does; nothing leaks from the test rows. Folds run one
// after another; each fit may use all the context's threads.
#pragma once

#include <vector>

#include "ml/core/model.h"
#include "ml/selection/splits.h"

namespace sluice::ml {

struct CrossValidationResult {
    std::vector<double> foldScores;
    double mean = 0.0;
    double std = 0.0;  // population spread of the fold scores
};

CrossValidationResult crossValidate(const Learner& learner, const Eigen::MatrixXd& X,
                                    const Eigen::VectorXd& y, const std::vector<Split>& splits,
                                    bool standardize = false, const FitContext& context = {});

// Column means and standard deviations of `fit` applied to `apply` (a zero
// deviation leaves the column centred only).
Eigen::MatrixXd standardizeWith(const Eigen::MatrixXd& fit, const Eigen::MatrixXd& apply);

}  // namespace sluice::ml
