#include "ml/neural/adam.h"

#include <cmath>

namespace sluice::ml {

Adam::Adam(const Parameters& like, AdamSettings settings)
    : s_(settings), m_(Parameters::zerosLike(like)), v_(Parameters::zerosLike(like)) {}

namespace {

template <class P, class G>
void update(P& p, const G& g, P& m, P& v, const AdamSettings& s, double lr) {
    m = s.beta1 * m + (1.0 - s.beta1) * g;
    v = s.beta2 * v + (1.0 - s.beta2) * g.cwiseProduct(g);
    p.array() -= lr * m.array() / (v.array().sqrt() + s.epsilon);
}

}  // namespace

void Adam::step(Parameters& params, const Parameters& grad) {
    ++t_;
    const double t = static_cast<double>(t_);
    const double lr =
        s_.learningRate * std::sqrt(1.0 - std::pow(s_.beta2, t)) / (1.0 - std::pow(s_.beta1, t));
    for (std::size_t l = 0; l < params.weights.size(); ++l) {
        update(params.weights[l], grad.weights[l], m_.weights[l], v_.weights[l], s_, lr);
        update(params.biases[l], grad.biases[l], m_.biases[l], v_.biases[l], s_, lr);
    }
}

}  // namespace sluice::ml
