// L-BFGS: unconstrained minimisation of a smooth function from its value
// and gradient, keeping the last `memory` step/gradient-change pairs as an
// implicit inverse-Hessian estimate (two-loop recursion, Nocedal & Wright
// algorithm 7.4) and choosing each step by a line search that satisfies the
// strong Wolfe conditions (algorithms 3.5 and 3.6, cubic interpolation).
//
// Stopping rules mirror scipy's L-BFGS-B, which scikit-learn uses, so
// max_iter and tol mean the same thing on both sides:
// - converged when max |gradient| <= gtol,
// - converged when the relative decrease of f in one iteration,
//   (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1), is <= ftol,
// - not converged after maxIter iterations, or when the line search cannot
//   decrease f any more (rounding at the bottom of a flat valley).
//
// onIteration(k, f) runs after every iteration k = 1, 2, ...; it may throw
// (cancellation) to abandon the run.
#pragma once

#include <Eigen/Core>
#include <functional>

namespace sluice::ml {

struct LbfgsOptions {
    int maxIter = 100;
    double gtol = 1e-5;
    double ftol = 2.220446049250313e-09;  // scipy's default: factr 1e7 * machine epsilon
    int memory = 10;                      // scipy's maxcor
    int maxLineSearch = 20;               // evaluations per line search
};

enum class LbfgsStop { GradientSmall, DecreaseSmall, MaxIterations, LineSearchFailed };

struct LbfgsResult {
    Eigen::VectorXd x;
    double f = 0.0;
    double gradientMax = 0.0;  // max |gradient| at x
    int iterations = 0;
    int evaluations = 0;
    LbfgsStop stop = LbfgsStop::MaxIterations;
    bool converged() const {
        return stop == LbfgsStop::GradientSmall || stop == LbfgsStop::DecreaseSmall;
    }
};

// f(x, gradient): returns f(x) and writes its gradient (same size as x).
using LbfgsObjective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& gradient)>;
using LbfgsIterationCallback = std::function<void(int iteration, double f)>;

LbfgsResult minimizeLbfgs(const LbfgsObjective& objective, Eigen::VectorXd x0,
                          const LbfgsOptions& options,
                          const LbfgsIterationCallback& onIteration = {});

}  // namespace sluice::ml
