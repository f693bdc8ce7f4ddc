#include "ml/linear/lbfgs.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <optional>
#include <vector>

namespace sluice::ml {
namespace {

// Wolfe constants of Nocedal & Wright (and of scipy's L-BFGS-B line search).
constexpr double kSufficientDecrease = 1e-4;
constexpr double kCurvature = 0.9;

// One point on the search line x + step * d.
struct Trial {
    double step = 0.0;
    double f = 0.0;
    double slope = 0.0;  // gradient . d
    Eigen::VectorXd gradient;
};

// Minimiser of the cubic through (a, fa, da) and (b, fb, db); NaN when the
// cubic has none.
double cubicMinimizer(const Trial& a, const Trial& b) {
    const double d1 = a.slope + b.slope - 3.0 * (a.f - b.f) / (a.step - b.step);
    const double disc = d1 * d1 - a.slope * b.slope;
    if (!(disc >= 0.0))
        return std::numeric_limits<double>::quiet_NaN();
    const double d2 = std::copysign(std::sqrt(disc), b.step - a.step);
    return b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2.0 * d2);
}

class LineSearch {
public:
    LineSearch(const LbfgsObjective& objective, const Eigen::VectorXd& x, const Eigen::VectorXd& d,
               double f0, const Eigen::VectorXd& g0, int maxEvaluations, int& evaluations)
        : objective_(objective),
          x_(x),
          d_(d),
          maxEvaluations_(maxEvaluations),
          evaluations_(evaluations) {
        origin_ = {0.0, f0, g0.dot(d), g0};
    }

    // A step satisfying the strong Wolfe conditions or, when the evaluation
    // budget runs out, the best step that at least decreased f enough.
    std::optional<Trial> search(double step) {
        Trial previous = origin_;
        for (int i = 0; used_ < maxEvaluations_; ++i) {
            Trial t = evaluate(step);
            if (!sufficient(t) || (i > 0 && t.f >= previous.f))
                return zoom(std::move(previous), std::move(t));
            if (curvatureOk(t))
                return t;
            if (t.slope >= 0.0)
                return zoom(std::move(t), std::move(previous));
            previous = std::move(t);
            step *= 2.0;  // still going downhill: look further
        }
        return previous.step > 0.0 ? std::optional<Trial>(std::move(previous)) : std::nullopt;
    }

private:
    Trial evaluate(double step) {
        ++used_;
        ++evaluations_;
        Trial t;
        t.step = step;
        t.gradient.resize(x_.size());
        t.f = objective_(x_ + step * d_, t.gradient);
        t.slope = t.gradient.dot(d_);
        return t;
    }

    bool sufficient(const Trial& t) const {
        return std::isfinite(t.f) && std::isfinite(t.slope) &&
               t.f <= origin_.f + kSufficientDecrease * t.step * origin_.slope;
    }
    bool curvatureOk(const Trial& t) const {
        return std::abs(t.slope) <= -kCurvature * origin_.slope;
    }

    // lo: the best point so far that decreases f enough; the minimum lies
    // between lo and hi.
    std::optional<Trial> zoom(Trial lo, Trial hi) {
        while (used_ < maxEvaluations_) {
            const double left = std::min(lo.step, hi.step);
            const double width = std::abs(hi.step - lo.step);
            if (width <= 1e-14 * std::max(1.0, hi.step))
                break;  // the interval vanished: rounding rules now
            double step = std::isfinite(hi.f) ? cubicMinimizer(lo, hi)
                                              : std::numeric_limits<double>::quiet_NaN();
            // Keep away from the ends so the interval shrinks every time.
            if (!(step >= left + 0.1 * width && step <= left + 0.9 * width))
                step = 0.5 * (lo.step + hi.step);
            Trial t = evaluate(step);
            if (!sufficient(t) || t.f >= lo.f) {
                hi = std::move(t);
                continue;
            }
            if (curvatureOk(t))
                return t;
            if (t.slope * (hi.step - lo.step) >= 0.0)
                hi = std::move(lo);
            lo = std::move(t);
        }
        return lo.step > 0.0 ? std::optional<Trial>(std::move(lo)) : std::nullopt;
    }

    const LbfgsObjective& objective_;
    const Eigen::VectorXd& x_;
    const Eigen::VectorXd& d_;
    int maxEvaluations_;
    int& evaluations_;
    int used_ = 0;
    Trial origin_;
};

// The last few (s, y) pairs and the two-loop product with them.
class InverseHessian {
public:
    explicit InverseHessian(int memory) : memory_(static_cast<std::size_t>(std::max(1, memory))) {}

