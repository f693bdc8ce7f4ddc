// SweepSpec and its combinations: which parameter settings a sweep runs.
//
// Contract:
// - Grid: every combination of the axes' values, the first axis varying
//   slowest (nested loops in axis order).
// - Random: `samples` combinations drawn with `seed`, the same on every
//   platform and run (own generator arithmetic, no std distributions). When
//   every axis is a list, combinations are distinct grid points (the whole
//   grid when samples >= its size); an axis given as a range is sampled
//   anywhere inside it (log-uniform on a log range, rounded for an int
//   parameter).
// - SweepError when there is no axis, two axes name the same parameter,
//   random has no samples, or there would be more than maxCombinations.
#pragma once

#include <cstdint>
#include <vector>

#include "sweep/sweep_axis.h"

namespace sluice::sweep {

inline constexpr std::size_t kMaxCombinations = 1000;

enum class SweepMode { Grid, Random };

struct SweepSpec {
    std::vector<Axis> axes;
    SweepMode mode = SweepMode::Grid;
    std::size_t samples = 0;  // random
    std::uint64_t seed = 0;   // random
    std::size_t maxCombinations = kMaxCombinations;
};

// One value per axis, in axis order.
using Combination = std::vector<nlohmann::json>;

std::vector<Combination> combinations(const SweepSpec& spec);

// "n_neighbors=5, weights=distance" (parameter names only, or node.param
// when two axes share a parameter name).
std::string combinationText(const std::vector<Axis>& axes, const Combination& values);

}  // namespace sluice::sweep
