#include "views/canvas/canvas_style.h"

namespace sluice {

namespace {

// Scales a font by `factor`, whether it is sized in points or in pixels.
QFont scaled(QFont font, qreal factor) {
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * factor);
    } else if (font.pixelSize() > 0) {
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * factor)));
    }
    return font;
}

}  // namespace

CanvasStyle CanvasStyle::from(const QPalette& palette, const QFont& font) {
    CanvasStyle style;
    style.colors = CanvasColors::fromPalette(palette);
    style.titleFont = font;
    style.titleFont.setWeight(QFont::DemiBold);
    style.labelFont = scaled(font, 0.85);
    style.badgeFont = scaled(font, 0.78);
    style.badgeFont.setWeight(QFont::DemiBold);
    style.titleMetrics = QFontMetricsF(style.titleFont);
    style.labelMetrics = QFontMetricsF(style.labelFont);
    style.badgeMetrics = QFontMetricsF(style.badgeFont);
    return style;
}

}  // namespace sluice
