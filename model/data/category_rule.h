// When a column of texts is kept as categories rather than as text: the one
// rule the CSV reader and Formula's results follow, so a column reads the
// same way whether it came from a file or was computed.
//
// Contract: categorical when there are at most `maxLevels` distinct values
// and they repeat: at most 20 of them, or at most half as many as the
// values present.
#pragma once

#include <cstddef>

namespace sluice {

inline constexpr std::size_t kDefaultMaxLevels = 1000;

inline bool textsMakeCategories(std::size_t distinct, std::size_t present,
                                std::size_t maxLevels = kDefaultMaxLevels) {
    return distinct <= maxLevels && (distinct <= 20 || 2 * distinct <= present);
}

}  // namespace sluice
