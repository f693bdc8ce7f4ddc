#pragma once

#include <QColor>
#include <QString>

#include "nodes/node_type.h"

namespace sluice {

// How a node category looks wherever the editor shows it (node library,
// quick-add, canvas headers, minimap): one colour per category, readable on
// light and dark palettes. Kept in one place so the library's icons match
// the nodes they create. (The glyph drawn in that colour is
// categoryGlyphIcon() in views/canvas/category_glyph.h.)
QColor categoryColor(NodeCategory category);
// The category's name for people ("Data", "Transform", ...).
QString categoryTitle(NodeCategory category);

// Every category, in the order the node library lists them.
inline constexpr NodeCategory kNodeCategories[] = {
    NodeCategory::Data,     NodeCategory::Transform, NodeCategory::Train,
    NodeCategory::Evaluate, NodeCategory::Visualize, NodeCategory::Output,
};

}  // namespace sluice
