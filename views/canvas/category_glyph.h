// A small line-art glyph per NodeCategory (resources/icons/categories/*.svg),
// rendered as vectors so it is crisp at any zoom and device pixel ratio. The canvas draws it in
// node headers; categoryGlyphIcon() wraps it as a QIcon for lists (quick-add, library).
#pragma once

#include <QColor>
#include <QIcon>
#include <QRectF>

#include "nodes/node_type.h"

class QPainter;

namespace sluice {

// Draws the glyph of `category` inside `rect` (best square) with `color`.
// Leaves the painter's state as it found it.
void drawCategoryGlyph(QPainter* painter, NodeCategory category, const QRectF& rect,
                       const QColor& color);

// The glyph as an icon that paints itself at whatever size and pixel ratio
// it is asked for (no bitmap scaled up).
QIcon categoryGlyphIcon(NodeCategory category, const QColor& color);

}  // namespace sluice
