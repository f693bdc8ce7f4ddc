// LevelUnion: the level lists of several categorical columns as one list, in
// order of first appearance, for nodes that put such columns together (Join
// merging two keys, Concatenate stacking tables).
//
// Contract: add(levels) appends the levels not seen yet and returns, for
// each of `levels`, its index in the union, so a column's codes map with
// union[code]. levels() is the union so far.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace sluice {

class LevelUnion {
public:
    std::vector<std::int32_t> add(const std::vector<std::string>& levels) {
        std::vector<std::int32_t> where;
        where.reserve(levels.size());
        for (const std::string& level : levels) {
            auto [it, added] = index_.try_emplace(level, static_cast<std::int32_t>(levels_.size()));
            if (added)
                levels_.push_back(level);
            where.push_back(it->second);
        }
        return where;
    }

    const std::vector<std::string>& levels() const { return levels_; }

private:
    std::vector<std::string> levels_;
    std::unordered_map<std::string, std::int32_t> index_;
};

}  // namespace sluice
