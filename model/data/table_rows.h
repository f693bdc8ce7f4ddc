// takeRows: a new Table holding chosen rows of another, in the given order.
//
// Contract:
// - `rows` may repeat and reorder rows; every index must be below
//   table.rowCount(), else std::out_of_range naming the index.
// - Every column keeps its name, kind and role; categorical columns keep
//   their levels (codes are copied as they are, so level order never
//   changes), text columns keep their missing flags.
// - All numeric columns of the result share one new column-major
//   NumericBlock, in table order, so numericMatrix() over them is zero-copy.
// Used by the filter and split nodes.
#pragma once

#include <cstddef>
#include <vector>

#include "data/table.h"

namespace sluice {

TablePtr takeRows(const Table& table, const std::vector<std::size_t>& rows);

// A row index that stands for "no row": gatherRows() makes its value missing.
inline constexpr std::size_t kNoRow = static_cast<std::size_t>(-1);

// Column `c`'s values at `rows` (kNoRow: a missing value), named `name`,
// with c's kind, levels and role (Join's sides, Group by's picked values).
Column gatherRows(const Column& c, const std::vector<std::size_t>& rows, std::string name);

}  // namespace sluice
