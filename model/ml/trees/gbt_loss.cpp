#include "ml/trees/gbt_loss.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sluice::ml {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

double sigmoid(double raw) {
    // Two forms so exp never overflows.
    if (raw >= 0)
        return 1.0 / (1.0 + std::exp(-raw));
    const double e = std::exp(raw);
    return e / (1.0 + e);
}

// log(1 + exp(raw)) without overflow.
double softplus(double raw) {
    return raw > 0 ? raw + std::log1p(std::exp(-raw)) : std::log1p(std::exp(raw));
}

double clipRate(double p) {
    return std::clamp(p, kEps, 1.0 - kEps);
}

}  // namespace

int lossOutputs(GbtLoss loss, int classes) {
    return loss == GbtLoss::MultinomialLogLoss ? classes : 1;
}

Eigen::VectorXd lossBaseline(GbtLoss loss, const Eigen::VectorXd& y, int classes) {
    switch (loss) {
        case GbtLoss::SquaredError:
            return Eigen::VectorXd::Constant(1, y.mean());
        case GbtLoss::BinaryLogLoss: {
            const double p = clipRate(y.mean());
            return Eigen::VectorXd::Constant(1, std::log(p / (1.0 - p)));
        }
        case GbtLoss::MultinomialLogLoss: {
            Eigen::VectorXd b = Eigen::VectorXd::Zero(classes);
            for (Eigen::Index i = 0; i < y.size(); ++i)
                b(static_cast<Eigen::Index>(y(i))) += 1.0;
            for (Eigen::Index k = 0; k < classes; ++k)
                b(k) = std::log(clipRate(b(k) / static_cast<double>(y.size())));
            return b.array() - b.mean();
        }
    }
    return {};
}

double lossGradients(GbtLoss loss, const Eigen::VectorXd& y, const Eigen::MatrixXd& raw,
                     float* gradients, float* hessians) {
    const Eigen::Index n = y.size();
    double sum = 0.0;
    switch (loss) {
        case GbtLoss::SquaredError:
            for (Eigen::Index i = 0; i < n; ++i) {
                const double r = raw(i, 0) - y(i);
                gradients[i] = static_cast<float>(r);
                sum += r * r;
            }
            break;
        case GbtLoss::BinaryLogLoss:
            for (Eigen::Index i = 0; i < n; ++i) {
                const LossDerivatives d = binaryLogLossDerivatives(y(i), raw(i, 0));
                gradients[i] = static_cast<float>(d.gradient);
                hessians[i] = static_cast<float>(d.hessian);
                sum += binaryLogLoss(y(i), raw(i, 0));
            }
            break;
        case GbtLoss::MultinomialLogLoss: {
            const Eigen::Index K = raw.cols();
            Eigen::VectorXd p(K);
            for (Eigen::Index i = 0; i < n; ++i) {
                const double top = raw.row(i).maxCoeff();
                for (Eigen::Index k = 0; k < K; ++k)
                    p(k) = std::exp(raw(i, k) - top);
                const double total = p.sum();
                p /= total;
                const auto label = static_cast<Eigen::Index>(y(i));
                for (Eigen::Index k = 0; k < K; ++k) {
                    gradients[k * n + i] = static_cast<float>(p(k) - (k == label ? 1.0 : 0.0));
                    hessians[k * n + i] = static_cast<float>(p(k) * (1.0 - p(k)));
                }
                // log-sum-exp minus the true class's score.
                sum += top + std::log(total) - raw(i, label);
            }
            break;
        }
    }
    return sum / static_cast<double>(n);
}

double meanLoss(GbtLoss loss, const Eigen::VectorXd& y, const Eigen::MatrixXd& raw) {
    const Eigen::Index n = y.size();
    double sum = 0.0;
    switch (loss) {
        case GbtLoss::SquaredError:
            for (Eigen::Index i = 0; i < n; ++i)
                sum += (raw(i, 0) - y(i)) * (raw(i, 0) - y(i));
            break;
        case GbtLoss::BinaryLogLoss:
            for (Eigen::Index i = 0; i < n; ++i)
                sum += binaryLogLoss(y(i), raw(i, 0));
            break;
        case GbtLoss::MultinomialLogLoss:
            for (Eigen::Index i = 0; i < n; ++i) {
                const double top = raw.row(i).maxCoeff();
                const double lse = top + std::log((raw.row(i).array() - top).exp().sum());
                sum += lse - raw(i, static_cast<Eigen::Index>(y(i)));
            }
            break;
    }
    return sum / static_cast<double>(n);
}

Eigen::MatrixXd lossProbabilities(GbtLoss loss, const Eigen::MatrixXd& raw) {
    const Eigen::Index n = raw.rows();
    if (loss == GbtLoss::BinaryLogLoss) {
        Eigen::MatrixXd p(n, 2);
        for (Eigen::Index i = 0; i < n; ++i) {
            p(i, 1) = sigmoid(raw(i, 0));
            p(i, 0) = 1.0 - p(i, 1);
        }
        return p;
    }
    Eigen::MatrixXd p(n, raw.cols());
    for (Eigen::Index i = 0; i < n; ++i) {
        p.row(i) = (raw.row(i).array() - raw.row(i).maxCoeff()).exp();
        p.row(i) /= p.row(i).sum();
    }
    return p;
}

double binaryLogLoss(double y, double raw) {
    // -y log p - (1 - y) log(1 - p) with p = sigmoid(raw).
    return softplus(raw) - y * raw;
}

LossDerivatives binaryLogLossDerivatives(double y, double raw) {
    const double p = sigmoid(raw);
    return {p - y, p * (1.0 - p)};
}

}  // namespace sluice::ml
