#include "ml/linear/logistic_loss.h"

#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// Rows per chunk: fixed (never derived from the thread count) so the sums,
// and hence the fitted model, are the same on any machine; small enough
// that the chunk is still in cache when the gradient pass reads it again.
constexpr Eigen::Index kChunkRows = 256;

}  // namespace

LogisticLoss::LogisticLoss(const Eigen::MatrixXd& X, std::vector<int> labels,
                           Eigen::VectorXd weights, int classes, bool fitIntercept, double C,
                           unsigned threads)
    : X_(X),
      labels_(std::move(labels)),
      weights_(std::move(weights)),
      outputs_(classes == 2 ? 1 : classes),
      fitIntercept_(fitIntercept),
      C_(C),
      threads_(threads) {
    if (outputs_ == 1) {
        positive_.resize(X.rows());
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            positive_(i) = labels_[static_cast<std::size_t>(i)] == 1 ? 1.0 : 0.0;
    }
}

Eigen::MatrixXd LogisticLoss::coefficients(const Eigen::VectorXd& theta) const {
    const Eigen::Map<const Eigen::MatrixXd> T(theta.data(), rowsPerOutput(), outputs_);
    return T.topRows(X_.cols()).transpose();
}

Eigen::VectorXd LogisticLoss::intercepts(const Eigen::VectorXd& theta) const {
    if (!fitIntercept_)
        return Eigen::VectorXd::Zero(outputs_);
    const Eigen::Map<const Eigen::MatrixXd> T(theta.data(), rowsPerOutput(), outputs_);
    return T.row(X_.cols()).transpose();
}

double LogisticLoss::chunk(Eigen::Index start, Eigen::Index rows, const Eigen::MatrixXd& W,
                           const Eigen::RowVectorXd& b, Eigen::MatrixXd& gradW,
                           Eigen::RowVectorXd& gradB) const {
    const auto Xc = X_.middleRows(start, rows);
    // One matrix-vector product per output: with a handful of outputs this
    // beats a matrix product, which would copy (pack) the chunk first.
    Eigen::MatrixXd Z(rows, outputs_);
    for (int k = 0; k < outputs_; ++k)
        Z.col(k).noalias() = Xc * W.col(k);
    Z.rowwise() += b;
    const auto s = weights_.segment(start, rows);
    Eigen::MatrixXd D(rows, outputs_);  // d loss / d z, weighted
    double loss;
    if (outputs_ == 1) {
        // Stable forms: log(1 + e^z) = max(z, 0) + log1p(e^-|z|), and the
        // sigmoid from e^-|z| on either side of 0.
        const Eigen::ArrayXd z = Z.col(0).array();
        const Eigen::ArrayXd e = (-z.abs()).exp();
        const auto y = positive_.segment(start, rows);
        loss = (s * (z.max(0.0) + e.log1p() - y * z)).sum();
        const Eigen::ArrayXd sigmoid = (z >= 0.0).select(1.0 / (1.0 + e), e / (1.0 + e));
        D.col(0) = (s * (sigmoid - y)).matrix();
    } else {
        // Softmax shifted by the row maximum so no exponent overflows.
        const Eigen::VectorXd top = Z.rowwise().maxCoeff();
        Z.colwise() -= top;
        D = Z.array().exp().matrix();
        const Eigen::ArrayXd sums = D.rowwise().sum().array();
        const Eigen::ArrayXd logSums = sums.log();
        D.array().colwise() /= sums;
        loss = 0.0;
        for (Eigen::Index i = 0; i < rows; ++i) {
            const int label = labels_[static_cast<std::size_t>(start + i)];
            loss += s(i) * (logSums(i) - Z(i, label));
            D(i, label) -= 1.0;
        }
        D.array().colwise() *= s;
    }
    gradW.resize(X_.cols(), outputs_);
    for (int k = 0; k < outputs_; ++k)
        gradW.col(k).noalias() = Xc.transpose() * D.col(k);
    gradB = D.colwise().sum();
    return loss;
}

double LogisticLoss::evaluate(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const {
    const Eigen::Index p = X_.cols();
    const Eigen::Map<const Eigen::MatrixXd> T(theta.data(), rowsPerOutput(), outputs_);
    const Eigen::MatrixXd W = T.topRows(p);
    const Eigen::RowVectorXd b =
        fitIntercept_ ? Eigen::RowVectorXd(T.row(p)) : Eigen::RowVectorXd::Zero(outputs_);

    const auto chunks = static_cast<std::size_t>((X_.rows() + kChunkRows - 1) / kChunkRows);
    std::vector<double> losses(chunks);
    std::vector<Eigen::MatrixXd> gradWs(chunks);
    std::vector<Eigen::RowVectorXd> gradBs(chunks);
    parallelFor(chunks, threads_, [&](std::size_t c) {
        const Eigen::Index start = static_cast<Eigen::Index>(c) * kChunkRows;
        losses[c] =
            chunk(start, std::min(kChunkRows, X_.rows() - start), W, b, gradWs[c], gradBs[c]);
    });

    double f = 0.5 / C_ * W.squaredNorm();
    Eigen::MatrixXd gradW = W / C_;
    Eigen::RowVectorXd gradB = Eigen::RowVectorXd::Zero(outputs_);
    for (std::size_t c = 0; c < chunks; ++c) {
        f += losses[c];
        gradW += gradWs[c];
        gradB += gradBs[c];
    }
    gradient.resize(parameterCount());
    Eigen::Map<Eigen::MatrixXd> G(gradient.data(), rowsPerOutput(), outputs_);
    G.topRows(p) = gradW;
    if (fitIntercept_)
        G.row(p) = gradB;
    return f;
}

}  // namespace sluice::ml
