#include "data/column.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_set>

#include "data/date_time.h"
#include "data/number_text.h"

namespace sluice {

std::string_view kindName(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::Numeric:
            return "numeric";
        case ColumnKind::Categorical:
            return "categorical";
        case ColumnKind::Text:
            return "text";
        case ColumnKind::DateTime:
            return "datetime";
    }
    return "unknown";
}

std::string_view roleName(ColumnRole role) {
    switch (role) {
        case ColumnRole::Feature:
            return "feature";
        case ColumnRole::Target:
            return "target";
        case ColumnRole::Meta:
            return "meta";
    }
    return "unknown";
}

Column Column::numeric(std::string name, std::vector<double> values, ColumnRole role) {
    auto block = std::make_shared<NumericBlock>();
    block->rows = values.size();
    block->values.assign(values.begin(), values.end());
    return numericInBlock(std::move(name), std::move(block), 0, role);
}

Column Column::numericInBlock(std::string name, std::shared_ptr<const NumericBlock> block,
                              std::size_t index, ColumnRole role) {
    if (!block)
        throw std::invalid_argument("numeric column '" + name + "' has no storage");
    if ((index + 1) * block->rows > block->values.size())
        throw std::out_of_range("numeric column '" + name + "' lies outside its block");
    Column c;
    c.name_ = std::move(name);
    c.kind_ = ColumnKind::Numeric;
    c.role_ = role;
    c.size_ = block->rows;
    c.block_ = std::move(block);
    c.blockIndex_ = index;
    return c;
}

Column Column::categorical(std::string name, std::vector<std::int32_t> codes,
                           std::vector<std::string> levels, ColumnRole role) {
    std::unordered_set<std::string_view> seen;
    for (const auto& level : levels) {
        if (!seen.insert(level).second)
            throw std::invalid_argument("categorical column '" + name + "' repeats level '" +
                                        level + "'");
    }
    const auto levelCount = static_cast<std::int32_t>(levels.size());
    for (std::int32_t code : codes) {
        if (code < kMissingCode || code >= levelCount)
            throw std::out_of_range("categorical column '" + name + "' has code " +
                                    std::to_string(code) + " but only " +
                                    std::to_string(levelCount) + " levels");
    }
    Column c;
    c.name_ = std::move(name);
    c.kind_ = ColumnKind::Categorical;
    c.role_ = role;
    c.size_ = codes.size();
    c.codes_ = std::make_shared<const std::vector<std::int32_t>>(std::move(codes));
    c.levels_ = std::make_shared<const std::vector<std::string>>(std::move(levels));
    return c;
}

Column Column::text(std::string name, std::vector<std::string> values, std::vector<bool> missing,
                    ColumnRole role) {
    if (!missing.empty() && missing.size() != values.size())
        throw std::invalid_argument("text column '" + name +
                                    "' has a missing mask of the wrong length");
    Column c;
    c.name_ = std::move(name);
    c.kind_ = ColumnKind::Text;
    c.role_ = role;
    c.size_ = values.size();
    c.texts_ = std::make_shared<const std::vector<std::string>>(std::move(values));
    if (!missing.empty())
        c.textMissing_ = std::make_shared<const std::vector<bool>>(std::move(missing));
    return c;
}

Column Column::dateTime(std::string name, std::vector<double> seconds, ColumnRole role) {
    for (double& v : seconds)
        if (!isDateInRange(v))
            v = std::numeric_limits<double>::quiet_NaN();  // infinite, or past year 9999
    Column c = numeric(std::move(name), std::move(seconds), role);
    c.kind_ = ColumnKind::DateTime;
    const std::span<const double> values{c.block_->values.data(), c.size_};
    c.dateOnly_ = std::all_of(values.begin(), values.end(),
                              [](double v) { return std::isnan(v) || isMidnight(v); });
    return c;
}

Column Column::ofDoubles(ColumnKind kind, std::string name, std::vector<double> values,
                         ColumnRole role) {
    if (kind == ColumnKind::DateTime)
        return dateTime(std::move(name), std::move(values), role);
    if (kind != ColumnKind::Numeric)
        throw std::logic_error("column '" + name + "': " + std::string(kindName(kind)) +
                               " values are not doubles");
    return numeric(std::move(name), std::move(values), role);
}

void Column::requireKind(ColumnKind expected) const {
    if (kind_ != expected)
        throw std::logic_error("column '" + name_ + "' is " + std::string(kindName(kind_)) +
                               ", not " + std::string(kindName(expected)));
}

std::span<const double> Column::numbers() const {
    requireKind(ColumnKind::Numeric);
    return {block_->values.data() + blockIndex_ * block_->rows, size_};
}

std::span<const std::int32_t> Column::codes() const {
    requireKind(ColumnKind::Categorical);
    return {codes_->data(), codes_->size()};
}

const std::vector<std::string>& Column::levels() const {
    requireKind(ColumnKind::Categorical);
    return *levels_;
}

std::span<const double> Column::doubles() const {
    if (!holdsDoubles())
        throw std::logic_error("column '" + name_ + "' is " + std::string(kindName(kind_)) +
                               ", not numeric or datetime");
    return {block_->values.data() + blockIndex_ * block_->rows, size_};
}

std::span<const double> Column::seconds() const {
    requireKind(ColumnKind::DateTime);
    return {block_->values.data() + blockIndex_ * block_->rows, size_};
}

const std::vector<std::string>& Column::texts() const {
    requireKind(ColumnKind::Text);
    return *texts_;
}

bool Column::isMissing(std::size_t row) const {
    if (row >= size_)
        throw std::out_of_range("row " + std::to_string(row) + " of column '" + name_ + "' with " +
                                std::to_string(size_) + " rows");
    switch (kind_) {
        case ColumnKind::Numeric:
            return std::isnan(numbers()[row]);
        case ColumnKind::Categorical:
            return (*codes_)[row] == kMissingCode;
        case ColumnKind::Text:
            return textMissing_ && (*textMissing_)[row];
        case ColumnKind::DateTime:
            return std::isnan(seconds()[row]);
    }
    return false;
}

std::string Column::displayValue(std::size_t row) const {
    if (isMissing(row))
        return {};
    switch (kind_) {
        case ColumnKind::Numeric:
            return formatNumber(numbers()[row]);
        case ColumnKind::Categorical:
            return (*levels_)[static_cast<std::size_t>((*codes_)[row])];
        case ColumnKind::Text:
            return (*texts_)[row];
        case ColumnKind::DateTime:
            return formatDateTime(seconds()[row], dateOnly_);
    }
    return {};
}

Column Column::withName(std::string name) const {
    Column c = *this;
    c.name_ = std::move(name);
    return c;
}

Column Column::withRole(ColumnRole role) const {
    Column c = *this;
    c.role_ = role;
    return c;
}

}  // namespace sluice
