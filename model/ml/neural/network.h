// Network: the weights of a fully connected feed-forward network and its
// forward pass.
//
// Layer l maps units_{l-1} inputs to units_l outputs: a = f(W_l a + b_l),
// with W_l of shape units_l x units_{l-1} (one sample per column). Hidden
// layers share one activation; the last layer applies the output function
// (see layers.h). A network without hidden layers is a linear (identity
// output) or logistic / softmax model.
#pragma once

#include <Eigen/Core>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/random.h"
#include "ml/neural/layers.h"

namespace sluice::ml {

// Per-layer weight matrices and bias vectors; also the shape of gradients
// and of the optimizer's moment estimates.
struct Parameters {
    std::vector<Eigen::MatrixXd> weights;
    std::vector<Eigen::VectorXd> biases;

    // Same shapes as `like`, all zeros.
    static Parameters zerosLike(const Parameters& like);
    double weightSquaredNorm() const;  // sum of ||W_l||^2 (biases excluded)
};

struct Network {
    Activation hidden = Activation::Relu;
    OutputKind output = OutputKind::Identity;
    Parameters params;

    Eigen::Index layerCount() const { return static_cast<Eigen::Index>(params.weights.size()); }
    Eigen::Index inputCount() const { return params.weights.front().cols(); }
    Eigen::Index outputCount() const { return params.weights.back().rows(); }

    // Glorot-uniform initialisation as scikit-learn's: weights and biases of
    // each layer uniform in +-sqrt(k / (fan_in + fan_out)), k = 2 for a
    // logistic hidden activation and 6 otherwise.
    static Network glorot(Eigen::Index inputs, const std::vector<int>& hiddenSizes,
                          Eigen::Index outputs, Activation hidden, OutputKind output, Rng& rng);

    // Output-layer activations (probabilities or values), one row per row
    // of X (n x outputCount()).
    Eigen::MatrixXd forward(const Eigen::MatrixXd& X) const;

    nlohmann::json toJson() const;
    static Network fromJson(const nlohmann::json& j);
};

}  // namespace sluice::ml
