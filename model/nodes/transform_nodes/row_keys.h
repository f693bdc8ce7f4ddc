// RowKeys: a row's values in chosen columns as one key (a hash and an
// equality test), for nodes that match or group rows by those values (Join,
// Remove duplicates).
//
// Contract: two rows get equal keys exactly when every chosen column holds
// equal values: numbers and dates by value (0 and -0 alike; a date never
// equals a number), categories and text by
// the text shown, so categorical columns with other level lists still agree
// and a number never equals a text. A missing value makes hash() return false
// unless missingMatches, in which case missing equals missing (and nothing
// else), as pandas' duplicated() has it. The constructor throws NodeError
// naming `param` and the column when a name is not in the table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/table.h"

namespace sluice {

class RowKeys {
public:
    RowKeys(const Table& table, const std::vector<std::string>& names, std::string_view param);

    const std::vector<const Column*>& columns() const { return columns_; }

    // The row's key as a 64-bit hash (equal keys, equal hashes; unequal
    // keys may collide, which equal() settles); false when a part is
    // missing and missing values do not match. Cheap: a category's text is
    // hashed once per level, not once per row.
    bool hash(std::size_t row, std::uint64_t& out, bool missingMatches = false) const;
    // hash() of rows 0..rows-1 at once, a column at a time (much faster than
    // row by row): out[r] the hash, missing[r] 1 where hash() would be false.
    void hashAll(std::size_t rows, std::vector<std::uint64_t>& out,
                 std::vector<std::uint8_t>& missing, bool missingMatches) const;
    // Whether row `a` here and row `b` of `other` (as many columns, in the
    // same order) hold equal keys; missing equals missing.
    bool equal(std::size_t a, const RowKeys& other, std::size_t b) const;

private:
    std::vector<const Column*> columns_;
    std::vector<std::vector<std::uint64_t>> levelHashes_;  // per column, per level
};

}  // namespace sluice
