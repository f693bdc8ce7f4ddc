#include "ml/linear/coordinate_descent.h"

#include <algorithm>
#include <cmath>

namespace sluice::ml {
namespace {

double softThreshold(double x, double t) {
    return x > t ? x - t : (x < -t ? x + t : 0.0);
}

// What the duality gap needs, in the n-times-scaled problem
// P(w) = 1/2 ||R||^2 + l1n ||w||_1 + l2n/2 ||w||^2 with R = y - X w.
struct GapTerms {
    double rNorm2 = 0.0;  // ||R||^2
    double rDotY = 0.0;   // R . y
    Eigen::VectorXd xtr;  // X^T R
};

// P(w) minus the better of two dual bounds, both lower bounds of min P:
// - scikit-learn's: the residual of the ridge-augmented lasso scaled into
//   the dual feasible set (sharp when l1 dominates, useless when l1n = 0);
// - the Fenchel dual of the elastic net at theta = R, which needs l2n > 0
//   and is sharp when l2 dominates (it makes l1_ratio = 0 converge).
double dualityGap(const GapTerms& t, const Eigen::VectorXd& w, double l1n, double l2n) {
    const double wNorm2 = w.squaredNorm();
    const double primal = 0.5 * t.rNorm2 + l1n * w.lpNorm<1>() + 0.5 * l2n * wNorm2;

    const double dualNorm = (t.xtr - l2n * w).lpNorm<Eigen::Infinity>();
    const double c = dualNorm > l1n ? l1n / dualNorm : 1.0;
    double dual = c * t.rDotY - 0.5 * c * c * (t.rNorm2 + l2n * wNorm2);

    if (l2n > 0.0) {
        const double excess = (t.xtr.array().abs() - l1n).max(0.0).square().sum() / (2.0 * l2n);
        dual = std::max(dual, t.rDotY - 0.5 * t.rNorm2 - excess);
    }
    return primal - dual;
}

// Sweeps on a residual vector R = y - X w kept up to date: O(n) per
// coordinate. For wide or small data.
class ResidualEngine {
public:
    ResidualEngine(const Eigen::MatrixXd& X, const Eigen::VectorXd& y)
        : X_(X), y_(y), r_(y), colNorm2_(X.colwise().squaredNorm().transpose()) {}

    // Sets w(j) to its minimiser; returns |change|.
    double update(Eigen::Index j, Eigen::VectorXd& w, double l1n, double l2n) {
        if (colNorm2_(j) == 0.0)
            return 0.0;  // a constant column: its coefficient stays 0
        const double old = w(j);
        const double rho = X_.col(j).dot(r_) + old * colNorm2_(j);
        const double next = softThreshold(rho, l1n) / (colNorm2_(j) + l2n);
        if (next != old) {
            r_.noalias() -= (next - old) * X_.col(j);
            w(j) = next;
        }
        return std::abs(next - old);
    }

    double residualNorm2(const Eigen::VectorXd&) const { return r_.squaredNorm(); }

    // Recomputes R exactly first, so rounding drift never reaches the gap.
    GapTerms gapTerms(const Eigen::VectorXd& w) {
        r_.noalias() = y_ - X_ * w;
        return {r_.squaredNorm(), r_.dot(y_), X_.transpose() * r_};
    }

private:
    const Eigen::MatrixXd& X_;
    const Eigen::VectorXd& y_;
    Eigen::VectorXd r_;
    Eigen::VectorXd colNorm2_;
};

// Sweeps on the Gram matrix G = X^T X and q = X^T y, keeping H = G w:
// O(p) per coordinate after an O(n p^2) start. For n >> p.
class GramEngine {
public:
    GramEngine(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const FitContext& context)
        : q_(X.transpose() * y), h_(Eigen::VectorXd::Zero(X.cols())), yNorm2_(y.squaredNorm()) {
        // Built in row blocks so a cancel is seen while the product runs.
        const Eigen::Index p = X.cols();
        const Eigen::Index block = std::max<Eigen::Index>(64, (Eigen::Index{1} << 24) / (p * p));
        Eigen::MatrixXd lower = Eigen::MatrixXd::Zero(p, p);
        for (Eigen::Index start = 0; start < X.rows(); start += block) {
            context.throwIfCancelled();
            const Eigen::Index rows = std::min(block, X.rows() - start);
            lower.selfadjointView<Eigen::Lower>().rankUpdate(X.middleRows(start, rows).transpose());
        }
        gram_ = lower.selfadjointView<Eigen::Lower>();
    }

