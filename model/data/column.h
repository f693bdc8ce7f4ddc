// Column: one named, typed, immutable column of a Table.
//
// Contract:
// - Four kinds. Numeric holds doubles, NaN meaning missing. Categorical holds
//   int32 codes into a list of level names, -1 meaning missing. Text holds
//   strings; a missing text value is flagged in a separate mask, so an empty
//   string and a missing value stay distinct. DateTime holds seconds since
//   1970-01-01 UTC as doubles (data/date_time.h), NaN meaning missing; it
//   shows as a date when every value falls on a midnight (dateOnly()), else
//   as a date and time.
// - A column is a cheap handle: its storage is shared and never mutated, so
//   copying a column, renaming it or changing its role copies no data.
// - Numeric values may live inside a larger column-major block shared with
//   other columns (see NumericBlock); that is what lets eigen_view.h hand
//   several columns to Eigen without copying.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice {

enum class ColumnKind { Numeric, Categorical, Text, DateTime };
enum class ColumnRole { Feature, Target, Meta };

std::string_view kindName(ColumnKind kind);
std::string_view roleName(ColumnRole role);

// An allocator whose resize() leaves new doubles uninitialized: a reader
// about to overwrite every value should not pay for zeroing hundreds of
// megabytes first.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = UninitializedAllocator<U>;
    };
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        if constexpr (sizeof...(Args) == 0) {
            ::new (static_cast<void*>(p)) U;
        } else {
            ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
        }
    }
};

using DoubleBuffer = std::vector<double, UninitializedAllocator<double>>;

// Column-major storage for several numeric columns of equal length.
struct NumericBlock {
    DoubleBuffer values;  // column c occupies [c * rows, (c + 1) * rows)
    std::size_t rows = 0;
};

class Column {
public:
    static constexpr std::int32_t kMissingCode = -1;

    static Column numeric(std::string name, std::vector<double> values,
                          ColumnRole role = ColumnRole::Feature);
    // A column that views column `index` of a shared block.
    static Column numericInBlock(std::string name, std::shared_ptr<const NumericBlock> block,
                                 std::size_t index, ColumnRole role = ColumnRole::Feature);
    // Codes must be -1 or index into levels; levels must be distinct.
    static Column categorical(std::string name, std::vector<std::int32_t> codes,
                              std::vector<std::string> levels,
                              ColumnRole role = ColumnRole::Feature);
    // missing may be empty (nothing missing) or one flag per value.
    static Column text(std::string name, std::vector<std::string> values,
                       std::vector<bool> missing = {}, ColumnRole role = ColumnRole::Meta);
    // Seconds since 1970-01-01 00:00 UTC, NaN for missing; a value outside
    // years -9999..9999 (or infinite) is kept as missing.
    static Column dateTime(std::string name, std::vector<double> seconds,
                           ColumnRole role = ColumnRole::Feature);
    // A Numeric or DateTime column (`kind`) of these values: for code that
    // moves values of either without caring which.
    static Column ofDoubles(ColumnKind kind, std::string name, std::vector<double> values,
                            ColumnRole role = ColumnRole::Feature);

    const std::string& name() const { return name_; }
    ColumnKind kind() const { return kind_; }
    ColumnRole role() const { return role_; }
    std::size_t size() const { return size_; }

    // Kind-specific access; each throws std::logic_error on the wrong kind.
    std::span<const double> numbers() const;
    std::span<const std::int32_t> codes() const;
    const std::vector<std::string>& levels() const;
    const std::vector<std::string>& texts() const;
    std::span<const double> seconds() const;
    // Numeric and DateTime columns both hold doubles, NaN for missing.
    bool holdsDoubles() const {
        return kind_ == ColumnKind::Numeric || kind_ == ColumnKind::DateTime;
    }
    // The doubles of a Numeric or DateTime column (logic_error otherwise).
    std::span<const double> doubles() const;
    // DateTime: every present value is at midnight, so it shows as a date.
    bool dateOnly() const { return dateOnly_; }

    bool isMissing(std::size_t row) const;
    // The value as a user would read it ("" when missing); numbers in
    // shortest round-trip form.
    std::string displayValue(std::size_t row) const;

    // The block and column index when this numeric column lives in a shared
    // block (nullptr otherwise); used for zero-copy Eigen views.
    const NumericBlock* block() const { return block_.get(); }
    std::size_t blockIndex() const { return blockIndex_; }
    const std::shared_ptr<const NumericBlock>& sharedBlock() const { return block_; }

    Column withName(std::string name) const;
    Column withRole(ColumnRole role) const;

private:
    Column() = default;
    void requireKind(ColumnKind expected) const;

    std::string name_;
    ColumnKind kind_ = ColumnKind::Numeric;
    ColumnRole role_ = ColumnRole::Feature;
    std::size_t size_ = 0;

    std::shared_ptr<const NumericBlock> block_;  // numeric
    std::size_t blockIndex_ = 0;
    std::shared_ptr<const std::vector<std::int32_t>> codes_;  // categorical
    std::shared_ptr<const std::vector<std::string>> levels_;
    std::shared_ptr<const std::vector<std::string>> texts_;  // text
    std::shared_ptr<const std::vector<bool>> textMissing_;
    bool dateOnly_ = false;  // DateTime (values live in block_, like numbers)
};

}  // namespace sluice
