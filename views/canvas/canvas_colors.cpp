#include "views/canvas/canvas_colors.h"

namespace sluice {

namespace {

bool isDark(const QColor& base) {
    return base.lightnessF() < 0.5;
}

}  // namespace

QColor mixColors(const QColor& a, const QColor& b, qreal t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t),
                            static_cast<float>(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

CanvasColors CanvasColors::fromPalette(const QPalette& palette) {
    CanvasColors c;
    c.canvas = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.dark = isDark(c.canvas);
    // Cards sit one step off the canvas: whiter on a light canvas (lifted by
    // the shadow), lighter on a dark one (where shadows barely show).
    c.card = c.dark ? mixColors(c.canvas, c.text, 0.09) : mixColors(c.canvas, Qt::white, 1.0);
    c.cardBorder = mixColors(c.canvas, c.text, c.dark ? 0.22 : 0.20);
    c.shadow = c.dark ? QColor(0, 0, 0, 90) : QColor(0, 0, 0, 28);
    c.mutedText = mixColors(c.canvas, c.text, 0.62);
    c.selection = palette.color(QPalette::Highlight);
    // Status colours: fixed hues, lightened for dark backgrounds.
    c.failed = c.dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xd9, 0x30, 0x25);
    c.stale = c.dark ? QColor(0xfb, 0xbf, 0x24) : QColor(0xc2, 0x7c, 0x0e);
    c.running = c.dark ? QColor(0x60, 0xa5, 0xfa) : QColor(0x25, 0x63, 0xeb);
    c.done = c.dark ? QColor(0x4a, 0xde, 0x80) : QColor(0x16, 0xa3, 0x4a);
    c.neutral = mixColors(c.canvas, c.text, 0.5);
    c.progressTrack = mixColors(c.card, c.text, 0.12);
    return c;
}

QColor portColor(PortType type, bool dark) {
    switch (type) {
        case PortType::Table:
            return dark ? QColor(0x38, 0xbd, 0xf8) : QColor(0x02, 0x84, 0xc7);  // sky
        case PortType::Learner:
            return dark ? QColor(0xfa, 0xcc, 0x15) : QColor(0xca, 0x8a, 0x04);  // yellow
        case PortType::Model:
            return dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xdc, 0x26, 0x26);  // red
        case PortType::Transform:
            return dark ? QColor(0x4a, 0xde, 0x80) : QColor(0x16, 0xa3, 0x4a);  // green
        case PortType::Results:
            return dark ? QColor(0xc0, 0x84, 0xfc) : QColor(0x93, 0x33, 0xea);  // purple
    }
    return Qt::gray;
}

}  // namespace sluice
