#include "ml/stats/special_functions.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace sluice::ml {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = 1e-15;
constexpr int kMaxTerms = 100000;

// log(x^a e^-x / Γ(a)): the factor both expansions share, in logs so that
// large a and x neither overflow nor lose digits.
double logPrefactor(double a, double x) {
    return a * std::log(x) - x - std::lgamma(a);
}

// P(a, x) by its power series, for x < a + 1 where it converges quickly:
// P = x^a e^-x / Γ(a + 1) * Σ_n x^n / ((a + 1)...(a + n)).
double seriesP(double a, double x) {
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < kMaxTerms; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon)
            break;
    }
    return sum * std::exp(logPrefactor(a, x));
}

// Q(a, x) by Legendre's continued fraction, for x >= a + 1, evaluated with
// the modified Lentz method:
// Q = x^a e^-x / Γ(a) * 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / ...)).
double continuedFractionQ(double a, double x) {
    constexpr double tiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxTerms; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return std::exp(logPrefactor(a, x)) * h;
}

// Q(a, x) when `upper`, else P(a, x). Each expansion gives the function of
// its own side of a + 1 directly (keeping a small value's digits) and the
// other as the complement.
double regularizedGamma(double a, double x, bool upper) {
    if (!(a > 0.0) || !(x >= 0.0) || std::isinf(a))
        return kNaN;
    double value = 0.0;  // P(a, 0) = 0, Q(a, inf) = 0
    bool valueIsQ = std::isinf(x);
    if (x > 0.0 && !valueIsQ) {
        valueIsQ = x >= a + 1.0;
        value = valueIsQ ? continuedFractionQ(a, x) : seriesP(a, x);
    }
    return upper == valueIsQ ? value : 1.0 - value;
}

}  // namespace

double regularizedGammaQ(double a, double x) {
    return regularizedGamma(a, x, true);
}

double regularizedGammaP(double a, double x) {
    return regularizedGamma(a, x, false);
}

double chiSquareSurvival(double statistic, double dof) {
    if (!(dof > 0.0) || !(statistic >= 0.0))
        return kNaN;
    return regularizedGammaQ(dof / 2.0, statistic / 2.0);
}

namespace {

// The continued fraction of I_x(a, b) (modified Lentz), good for
// x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double a, double b, double x) {
    constexpr double tiny = 1e-300, eps = 1e-15;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    if (std::abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double numerator = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        for (int step = 0; step < 2; ++step) {
            d = 1 + numerator * d;
            d = std::abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + numerator / c;
            if (std::abs(c) < tiny)
                c = tiny;
            h *= d * c;
            numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        }
        if (std::abs(d * c - 1) < eps)
            break;
    }
    return h;
}

}  // namespace

double regularizedBeta(double a, double b, double x) {
    if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1))
        return std::nan("");
    if (x == 0 || x == 1)
        return x;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                  a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

double fSurvival(double f, double d1, double d2) {
    if (!(f >= 0) || !(d1 > 0) || !(d2 > 0))
        return std::nan("");
    return regularizedBeta(d2 / 2, d1 / 2, d2 / (d2 + d1 * f));
}

double digamma(double x) {
    if (!(x > 0))
        return std::nan("");
    double result = 0;
    while (x < 6) {
        result -= 1 / x;
        x += 1;
    }
    const double f = 1 / (x * x);
    return result + std::log(x) - 0.5 / x -
           f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
}

double kolmogorovSurvival(double lambda) {
    if (std::isnan(lambda))
        return kNaN;
    if (lambda <= 0.0)
        return 1.0;
    constexpr double pi = std::numbers::pi;
    if (lambda < 1.0) {
        // The alternating series converges slowly for small λ; use the
        // Jacobi theta form of the CDF instead:
        // P(K <= λ) = sqrt(2π) / λ Σ_{k>=1} exp(-(2k - 1)² π² / (8 λ²)).
        const double w = -pi * pi / (8.0 * lambda * lambda);
        double sum = 0.0;
        for (int k = 1; k < 100; ++k) {
            const double term = std::exp(w * (2.0 * k - 1.0) * (2.0 * k - 1.0));
            sum += term;
            if (term < sum * kEpsilon)
                break;
        }
        return 1.0 - std::sqrt(2.0 * pi) / lambda * sum;
    }
    double sum = 0.0, sign = 1.0;
    for (int k = 1; k < 100; ++k) {
        const double term = std::exp(-2.0 * k * k * lambda * lambda);
        sum += sign * term;
        if (term < std::fabs(sum) * kEpsilon)
            break;
        sign = -sign;
    }
    return std::fmin(1.0, 2.0 * sum);
}

}  // namespace sluice::ml
