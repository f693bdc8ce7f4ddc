// SortKey: one column prepared for ordering rows by it (Sort rows, and
// Group by / Pivot, which order their groups the same way).
//
// Contract: numbers and dates compare as numbers; categories and text by the text
// shown (byte order, so "B" before "a"); a categorical column compares its
// codes' ranks in label order, computed once, so a comparison does no
// lookups. compare() is for two present values; missing() tells which rows
// have none (the callers put those last). The key refers to the column,
// which must outlive it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "data/column.h"

namespace sluice {

class SortKey {
public:
    explicit SortKey(const Column& c);

    bool missing(std::size_t row) const;
    // -1, 0, 1 for rows a and b, both present.
    int compare(std::size_t a, std::size_t b) const;
    // A categorical column: each level code's place in label order.
    const std::vector<std::int32_t>& levelRanks() const { return rank_; }

private:
    const Column& column_;
    ColumnKind kind_;
    std::span<const double> numbers_;
    std::span<const std::int32_t> codes_;
    std::vector<std::int32_t> rank_;  // by level code: its place in label order
};

}  // namespace sluice
