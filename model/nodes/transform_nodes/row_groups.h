// RowGroups: a table's rows grouped by equal values in chosen columns, for
// the nodes that make one row (or one column) per group: Group by, Pivot.
//
// Contract:
// - Rows agree as RowKeys has it (row_keys.h). A row with a missing key part
//   belongs to no group (group -1) when dropMissing, as pandas' groupby
//   does by default; otherwise missing equals missing and forms a group.
// - Groups are numbered in order of first appearance, or, when sorted, in
//   the order of their keys as Sort rows orders (sort_key.h: numbers by
//   value, categories and text by their text, missing last).
// - No key columns: every row is in one group (none when the table is
//   empty).
// - The constructor throws NodeError naming `param` and the column when a
//   name is not in the table.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/table.h"

namespace sluice {

struct RowGroups {
    RowGroups(const Table& table, const std::vector<std::string>& names, std::string_view param,
              bool dropMissing, bool sorted);

    std::vector<std::int32_t> groupOf;  // per row: its group, or -1
    std::vector<std::size_t> firstRow;  // per group: its first row
    std::size_t dropped = 0;            // rows in no group

    std::size_t count() const { return firstRow.size(); }
};

// The rows of every group (groupOf[row], -1 for none, below `count`), group
// after group, each in row order, and where each group starts in that list
// (count + 1 offsets). Linear: a counting sort.
void groupRowLists(std::span<const std::int32_t> groupOf, std::size_t count,
                   std::vector<std::size_t>& rows, std::vector<std::size_t>& offsets);

}  // namespace sluice
