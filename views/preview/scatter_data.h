// The numbers behind a table scatter: which rows are drawn (evenly sampled
// above a limit), in which colour group, and each group's mean point.
// Plain data so tests can check it without a chart.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <optional>
#include <vector>

#include "data/table.h"

namespace sluice {

// Groups a colour column may have at most (more would not read as colours).
inline constexpr std::size_t kMaxColourGroups = 20;
// Points drawn at most; above it rows are sampled evenly.
inline constexpr std::size_t kMaxScatterPoints = 5000;

struct ScatterGroup {
    QString label;          // the level / value, "all rows", or "missing"
    std::size_t count = 0;  // rows in the group with x and y present
    QPointF mean;           // over all `count` rows, not only the drawn ones
    QList<QPointF> points;  // the drawn points
    bool missing = false;   // the group of rows whose colour value is missing
};

struct ScatterData {
    std::vector<ScatterGroup> groups;  // non-empty groups, in level order
    std::size_t total = 0;             // rows with x and y present
    std::size_t shown = 0;             // points drawn over all groups
};

// True when `column` can colour a scatter: categorical with at most
// kMaxColourGroups levels, or numeric / text with at most that many
// distinct values (e.g. k-means cluster numbers).
bool isColourColumn(const Column& column);

// The scatter of numeric columns `x` and `y`, grouped by `colour` (a column
// for which isColourColumn holds; one group "all rows" when absent). Rows
// missing x or y are left out; rows missing the colour form a last group
// "missing". When more than `maxPoints` rows remain, `maxPoints` are drawn:
// each group its share (rounded by largest remainder), evenly spaced over
// the group's own rows, so the colours are right even when the classes
// cycle with the row number.
ScatterData scatterData(const Table& table, std::size_t x, std::size_t y,
                        std::optional<std::size_t> colour,
                        std::size_t maxPoints = kMaxScatterPoints);

// Default axes: the first two numeric feature columns (then any numeric
// ones). Fewer than two entries when the table has fewer numeric columns.
std::vector<std::size_t> defaultScatterAxes(const Table& table);
// Default colour: a colour column named "prediction", else the first
// target-role colour column, else none.
std::optional<std::size_t> defaultScatterColour(const Table& table);

}  // namespace sluice
