#include "data/column_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace sluice {
namespace {

void summarizeNumbers(std::span<const double> values, ColumnSummary& s) {
    // Welford's update: one pass, no catastrophic cancellation on large offsets.
    double mean = 0.0, m2 = 0.0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (double v : values) {
        if (std::isnan(v))
            continue;
        ++s.count;
        const double delta = v - mean;
        mean += delta / static_cast<double>(s.count);
        m2 += delta * (v - mean);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    s.missing = values.size() - s.count;
    if (s.count == 0)
        return;
    s.mean = mean;
    s.min = lo;
    s.max = hi;
    if (s.count > 1)
        s.std = std::sqrt(m2 / static_cast<double>(s.count - 1));
}

// counts[i] is the frequency of level i; order is first appearance.
void fillTopLevels(const std::vector<std::string_view>& names,
                   const std::vector<std::size_t>& counts, std::size_t topN, ColumnSummary& s) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0)
            order.push_back(i);
    s.levelCount = order.size();
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    order.resize(std::min(order.size(), topN));
    for (std::size_t i : order)
        s.topLevels.emplace_back(std::string(names[i]), counts[i]);
}

void summarizeCodes(const Column& column, std::size_t topN, ColumnSummary& s) {
    const auto& levels = column.levels();
    std::vector<std::size_t> counts(levels.size(), 0);
    std::vector<std::size_t> firstSeen(levels.size(), std::numeric_limits<std::size_t>::max());
    const auto codes = column.codes();
    for (std::size_t row = 0; row < codes.size(); ++row) {
        const std::int32_t code = codes[row];
        if (code == Column::kMissingCode)
            continue;
        const auto c = static_cast<std::size_t>(code);
        if (counts[c]++ == 0)
            firstSeen[c] = row;
    }
    // Present levels in order of first appearance, so ties follow the data.
    std::vector<std::size_t> byAppearance(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i)
        byAppearance[i] = i;
    std::sort(byAppearance.begin(), byAppearance.end(),
              [&](std::size_t a, std::size_t b) { return firstSeen[a] < firstSeen[b]; });
    std::vector<std::string_view> names;
    std::vector<std::size_t> orderedCounts;
    for (std::size_t i : byAppearance) {
        names.push_back(levels[i]);
        orderedCounts.push_back(counts[i]);
        s.count += counts[i];
    }
    s.missing = codes.size() - s.count;
    fillTopLevels(names, orderedCounts, topN, s);
}

void summarizeTexts(const Column& column, std::size_t topN, ColumnSummary& s) {
    std::unordered_map<std::string_view, std::size_t> index;
    std::vector<std::string_view> names;
    std::vector<std::size_t> counts;
    const auto& texts = column.texts();
    for (std::size_t row = 0; row < texts.size(); ++row) {
        if (column.isMissing(row))
            continue;
        ++s.count;
        auto [it, added] = index.try_emplace(texts[row], names.size());
        if (added) {
            names.push_back(texts[row]);
            counts.push_back(0);
        }
        ++counts[it->second];
    }
    s.missing = texts.size() - s.count;
    fillTopLevels(names, counts, topN, s);
}

}  // namespace

ColumnSummary summarize(const Column& column, std::size_t topN) {
    ColumnSummary s;
    switch (column.kind()) {
        case ColumnKind::Numeric:
            summarizeNumbers(column.numbers(), s);
            break;
        case ColumnKind::Categorical:
            summarizeCodes(column, topN, s);
            break;
        case ColumnKind::Text:
            summarizeTexts(column, topN, s);
            break;
        case ColumnKind::DateTime:
            // The earliest and latest (seconds); a mean date says little.
            summarizeNumbers(column.seconds(), s);
            s.mean = s.std = kNaN;
            break;
    }
    return s;
}

}  // namespace sluice
