// CanvasStyle: everything the canvas items need to paint that comes from the
// widget (colours from the palette, fonts from the widget font), resolved once
// per palette or font change instead of once per paint.
//
// Contract: GraphScene owns the one CanvasStyle of its items and updates it in
// place (its address never changes), then asks every item to refresh. Items
// keep a pointer to it, so they can lay out text before they are in a scene.
#pragma once

#include <QFont>
#include <QFontMetricsF>

#include "views/canvas/canvas_colors.h"

namespace sluice {

struct CanvasStyle {
    CanvasColors colors;
    QFont titleFont;
    QFont labelFont;
    QFont badgeFont;
    QFontMetricsF titleMetrics{QFont()};
    QFontMetricsF labelMetrics{QFont()};
    QFontMetricsF badgeMetrics{QFont()};

    static CanvasStyle from(const QPalette& palette, const QFont& font);
};

}  // namespace sluice
