// The losses gradient boosting minimises, on raw predictions (one column
// per tree output: 1 for regression and binary, K for K > 2 classes).
//
// - Squared error: gradient raw - y, hessian 1 (half squared error, as
//   scikit-learn); the reported loss is the mean squared error.
// - Binary log loss: p = sigmoid(raw), gradient p - y, hessian p (1 - p).
// - Multinomial log loss: p = softmax(raw row), gradient p_k - [y == k],
//   hessian p_k (1 - p_k), one tree per class per round.
// Baselines (raw predictions before any tree): the mean, the log-odds of
// the positive rate, and the log class priors centred to mean zero; rates
// are clipped to [eps, 1 - eps] so a missing class stays finite.
#pragma once

#include <Eigen/Core>

namespace sluice::ml {

enum class GbtLoss { SquaredError, BinaryLogLoss, MultinomialLogLoss };

// Trees per round.
int lossOutputs(GbtLoss loss, int classes);

Eigen::VectorXd lossBaseline(GbtLoss loss, const Eigen::VectorXd& y, int classes);

// raw: n x outputs. gradients / hessians: n * outputs floats, output k's at
// [k * n, (k + 1) * n). Squared error leaves hessians untouched. Returns
// meanLoss(loss, y, raw), which needs the same probabilities.
double lossGradients(GbtLoss loss, const Eigen::VectorXd& y, const Eigen::MatrixXd& raw,
                     float* gradients, float* hessians);

// Mean loss over the rows.
double meanLoss(GbtLoss loss, const Eigen::VectorXd& y, const Eigen::MatrixXd& raw);

// Probabilities from raw predictions: n x 2 for binary, n x K softmax.
Eigen::MatrixXd lossProbabilities(GbtLoss loss, const Eigen::MatrixXd& raw);

// Per-row binary log loss and its derivatives in raw, exposed for tests.
double binaryLogLoss(double y, double raw);
struct LossDerivatives {
    double gradient;
    double hessian;
};
LossDerivatives binaryLogLossDerivatives(double y, double raw);

}  // namespace sluice::ml
