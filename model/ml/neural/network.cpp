#include "ml/neural/network.h"

#include <algorithm>
#include <cmath>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

Parameters Parameters::zerosLike(const Parameters& like) {
    Parameters p;
    for (const auto& w : like.weights)
        p.weights.push_back(Eigen::MatrixXd::Zero(w.rows(), w.cols()));
    for (const auto& b : like.biases)
        p.biases.push_back(Eigen::VectorXd::Zero(b.size()));
    return p;
}

double Parameters::weightSquaredNorm() const {
    double sum = 0.0;
    for (const auto& w : weights)
        sum += w.squaredNorm();
    return sum;
}

Network Network::glorot(Eigen::Index inputs, const std::vector<int>& hiddenSizes,
                        Eigen::Index outputs, Activation hidden, OutputKind output, Rng& rng) {
    Network net;
    net.hidden = hidden;
    net.output = output;
    std::vector<Eigen::Index> units{inputs};
    for (int h : hiddenSizes)
        units.push_back(h);
    units.push_back(outputs);
    const double factor = hidden == Activation::Logistic ? 2.0 : 6.0;
    for (std::size_t l = 1; l < units.size(); ++l) {
        const double bound = std::sqrt(factor / static_cast<double>(units[l - 1] + units[l]));
        auto draw = [&] { return bound * (2.0 * rng.uniform() - 1.0); };
        Eigen::MatrixXd w(units[l], units[l - 1]);
        for (Eigen::Index i = 0; i < w.size(); ++i)
            w.data()[i] = draw();
        Eigen::VectorXd b(units[l]);
        for (Eigen::Index i = 0; i < b.size(); ++i)
            b(i) = draw();
        net.params.weights.push_back(std::move(w));
        net.params.biases.push_back(std::move(b));
    }
    return net;
}

Eigen::MatrixXd Network::forward(const Eigen::MatrixXd& X) const {
    // Blocks of rows bound the memory of wide hidden layers on big inputs.
    constexpr Eigen::Index kBlock = 4096;
    Eigen::MatrixXd result(X.rows(), outputCount());
    Eigen::MatrixXd a, z;
    for (Eigen::Index start = 0; start < X.rows(); start += kBlock) {
        const Eigen::Index rows = std::min(kBlock, X.rows() - start);
        a = X.middleRows(start, rows).transpose();
        for (Eigen::Index l = 0; l < layerCount(); ++l) {
            z.noalias() = params.weights[l] * a;
            if (l + 1 < layerCount())
                activate(hidden, params.biases[l], z);
            else
                activateOutput(output, params.biases[l], z);
            a.swap(z);
        }
        result.middleRows(start, rows) = a.transpose();
    }
    return result;
}

nlohmann::json Network::toJson() const {
    nlohmann::json layers = nlohmann::json::array();
    for (Eigen::Index l = 0; l < layerCount(); ++l)
        layers.push_back(
            {{"weights", ml::toJson(params.weights[l])}, {"biases", ml::toJson(params.biases[l])}});
    return {
        {"activation", activationName(hidden)}, {"output", outputName(output)}, {"layers", layers}};
}

Network Network::fromJson(const nlohmann::json& j) {
    Network net;
    net.hidden = activationFromName("model file", requireField(j, "activation").get<std::string>());
    net.output = outputFromName(requireField(j, "output").get<std::string>());
    for (const auto& layer : requireField(j, "layers")) {
        net.params.weights.push_back(matrixFromJson(requireField(layer, "weights"), "weights"));
        net.params.biases.push_back(vectorFromJson(requireField(layer, "biases"), "biases"));
    }
    const auto& p = net.params;
    bool ok = !p.weights.empty();
    for (std::size_t l = 0; ok && l < p.weights.size(); ++l)
        ok = p.biases[l].size() == p.weights[l].rows() &&
             (l == 0 || p.weights[l].cols() == p.weights[l - 1].rows());
    if (!ok)
        throw MisuseError("model file: the network's layer shapes do not fit together");
    return net;
}

}  // namespace sluice::ml
