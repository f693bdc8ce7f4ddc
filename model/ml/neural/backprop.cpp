#include "ml/neural/backprop.h"

namespace sluice::ml {

Backprop::Backprop(const Network& shape, Eigen::Index maxBatch) {
    for (const auto& w : shape.params.weights) {
        act_.emplace_back(w.rows(), maxBatch);
        delta_.emplace_back(w.rows(), maxBatch);
    }
}

double Backprop::lossAndGradient(const Network& net, const ConstMatrixRef& input,
                                 const ConstRowRef& targets, double alpha, Parameters& grad) {
    const Eigen::Index layers = net.layerCount();
    const Eigen::Index b = input.cols();
    const auto& W = net.params.weights;

    for (Eigen::Index l = 0; l < layers; ++l) {
        auto out = act_[l].leftCols(b);
        if (l == 0)
            out.noalias() = W[l] * input;
        else
            out.noalias() = W[l] * act_[l - 1].leftCols(b);
        if (l + 1 < layers)
            activate(net.hidden, net.params.biases[l], out);
        else
            activateOutput(net.output, net.params.biases[l], out);
    }

    const auto output = act_[layers - 1].leftCols(b);
    const double scale = 1.0 / static_cast<double>(b);
    const double loss = meanLoss(net.output, output, targets) +
                        0.5 * alpha * net.params.weightSquaredNorm() * scale;

    outputDelta(net.output, output, targets, delta_[layers - 1].leftCols(b));
    for (Eigen::Index l = layers - 1; l >= 0; --l) {
        const auto delta = delta_[l].leftCols(b);
        if (l == 0)
            grad.weights[l].noalias() = scale * (delta * input.transpose());
        else
            grad.weights[l].noalias() = scale * (delta * act_[l - 1].leftCols(b).transpose());
        grad.weights[l] += (alpha * scale) * W[l];
        grad.biases[l].noalias() = scale * delta.rowwise().sum();
        if (l > 0) {
            auto below = delta_[l - 1].leftCols(b);
            below.noalias() = W[l].transpose() * delta;
            multiplyByDerivative(net.hidden, act_[l - 1].leftCols(b), below);
        }
    }
    return loss;
}

}  // namespace sluice::ml
