// Adam (Kingma & Ba, 2015) as scikit-learn's MLP applies it: one step per
// mini-batch, with the bias correction folded into the step size,
//   lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t),
//   p -= lr_t * m / (sqrt(v) + epsilon).
#pragma once

#include "ml/neural/network.h"

namespace sluice::ml {

struct AdamSettings {
    double learningRate = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
};

class Adam {
public:
    Adam(const Parameters& like, AdamSettings settings);
    void step(Parameters& params, const Parameters& grad);

private:
    AdamSettings s_;
    Parameters m_, v_;
    long long t_ = 0;
};

}  // namespace sluice::ml
