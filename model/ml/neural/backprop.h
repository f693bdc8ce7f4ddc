// Backprop: loss and gradient of a Network on one mini-batch, with buffers
// allocated once for the largest batch so the training loop allocates
// nothing.
//
// For a batch of b samples (one per column of `input`), the loss is
//   mean data loss (layers.h) + alpha / (2 b) * sum_l ||W_l||^2
// and the gradient, as scikit-learn's:
//   dW_l = (delta_l a_{l-1}^T + alpha W_l) / b,   db_l = mean of delta_l,
// where delta_L = output - target and
//   delta_{l-1} = (W_l^T delta_l) * f'(a_{l-1}).
#pragma once

#include <vector>

#include "ml/neural/network.h"

namespace sluice::ml {

class Backprop {
public:
    Backprop(const Network& shape, Eigen::Index maxBatch);

    // input: net.inputCount() x b, b <= maxBatch; targets: b values.
    // `grad` must have the network's shapes (Parameters::zerosLike).
    double lossAndGradient(const Network& net, const ConstMatrixRef& input,
                           const ConstRowRef& targets, double alpha, Parameters& grad);

private:
    std::vector<Eigen::MatrixXd> act_;    // output of layer l, units_l x maxBatch
    std::vector<Eigen::MatrixXd> delta_;  // dLoss/dz of layer l, same shape
};

}  // namespace sluice::ml
