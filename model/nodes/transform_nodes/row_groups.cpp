#include "nodes/transform_nodes/row_groups.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "nodes/transform_nodes/row_keys.h"
#include "nodes/transform_nodes/sort_key.h"

namespace sluice {

RowGroups::RowGroups(const Table& table, const std::vector<std::string>& names,
                     std::string_view param, bool dropMissing, bool sorted) {
    const std::size_t rows = table.rowCount();
    groupOf.assign(rows, -1);
    if (names.empty()) {
        if (rows > 0) {
            std::fill(groupOf.begin(), groupOf.end(), 0);
            firstRow.push_back(0);
        }
        return;
    }
    const RowKeys keys(table, names, param);
    // hash -> the groups with that hash (almost always one)
    std::unordered_map<std::uint64_t, std::vector<std::int32_t>> byHash;
    byHash.reserve(std::min<std::size_t>(rows, 1 << 16));
    std::uint64_t h = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        if (!keys.hash(r, h, !dropMissing)) {
            ++dropped;
            continue;
        }
        std::vector<std::int32_t>& candidates = byHash[h];
        std::int32_t g = -1;
        for (std::int32_t c : candidates)
            if (keys.equal(firstRow[static_cast<std::size_t>(c)], keys, r)) {
                g = c;
                break;
            }
        if (g < 0) {
            g = static_cast<std::int32_t>(firstRow.size());
            firstRow.push_back(r);
            candidates.push_back(g);
        }
        groupOf[r] = g;
    }
    if (!sorted || firstRow.size() < 2)
        return;

    std::vector<SortKey> order;
    for (const Column* column : keys.columns())
        order.emplace_back(*column);
    std::vector<std::int32_t> byKey(firstRow.size());
    std::iota(byKey.begin(), byKey.end(), 0);
    std::sort(byKey.begin(), byKey.end(), [&](std::int32_t x, std::int32_t y) {
        const std::size_t a = firstRow[static_cast<std::size_t>(x)];
        const std::size_t b = firstRow[static_cast<std::size_t>(y)];
        for (const SortKey& key : order) {
            const bool ma = key.missing(a), mb = key.missing(b);
            if (ma || mb) {
                if (ma != mb)
                    return mb;
                continue;
            }
            if (const int c = key.compare(a, b); c != 0)
                return c < 0;
        }
        return false;  // equal keys are one group; not reached
    });
    std::vector<std::int32_t> renumber(firstRow.size());
    std::vector<std::size_t> first(firstRow.size());
    for (std::size_t i = 0; i < byKey.size(); ++i) {
        renumber[static_cast<std::size_t>(byKey[i])] = static_cast<std::int32_t>(i);
        first[i] = firstRow[static_cast<std::size_t>(byKey[i])];
    }
    firstRow = std::move(first);
    for (std::int32_t& g : groupOf)
        if (g >= 0)
            g = renumber[static_cast<std::size_t>(g)];
}

void groupRowLists(std::span<const std::int32_t> groupOf, std::size_t count,
                   std::vector<std::size_t>& rows, std::vector<std::size_t>& offsets) {
    offsets.assign(count + 1, 0);
    for (std::int32_t g : groupOf)
        if (g >= 0)
            ++offsets[static_cast<std::size_t>(g) + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    rows.resize(offsets.back());
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t r = 0; r < groupOf.size(); ++r)
        if (const std::int32_t g = groupOf[r]; g >= 0)
            rows[next[static_cast<std::size_t>(g)]++] = r;
}

}  // namespace sluice