    bool empty() const { return pairs_.empty(); }
    void clear() { pairs_.clear(); }

    // Pairs with s.y <= 0 would make the estimate indefinite: skipped.
    void add(Eigen::VectorXd s, Eigen::VectorXd y) {
        const double sy = s.dot(y);
        if (!(sy > std::numeric_limits<double>::epsilon() * y.squaredNorm()))
            return;
        if (pairs_.size() == memory_)
            pairs_.pop_front();
        pairs_.push_back({std::move(s), std::move(y), 1.0 / sy});
    }

    // -H g; the initial H is gamma I with gamma = s.y / y.y of the newest pair.
    Eigen::VectorXd direction(const Eigen::VectorXd& g) const {
        Eigen::VectorXd q = g;
        std::vector<double> alpha(pairs_.size());
        for (std::size_t i = pairs_.size(); i-- > 0;) {
            alpha[i] = pairs_[i].rho * pairs_[i].s.dot(q);
            q.noalias() -= alpha[i] * pairs_[i].y;
        }
        if (!pairs_.empty()) {
            const Pair& newest = pairs_.back();
            q *= 1.0 / (newest.rho * newest.y.squaredNorm());
        }
        for (std::size_t i = 0; i < pairs_.size(); ++i) {
            const double beta = pairs_[i].rho * pairs_[i].y.dot(q);
            q.noalias() += (alpha[i] - beta) * pairs_[i].s;
        }
        return -q;
    }

private:
    struct Pair {
        Eigen::VectorXd s;
        Eigen::VectorXd y;
        double rho;
    };
    std::size_t memory_;
    std::deque<Pair> pairs_;
};

}  // namespace

LbfgsResult minimizeLbfgs(const LbfgsObjective& objective, Eigen::VectorXd x0,
                          const LbfgsOptions& options, const LbfgsIterationCallback& onIteration) {
    LbfgsResult result;
    result.x = std::move(x0);
    Eigen::VectorXd g(result.x.size());
    result.f = objective(result.x, g);
    result.evaluations = 1;
    result.gradientMax = g.lpNorm<Eigen::Infinity>();
    if (result.gradientMax <= options.gtol) {
        result.stop = LbfgsStop::GradientSmall;
        return result;
    }

    InverseHessian hessian(options.memory);
    for (int k = 1; k <= options.maxIter; ++k) {
        std::optional<Trial> accepted;
        Eigen::VectorXd d;
        // With a memory, a failed search is retried once along -g: the
        // curvature pairs may describe a region we have left.
        for (int attempt = 0; attempt < 2 && !accepted; ++attempt) {
            if (attempt == 1 && hessian.empty())
                break;
            if (attempt == 1)
                hessian.clear();
            d = hessian.direction(g);
            if (!(g.dot(d) < 0.0)) {  // not downhill (or NaN): steepest descent
                hessian.clear();
                d = -g;
            }
            // Without curvature information the scale of d is unknown:
            // start with a step of unit length, as scipy does.
            const double step = hessian.empty() ? 1.0 / d.norm() : 1.0;
            LineSearch search(objective, result.x, d, result.f, g, options.maxLineSearch,
                              result.evaluations);
            accepted = search.search(step);
        }
        if (!accepted) {
            result.stop = LbfgsStop::LineSearchFailed;
            return result;
        }
        const double previousF = result.f;
        Eigen::VectorXd s = accepted->step * d;
        result.x += s;
        result.f = accepted->f;
        hessian.add(std::move(s), accepted->gradient - g);
        g = std::move(accepted->gradient);
        result.iterations = k;
        result.gradientMax = g.lpNorm<Eigen::Infinity>();
        if (onIteration)
            onIteration(k, result.f);
        if (result.gradientMax <= options.gtol) {
            result.stop = LbfgsStop::GradientSmall;
            return result;
        }
        const double scale = std::max({std::abs(previousF), std::abs(result.f), 1.0});
        if (previousF - result.f <= options.ftol * scale) {
            result.stop = LbfgsStop::DecreaseSmall;
            return result;
        }
    }
    result.stop = LbfgsStop::MaxIterations;
    return result;
}

}  // namespace sluice::ml
