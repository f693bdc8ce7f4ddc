// Aggregating a column over groups of rows: what Group by computes per
// output column and Pivot per cell.
//
// Contract (aggregateGroups):
// - `groupOf` gives each row's group below `count`, or -1 for a row in no
//   group; the result has one value per group.
// - Functions (aggregateFunctions()): count (values present),
//   count_missing, sum, mean, median, min, max, std and var (n - 1 in the
//   denominator, as pandas), n_unique, first and last (the first / last
//   value present, as pandas), mode (the most frequent value present; a tie
//   goes to the smallest).
// - sum, mean, median, std and var need a numeric column
//   (aggregateNeedsNumbers; the caller refuses others, naming the column);
//   counts and n_unique give numbers; min, max, first, last and mode keep
//   the column's kind (a categorical result keeps the levels), comparing
//   categories and text by their text.
// - A group with no value present gets a missing value; its sum and counts
//   are 0.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/column.h"

namespace sluice {

const std::vector<std::string>& aggregateFunctions();
bool aggregateNeedsNumbers(std::string_view function);

Column aggregateGroups(const Column& column, std::string_view function, const std::string& name,
                       std::span<const std::int32_t> groupOf, std::size_t count);

// The exported script's side: Python defining sluice_aggregate(function),
// what pandas' agg() takes for each function above (for Group by and Pivot).
const char* aggregatePython();

}  // namespace sluice