    double update(Eigen::Index j, Eigen::VectorXd& w, double l1n, double l2n) {
        const double gjj = gram_(j, j);
        if (gjj == 0.0)
            return 0.0;
        const double old = w(j);
        const double rho = q_(j) - h_(j) + old * gjj;
        const double next = softThreshold(rho, l1n) / (gjj + l2n);
        if (next != old) {
            h_.noalias() += (next - old) * gram_.col(j);
            w(j) = next;
        }
        return std::abs(next - old);
    }

    // ||y - Xw||^2 = y.y - 2 q.w + w.Gw, clamped: rounding may take it below 0
    // when the fit is nearly exact.
    double residualNorm2(const Eigen::VectorXd& w) const {
        return std::max(0.0, yNorm2_ - 2.0 * q_.dot(w) + w.dot(h_));
    }

    GapTerms gapTerms(const Eigen::VectorXd& w) {
        h_.noalias() = gram_ * w;  // exact again, as the residual engine does
        return {residualNorm2(w), yNorm2_ - q_.dot(w), q_ - h_};
    }

private:
    Eigen::MatrixXd gram_;
    Eigen::VectorXd q_;
    Eigen::VectorXd h_;
    double yNorm2_;
};

template <class Engine>
CoordinateDescentResult run(Engine& engine, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                            ElasticNetPenalty penalty, int maxIter, double tol,
                            const FitContext& context) {
    const double n = static_cast<double>(X.rows());
    // scikit-learn's units: the data term is not divided by n.
    const double l1n = penalty.l1 * n;
    const double l2n = penalty.l2 * n;
    CoordinateDescentResult result;
    result.w = Eigen::VectorXd::Zero(X.cols());
    result.tolerance = tol * y.squaredNorm();
    Eigen::VectorXd& w = result.w;

    for (int sweep = 1; sweep <= maxIter; ++sweep) {
        double maxChange = 0.0;
        double maxCoef = 0.0;
        for (Eigen::Index j = 0; j < X.cols(); ++j) {
            context.throwIfCancelled();
            maxChange = std::max(maxChange, engine.update(j, w, l1n, l2n));
            maxCoef = std::max(maxCoef, std::abs(w(j)));
        }
        result.sweeps = sweep;
        const double objective = 0.5 * engine.residualNorm2(w) / n + penalty.l1 * w.lpNorm<1>() +
                                 0.5 * penalty.l2 * w.squaredNorm();
        context.metric("objective", sweep, objective);
        context.progress(static_cast<double>(sweep) / maxIter);

        // The gap costs about a sweep, so it is computed only once the
        // coefficients have nearly stopped moving (and at the last sweep, to
        // report it).
        if (maxCoef == 0.0 || maxChange / maxCoef < tol || sweep == maxIter) {
            result.gap = dualityGap(engine.gapTerms(w), w, l1n, l2n);
            if (result.gap <= result.tolerance) {
                result.converged = true;
                break;
            }
        }
    }
    const Eigen::VectorXd residual = y - X * w;
    result.objective = 0.5 * residual.squaredNorm() / n + penalty.l1 * w.lpNorm<1>() +
                       0.5 * penalty.l2 * w.squaredNorm();
    return result;
}

}  // namespace

CoordinateDescentResult elasticNetCoordinateDescent(const Eigen::MatrixXd& X,
                                                    const Eigen::VectorXd& y,
                                                    ElasticNetPenalty penalty, int maxIter,
                                                    double tol, const FitContext& context) {
    // The Gram matrix pays off once a sweep over it (p^2) is much cheaper
    // than a sweep over the rows (n p), and while it stays small in memory.
    if (X.rows() >= 2 * X.cols() && X.cols() <= 1024) {
        GramEngine engine(X, y, context);
        return run(engine, X, y, penalty, maxIter, tol, context);
    }
    ResidualEngine engine(X, y);
    return run(engine, X, y, penalty, maxIter, tol, context);
}

}  // namespace sluice::ml
