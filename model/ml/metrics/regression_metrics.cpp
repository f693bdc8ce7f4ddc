#include "ml/metrics/regression_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

void requireSameValueCount(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    if (a.size() != b.size())
        throw MisuseError("metrics: " + std::to_string(a.size()) + " true values but " +
                          std::to_string(b.size()) + " predictions");
    if (a.size() == 0)
        throw MisuseError("metrics: no samples to score");
}

}  // namespace

double r2Score(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred) {
    requireSameValueCount(yTrue, yPred);
    const double ssRes = (yTrue - yPred).squaredNorm();
    const double ssTot = (yTrue.array() - yTrue.mean()).square().sum();
    if (ssTot == 0.0)
        return ssRes == 0.0 ? 1.0 : 0.0;
    return 1.0 - ssRes / ssTot;
}

double meanSquaredError(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred) {
    requireSameValueCount(yTrue, yPred);
    return (yTrue - yPred).squaredNorm() / static_cast<double>(yTrue.size());
}

double rootMeanSquaredError(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred) {
    return std::sqrt(meanSquaredError(yTrue, yPred));
}

double meanAbsoluteError(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred) {
    requireSameValueCount(yTrue, yPred);
    return (yTrue - yPred).cwiseAbs().mean();
}

double inertia(const Eigen::MatrixXd& X, const Eigen::VectorXd& labels,
               const Eigen::MatrixXd& centers) {
    if (labels.size() != X.rows())
        throw MisuseError("inertia: one label per row is needed");
    double sum = 0;
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        sum += (X.row(i) - centers.row(static_cast<Eigen::Index>(labels(i)))).squaredNorm();
    return sum;
}

double silhouetteScore(const Eigen::MatrixXd& X, const Eigen::VectorXd& labels) {
    if (labels.size() != X.rows())
        throw MisuseError("silhouette: one label per row is needed");
    const auto n = X.rows();
    const int k = static_cast<int>(labels.maxCoeff()) + 1;
    if (k < 2)
        throw MisuseError("silhouette: needs at least two clusters");
    std::vector<double> sizes(static_cast<std::size_t>(k), 0.0);
    for (Eigen::Index i = 0; i < n; ++i)
        sizes[static_cast<std::size_t>(labels(i))] += 1;
    double total = 0;
    std::vector<double> distSum(static_cast<std::size_t>(k));
    for (Eigen::Index i = 0; i < n; ++i) {
        std::fill(distSum.begin(), distSum.end(), 0.0);
        for (Eigen::Index j = 0; j < n; ++j)
            distSum[static_cast<std::size_t>(labels(j))] += (X.row(i) - X.row(j)).norm();
        const auto own = static_cast<std::size_t>(labels(i));
        if (sizes[own] <= 1)
            continue;  // a lone sample scores 0
        const double a = distSum[own] / (sizes[own] - 1);
        double b = std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < distSum.size(); ++c)
            if (c != own && sizes[c] > 0)
                b = std::min(b, distSum[c] / sizes[c]);
        total += (b - a) / std::max(a, b);
    }
    return total / static_cast<double>(n);
}

}  // namespace sluice::ml
