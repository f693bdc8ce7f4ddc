// KeyGroups: the rows of a table grouped by equal keys (RowKeys), in an
// open-addressing hash table, so that grouping a million rows costs one hash
// per row and no allocation per group; and found again from another
// table's row (Join probes the right side's groups with left rows).
//
// Contract:
// - Groups are numbered in order of first appearance. A row with a missing
//   key part is in no group (-1) unless missingMatches, when missing
//   equals missing.
// - find(probe, row) gives the group whose key equals row `row` of `probe`
//   (RowKeys over as many columns, compared as RowKeys::equal does), or -1;
//   a probe row with a missing part finds nothing unless missingMatches.
// - The RowKeys (and the table under them) must outlive the KeyGroups.
#pragma once

#include <cstdint>
#include <vector>

#include "nodes/transform_nodes/row_keys.h"

namespace sluice {

class KeyGroups {
public:
    KeyGroups(const RowKeys& keys, std::size_t rows, bool missingMatches);

    std::vector<std::int32_t> groupOf;  // per row: its group, or -1
    std::vector<std::size_t> firstRow;  // per group: its first row
    std::size_t dropped = 0;            // rows in no group

    std::size_t count() const { return firstRow.size(); }
    std::int32_t find(const RowKeys& probe, std::size_t row) const;
    // Renumbers the groups: group g becomes newId[g] (a permutation).
    void renumber(const std::vector<std::int32_t>& newId);

private:
    const RowKeys& keys_;
    bool missingMatches_;
    std::vector<std::int32_t> slots_;       // group, or -1 for an empty slot
    std::vector<std::uint64_t> groupHash_;  // per group
    std::uint64_t mask_ = 0;
};

}  // namespace sluice
