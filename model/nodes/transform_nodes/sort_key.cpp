#include "nodes/transform_nodes/sort_key.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sluice {

SortKey::SortKey(const Column& c) : column_(c), kind_(c.kind()) {
    if (c.holdsDoubles()) {
        numbers_ = c.doubles();
    } else if (kind_ == ColumnKind::Categorical) {
        codes_ = c.codes();
        const auto& levels = c.levels();
        std::vector<std::size_t> byLabel(levels.size());
        std::iota(byLabel.begin(), byLabel.end(), std::size_t{0});
        std::sort(byLabel.begin(), byLabel.end(),
                  [&](std::size_t x, std::size_t y) { return levels[x] < levels[y]; });
        rank_.resize(levels.size());
        for (std::size_t r = 0; r < byLabel.size(); ++r)
            rank_[byLabel[r]] = static_cast<std::int32_t>(r);
    }
}

bool SortKey::missing(std::size_t row) const {
    if (column_.holdsDoubles())
        return std::isnan(numbers_[row]);
    if (kind_ == ColumnKind::Categorical)
        return codes_[row] == Column::kMissingCode;
    return column_.isMissing(row);
}

int SortKey::compare(std::size_t a, std::size_t b) const {
    if (column_.holdsDoubles())
        return numbers_[a] < numbers_[b] ? -1 : numbers_[b] < numbers_[a] ? 1 : 0;
    if (kind_ == ColumnKind::Categorical) {
        const auto x = rank_[static_cast<std::size_t>(codes_[a])];
        const auto y = rank_[static_cast<std::size_t>(codes_[b])];
        return x < y ? -1 : y < x ? 1 : 0;
    }
    const int order = column_.texts()[a].compare(column_.texts()[b]);
    return (order > 0) - (order < 0);
}

}  // namespace sluice
