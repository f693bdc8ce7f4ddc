#include "ml/neural/layers.h"

#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ml/core/ml_errors.h"

namespace sluice::ml {

std::string_view activationName(Activation a) {
    switch (a) {
        case Activation::Identity:
            return "identity";
        case Activation::Logistic:
            return "logistic";
        case Activation::Tanh:
            return "tanh";
        case Activation::Relu:
            return "relu";
    }
    return "relu";
}

Activation activationFromName(std::string_view who, const std::string& name) {
    for (Activation a :
         {Activation::Identity, Activation::Logistic, Activation::Tanh, Activation::Relu})
        if (activationName(a) == name)
            return a;
    throw MisuseError(std::string(who) +
                      ": activation must be relu, tanh, logistic or identity (got '" + name + "')");
}

std::string_view outputName(OutputKind o) {
    switch (o) {
        case OutputKind::Identity:
            return "identity";
        case OutputKind::Logistic:
            return "logistic";
        case OutputKind::Softmax:
            return "softmax";
    }
    return "identity";
}

OutputKind outputFromName(const std::string& name) {
    for (OutputKind o : {OutputKind::Identity, OutputKind::Logistic, OutputKind::Softmax})
        if (outputName(o) == name)
            return o;
    throw MisuseError("model file: unknown output layer '" + name + "'");
}

namespace {

// 1 / (1 + exp(-x)) without overflow for large |x|.
double sigmoid(double x) {
    if (x >= 0)
        return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

constexpr double kEps = std::numeric_limits<double>::epsilon();

double clipProbability(double p) {
    return std::min(std::max(p, kEps), 1.0 - kEps);
}

// Plain loops over columns: these run on every batch, and Eigen's select()
// and unaryExpr() through a Ref do not vectorise.
template <class F>
void forEachWithBias(const Eigen::VectorXd& bias, MatrixRef z, F f) {
    const Eigen::Index rows = z.rows();
    const double* b = bias.data();
    for (Eigen::Index j = 0; j < z.cols(); ++j) {
        double* col = z.col(j).data();
        for (Eigen::Index i = 0; i < rows; ++i)
            col[i] = f(col[i] + b[i]);
    }
}

// ReLU's two passes over every batch. Half the signs are random, so a
// branch mispredicts half the time, and Eigen does not vectorise select()
// or max() through a Ref here: SSE2 on x86-64, branch-free loops elsewhere.

// z[i] = max(z[i] + b[i], 0).
void addBiasAndRectify(double* z, const double* b, Eigen::Index n) {
    Eigen::Index i = 0;
#if defined(__SSE2__)
    const __m128d zero = _mm_setzero_pd();
    for (; i + 2 <= n; i += 2)
        _mm_storeu_pd(z + i,
                      _mm_max_pd(_mm_add_pd(_mm_loadu_pd(z + i), _mm_loadu_pd(b + i)), zero));
#endif
    for (; i < n; ++i) {
        const double v = z[i] + b[i];
        z[i] = v * static_cast<double>(v > 0.0);
    }
}

// d[i] = 0 where a[i] <= 0.
void zeroWhereNotPositive(const double* a, double* d, Eigen::Index n) {
    Eigen::Index i = 0;
#if defined(__SSE2__)
    const __m128d zero = _mm_setzero_pd();
    for (; i + 2 <= n; i += 2) {
        const __m128d positive = _mm_cmpgt_pd(_mm_loadu_pd(a + i), zero);
        _mm_storeu_pd(d + i, _mm_and_pd(_mm_loadu_pd(d + i), positive));
    }
#endif
    for (; i < n; ++i)
        d[i] *= static_cast<double>(a[i] > 0.0);
}

}  // namespace

void activate(Activation a, const Eigen::VectorXd& bias, MatrixRef z) {
    switch (a) {
        case Activation::Identity:
            z.colwise() += bias;
            return;
        case Activation::Logistic:
            forEachWithBias(bias, z, sigmoid);
            return;
        case Activation::Tanh:
            forEachWithBias(bias, z, [](double v) { return std::tanh(v); });
            return;
        case Activation::Relu:
            for (Eigen::Index j = 0; j < z.cols(); ++j)
                addBiasAndRectify(z.col(j).data(), bias.data(), z.rows());
            return;
    }
}

void multiplyByDerivative(Activation a, const ConstMatrixRef& activated, MatrixRef delta) {
    switch (a) {
        case Activation::Identity:
            return;
        case Activation::Logistic:
            delta.array() *= activated.array() * (1.0 - activated.array());
            return;
        case Activation::Tanh:
            delta.array() *= 1.0 - activated.array().square();
            return;
        case Activation::Relu:
            // f'(0) taken as 0, like scikit-learn.
            for (Eigen::Index j = 0; j < delta.cols(); ++j)
                zeroWhereNotPositive(activated.col(j).data(), delta.col(j).data(), delta.rows());
            return;
    }
}

void activateOutput(OutputKind o, const Eigen::VectorXd& bias, MatrixRef z) {
    z.colwise() += bias;
    switch (o) {
        case OutputKind::Identity:
            return;
        case OutputKind::Logistic:
            z = z.unaryExpr([](double v) { return sigmoid(v); });
            return;
        case OutputKind::Softmax:
            for (Eigen::Index j = 0; j < z.cols(); ++j) {
                auto col = z.col(j);
                // Shift by the maximum so exp cannot overflow.
                col.array() = (col.array() - col.maxCoeff()).exp();
                col /= col.sum();
            }
            return;
    }
}

double meanLoss(OutputKind o, const ConstMatrixRef& out, const ConstRowRef& targets) {
    const Eigen::Index n = out.cols();
    double sum = 0.0;
    switch (o) {
        case OutputKind::Identity:
            sum = 0.5 * (out.row(0) - targets).squaredNorm();
            break;
        case OutputKind::Logistic:
            for (Eigen::Index j = 0; j < n; ++j) {
                const double p = clipProbability(out(0, j));
                sum -= targets(j) > 0.5 ? std::log(p) : std::log(1.0 - p);
            }
            break;
        case OutputKind::Softmax:
            for (Eigen::Index j = 0; j < n; ++j)
                sum -= std::log(clipProbability(out(static_cast<Eigen::Index>(targets(j)), j)));
            break;
    }
    return sum / static_cast<double>(n);
}

void outputDelta(OutputKind o, const ConstMatrixRef& out, const ConstRowRef& targets,
                 MatrixRef delta) {
    delta = out;
    if (o == OutputKind::Softmax) {
        for (Eigen::Index j = 0; j < out.cols(); ++j)
            delta(static_cast<Eigen::Index>(targets(j)), j) -= 1.0;
    } else {
        delta.row(0) -= targets;
    }
}

}  // namespace sluice::ml
