// Table: an immutable, columnar data set, shared as TablePtr.
//
// Contract:
// - All columns have the same number of rows and distinct names; the
//   constructor throws std::invalid_argument naming the offending column
//   otherwise.
// - A Table never changes after construction. "Edits" (select, set roles)
//   return a new Table that shares the column storage, so they cost no copy
//   of the data.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/column.h"

namespace sluice {

class Table;
using TablePtr = std::shared_ptr<const Table>;

class Table {
public:
    Table() = default;
    explicit Table(std::vector<Column> columns);

    static TablePtr make(std::vector<Column> columns) {
        return std::make_shared<const Table>(std::move(columns));
    }

    std::size_t rowCount() const { return rows_; }
    std::size_t columnCount() const { return columns_.size(); }
    const std::vector<Column>& columns() const { return columns_; }
    const Column& column(std::size_t index) const;
    // Throws std::out_of_range listing the available names when absent.
    const Column& column(std::string_view name) const;
    std::optional<std::size_t> indexOf(std::string_view name) const;

    std::vector<std::size_t> columnsWithRole(ColumnRole role) const;
    std::vector<std::string> columnNames() const;

    // A table of the named columns in the given order (storage shared).
    TablePtr select(const std::vector<std::string>& names) const;
    // A copy with one column's role changed (storage shared).
    TablePtr withRole(std::string_view name, ColumnRole role) const;

private:
    std::vector<Column> columns_;
    std::size_t rows_ = 0;
};

}  // namespace sluice
