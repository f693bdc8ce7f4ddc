// The element-wise parts of a dense network: hidden activations, the output
// layer's function and the loss it is paired with.
//
// Activations hold one sample per column (units x batch). Each output
// function is paired with the loss whose gradient with respect to the
// pre-activation is simply (output - target), as in scikit-learn:
//   Identity + squared error / 2   (regression)
//   Logistic + binary log loss     (two classes, one output unit)
//   Softmax  + cross-entropy       (three or more classes)
// Targets are one row of values (regression) or class indices (classifiers).
#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>

namespace sluice::ml {

enum class Activation { Identity, Logistic, Tanh, Relu };
enum class OutputKind { Identity, Logistic, Softmax };

std::string_view activationName(Activation a);
// "identity", "logistic", "tanh" or "relu"; anything else throws MisuseError.
Activation activationFromName(std::string_view who, const std::string& name);
std::string_view outputName(OutputKind o);
OutputKind outputFromName(const std::string& name);

using MatrixRef = Eigen::Ref<Eigen::MatrixXd>;
using ConstMatrixRef = Eigen::Ref<const Eigen::MatrixXd>;
using ConstRowRef = Eigen::Ref<const Eigen::RowVectorXd>;

// z <- f(z + bias), in place (bias added to every column).
void activate(Activation a, const Eigen::VectorXd& bias, MatrixRef z);
// delta <- delta * f'(z), with f' written in terms of the activated a = f(z)
// (so the pre-activations need not be kept).
void multiplyByDerivative(Activation a, const ConstMatrixRef& activated, MatrixRef delta);

// z <- output function of (z + bias), in place (softmax per column).
void activateOutput(OutputKind o, const Eigen::VectorXd& bias, MatrixRef z);
// Mean loss over the columns of `out` (already through activateOutput).
// Probabilities are clipped to [eps, 1 - eps] as scikit-learn does.
double meanLoss(OutputKind o, const ConstMatrixRef& out, const ConstRowRef& targets);
// delta <- out - target encoding: the loss gradient w.r.t. pre-activations,
// per sample (not yet divided by the batch size).
void outputDelta(OutputKind o, const ConstMatrixRef& out, const ConstRowRef& targets,
                 MatrixRef delta);

}  // namespace sluice::ml
