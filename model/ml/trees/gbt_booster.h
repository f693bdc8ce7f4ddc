// boostTrees: the boosting loop shared by the gradient-boosting classifier
// and regressor.
//
// 1. With early stopping, hold out validationFraction of the rows
//    (stratified when `classes` > 0, seeded with randomState).
// 2. Bin the training rows once (BinMapper) and start every raw prediction
//    at the loss's baseline.
// 3. Each round: gradients and hessians of the loss at the current raw
//    predictions, then one tree per output grown on them (TreeGrower) and
//    added to the raw predictions of the training (and validation) rows.
//    Reports "train_loss" (and "validation_loss") per round, step = round
//    number from 1, and checks for cancellation before every tree.
// 4. Early stopping ends the loop once none of the last nIterNoChange
//    validation losses beats the one before them by more than tol (the
//    baseline counts as round 0, as in scikit-learn). All grown rounds are
//    kept.
// Inputs are checked by the caller; parameters are validated here.
#pragma once

#include <string_view>

#include "ml/core/fit_context.h"
#include "ml/core/fit_status.h"
#include "ml/trees/gbt_ensemble.h"
#include "ml/trees/gbt_loss.h"
#include "ml/trees/gbt_params.h"

namespace sluice::ml {

struct GbtFit {
    GbtEnsemble ensemble;
    Eigen::VectorXd importances;  // gain shares, summing to 1 (or all 0)
    FitStatus status;
};

// classes: 0 for regression.
GbtFit boostTrees(std::string_view learner, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                  GbtLoss loss, int classes, const GbtParams& params, const FitContext& context);

}  // namespace sluice::ml
