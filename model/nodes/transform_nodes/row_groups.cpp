#include "nodes/transform_nodes/row_groups.h"

#include <algorithm>
#include <numeric>

#include "nodes/transform_nodes/key_groups.h"
#include "nodes/transform_nodes/row_keys.h"
#include "nodes/transform_nodes/sort_key.h"

namespace sluice {

RowGroups::RowGroups(const Table& table, const std::vector<std::string>& names,
                     std::string_view param, bool dropMissing, bool sorted) {
    const std::size_t rows = table.rowCount();
    if (names.empty()) {
        groupOf.assign(rows, rows > 0 ? 0 : -1);
        if (rows > 0)
            firstRow.push_back(0);
        return;
    }
    const RowKeys keys(table, names, param);
    KeyGroups groups(keys, rows, !dropMissing);
    if (sorted && groups.count() > 1) {
        std::vector<SortKey> order;
        for (const Column* column : keys.columns())
            order.emplace_back(*column);
        const std::vector<std::size_t>& first = groups.firstRow;
        std::vector<std::int32_t> byKey(first.size());
        std::iota(byKey.begin(), byKey.end(), 0);
        std::sort(byKey.begin(), byKey.end(), [&](std::int32_t x, std::int32_t y) {
            const std::size_t a = first[static_cast<std::size_t>(x)];
            const std::size_t b = first[static_cast<std::size_t>(y)];
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
        std::vector<std::int32_t> newId(byKey.size());
        for (std::size_t i = 0; i < byKey.size(); ++i)
            newId[static_cast<std::size_t>(byKey[i])] = static_cast<std::int32_t>(i);
        groups.renumber(newId);
    }
    groupOf = std::move(groups.groupOf);
    firstRow = std::move(groups.firstRow);
    dropped = groups.dropped;
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
