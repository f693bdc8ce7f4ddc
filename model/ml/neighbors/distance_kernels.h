// SIMD scan kernels for brute-force neighbour search.
//
// The library is compiled for the baseline instruction set (SSE2 on
// x86-64), where Eigen's products reach about a third of what the AVX2/FMA
// units of any recent x86 CPU can do. These kernels are compiled for AVX2 +
// FMA in their own translation unit, as functions with a target attribute
// and no Eigen arithmetic (so no Eigen template is ever instantiated for
// another instruction set than the rest of the library's), used only
// when the CPU reports both at run time; brute_force.cpp falls back to
// Eigen products otherwise (and on other architectures and compilers).
//
// Layout: training rows are packed in panels of kPanelRows rows; panel P
// holds, feature by feature, the kPanelRows values of that feature
// (panel[(P * p + f) * kPanelRows + r]). Padding rows (past the last
// training row) carry zeros; the pools ignore their offers. A query group holds
// kGroupRows queries packed the same way (group[f * kGroupRows + r]).
#pragma once

#include <Eigen/Core>

#include "ml/neighbors/candidate_pool.h"

namespace sluice::ml::simd {

inline constexpr Eigen::Index kPanelRows = 8;
inline constexpr Eigen::Index kGroupRows = 4;

// True when this build has the kernels and the CPU can run them.
bool scanKernelsAvailable();

// For each of the kGroupRows queries r and each training row j of panels
// [0, panelCount), computes the approximate distance
//   Euclidean: queryNorm[r] + rowNorm[j] - 2 <query r, row j>  (norms squared)
//   Manhattan: sum_f |query r_f - row j_f|
// and offers it (with row firstRow + j) to pools[r] when it is at most the
// pool's current threshold.
void scanPanels(DistanceMetric metric, const double* group, const double* queryNorm,
                const double* panels, const double* rowNorm, Eigen::Index panelCount,
                Eigen::Index features, Eigen::Index firstRow, CandidatePool* const* pools);

}  // namespace sluice::ml::simd
