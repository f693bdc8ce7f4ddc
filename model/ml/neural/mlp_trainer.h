// trainNetwork: mini-batch Adam training of a Network, with scikit-learn's
// MLP schedule and stopping rule.
//
// Each epoch visits the rows in an order reshuffled with the seeded Rng
// (when shuffle is on), in batches of min(batch_size, n); the epoch's
// training loss is the row-weighted mean of the batch losses (L2 term
// included), reported as metric "train_loss". Stopping, per epoch:
// - without early stopping: the training loss did not fall below the best
//   so far minus tol for more than n_iter_no_change epochs;
// - with early stopping: validation_fraction of the rows (stratified for
//   classifiers) are held out; their score (accuracy or R^2) did not rise
//   above the best plus tol for more than n_iter_no_change epochs; the
//   weights of the best-scoring epoch are kept. "validation_loss" and
//   "validation_score" are reported every epoch.
// Reaching max_iter first, or a loss that stops being finite, is reported in
// the status (converged = false, with a warning). The cancellation flag is
// polled every batch. Training runs on one thread, so the result depends
// only on the data, the options and the seed.
#pragma once

#include <string_view>

#include "ml/core/fit_context.h"
#include "ml/core/fit_status.h"
#include "ml/neural/mlp_options.h"
#include "ml/neural/network.h"

namespace sluice::ml {

struct TrainedNetwork {
    Network network;
    FitStatus status;
};

// y: class indices for Logistic / Softmax outputs (`outputs` units), values
// for Identity. Inputs are assumed checked.
TrainedNetwork trainNetwork(std::string_view who, const MlpOptions& options,
                            const Eigen::MatrixXd& X, const Eigen::VectorXd& y, OutputKind output,
                            Eigen::Index outputs, const FitContext& context);

}  // namespace sluice::ml
