#include "data/table.h"

#include <stdexcept>
#include <unordered_set>

namespace sluice {

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {
    rows_ = columns_.empty() ? 0 : columns_.front().size();
    std::unordered_set<std::string_view> names;
    for (const Column& c : columns_) {
        if (c.size() != rows_)
            throw std::invalid_argument("column '" + c.name() + "' has " +
                                        std::to_string(c.size()) + " rows, but column '" +
                                        columns_.front().name() + "' has " + std::to_string(rows_));
        if (!names.insert(c.name()).second)
            throw std::invalid_argument("column name '" + c.name() + "' appears twice");
    }
}

const Column& Table::column(std::size_t index) const {
    if (index >= columns_.size())
        throw std::out_of_range("column " + std::to_string(index) + " of a table with " +
                                std::to_string(columns_.size()) + " columns");
    return columns_[index];
}

const Column& Table::column(std::string_view name) const {
    if (auto i = indexOf(name))
        return columns_[*i];
    std::string known;
    for (const Column& c : columns_)
        known += (known.empty() ? "" : ", ") + c.name();
    throw std::out_of_range("no column named '" + std::string(name) + "' (columns: " + known + ")");
}

std::optional<std::size_t> Table::indexOf(std::string_view name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].name() == name)
            return i;
    return std::nullopt;
}

std::vector<std::size_t> Table::columnsWithRole(ColumnRole role) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].role() == role)
            out.push_back(i);
    return out;
}

std::vector<std::string> Table::columnNames() const {
    std::vector<std::string> out;
    out.reserve(columns_.size());
    for (const Column& c : columns_)
        out.push_back(c.name());
    return out;
}

TablePtr Table::select(const std::vector<std::string>& names) const {
    std::vector<Column> picked;
    picked.reserve(names.size());
    for (const auto& n : names)
        picked.push_back(column(n));
    return make(std::move(picked));
}

TablePtr Table::withRole(std::string_view name, ColumnRole role) const {
    std::vector<Column> copy = columns_;
    const Column& target = column(name);  // throws when absent
    copy[static_cast<std::size_t>(&target - columns_.data())] = target.withRole(role);
    return make(std::move(copy));
}

}  // namespace sluice
