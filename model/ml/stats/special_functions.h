// Special functions the two-sample tests need for their p-values, written
// here because the project depends on nothing beyond Eigen and the standard
// library for numerics.
//
// Contract: arguments outside a function's domain give NaN (never throw);
// results are accurate to about 1e-12 relative where they are not tiny, and
// underflow smoothly to 0 for extreme arguments.
#pragma once

namespace sluice::ml {

// Regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) for
// a > 0, x >= 0: the survival function of a gamma(a) variable, so the
// p-value of a chi-square statistic s with k degrees of freedom is
// Q(k / 2, s / 2). Series for x < a + 1, continued fraction otherwise.
double regularizedGammaQ(double a, double x);
// P(a, x) = 1 - Q(a, x), computed directly on the side where it is small.
double regularizedGammaP(double a, double x);

// Survival function of the chi-square distribution with `dof` > 0 degrees
// of freedom at `statistic` >= 0.
double chiSquareSurvival(double statistic, double dof);

// Regularised incomplete beta function I_x(a, b) for a, b > 0 and x in
// [0, 1]: the continued fraction on the side where it converges fast.
double regularizedBeta(double a, double b, double x);

// Survival function of the F distribution with (d1, d2) degrees of freedom
// at f >= 0: P(F > f) = I_{d2 / (d2 + d1 f)}(d2 / 2, d1 / 2).
double fSurvival(double f, double d1, double d2);

// The digamma function ψ(x) = Γ'(x) / Γ(x) for x > 0 (recurrence up to
// x >= 6, then the asymptotic series).
double digamma(double x);

// Kolmogorov's limiting distribution: Q_KS(λ) = P(K > λ)
// = 2 Σ_{k>=1} (-1)^{k-1} exp(-2 k² λ²); 1 for λ <= 0. The same function
// as scipy.special.kolmogorov.
double kolmogorovSurvival(double lambda);

}  // namespace sluice::ml
