#include "nodes/transform_nodes/key_groups.h"

namespace sluice {

KeyGroups::KeyGroups(const RowKeys& keys, std::size_t rows, bool missingMatches)
    : keys_(keys), missingMatches_(missingMatches) {
    std::vector<std::uint64_t> hashes;
    std::vector<std::uint8_t> missing;
    keys.hashAll(rows, hashes, missing, missingMatches);
    // At most half full even if every row is a group of its own: probes stay short.
    std::size_t capacity = 16;
    while (capacity < 2 * rows)
        capacity <<= 1;
    slots_.assign(capacity, -1);
    mask_ = capacity - 1;
    groupOf.assign(rows, -1);
    for (std::size_t r = 0; r < rows; ++r) {
        if (missing[r]) {
            ++dropped;
            continue;
        }
        const std::uint64_t h = hashes[r];
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const std::int32_t g = slots_[i];
            if (g < 0) {
                const auto fresh = static_cast<std::int32_t>(firstRow.size());
                slots_[i] = fresh;
                firstRow.push_back(r);
                groupHash_.push_back(h);
                groupOf[r] = fresh;
                break;
            }
            const auto group = static_cast<std::size_t>(g);
            if (groupHash_[group] == h && keys.equal(firstRow[group], keys, r)) {
                groupOf[r] = g;
                break;
            }
        }
    }
}

std::int32_t KeyGroups::find(const RowKeys& probe, std::size_t row) const {
    std::uint64_t h = 0;
    if (!probe.hash(row, h, missingMatches_))
        return -1;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
        const std::int32_t g = slots_[i];
        if (g < 0)
            return -1;
        const auto group = static_cast<std::size_t>(g);
        if (groupHash_[group] == h && probe.equal(row, keys_, firstRow[group]))
            return g;
    }
}

void KeyGroups::renumber(const std::vector<std::int32_t>& newId) {
    std::vector<std::size_t> first(firstRow.size());
    std::vector<std::uint64_t> hash(groupHash_.size());
    for (std::size_t g = 0; g < newId.size(); ++g) {
        first[static_cast<std::size_t>(newId[g])] = firstRow[g];
        hash[static_cast<std::size_t>(newId[g])] = groupHash_[g];
    }
    firstRow = std::move(first);
    groupHash_ = std::move(hash);
    for (std::int32_t& g : groupOf)
        if (g >= 0)
            g = newId[static_cast<std::size_t>(g)];
    for (std::int32_t& g : slots_)
        if (g >= 0)
            g = newId[static_cast<std::size_t>(g)];
}

}  // namespace sluice
