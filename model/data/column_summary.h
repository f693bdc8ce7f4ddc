// Per-column summary statistics, as shown in a column header or inspector.
//
// Contract:
// - count is the number of present (non-missing) values, missing the rest.
// - Numeric columns fill mean, std (sample, n-1; NaN with fewer than two
//   values), min and max; infinite values take part as IEEE says.
// - DateTime columns fill min and max (seconds, data/date_time.h) only.
// - Categorical and text columns fill levelCount (distinct present values)
//   and topLevels: up to `topN` (value, count) pairs, most frequent first,
//   ties broken by first appearance.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "data/column.h"

namespace sluice {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct ColumnSummary {
    std::size_t count = 0;
    std::size_t missing = 0;
    double mean = kNaN;  // NaN when not applicable
    double std = kNaN;
    double min = kNaN;
    double max = kNaN;
    std::size_t levelCount = 0;
    std::vector<std::pair<std::string, std::size_t>> topLevels;
};

ColumnSummary summarize(const Column& column, std::size_t topN = 5);

}  // namespace sluice
