// Colours of the node canvas, derived from the widget palette so the canvas
// follows the light or dark theme without a theme setting of its own.
//
// Contract:
// - CanvasColors::fromPalette() is cheap and pure: the scene calls it again on
//   every palette change and items read the result at paint time.
// - portColor() gives one distinct, saturated colour per PortType, tuned
//   separately for light and dark backgrounds (a colour that reads on white is
//   often too dark on charcoal). Category colours are shared with the node
//   library: categoryColor() in views/node_category_style.h.
#pragma once

#include <QColor>
#include <QPalette>

#include "nodes/port_type.h"

namespace sluice {

struct CanvasColors {
    bool dark = false;
    QColor canvas;      // the view background
    QColor card;        // node body
    QColor cardBorder;  // node outline when not selected or failed
    QColor shadow;      // soft drop shadow under cards
    QColor text;        // titles
    QColor mutedText;   // port labels, secondary text
    QColor selection;   // selected nodes and edges
    QColor failed;      // failed border and badge
    QColor stale;       // amber "stale" badge
    QColor running;     // queued/running badge and progress bar
    QColor done;        // done badge
    QColor neutral;     // skipped / cancelled / cached badges
    QColor progressTrack;

    static CanvasColors fromPalette(const QPalette& palette);
};

// Linear mix of two colours: t = 0 gives a, t = 1 gives b.
QColor mixColors(const QColor& a, const QColor& b, qreal t);

QColor portColor(PortType type, bool dark);

}  // namespace sluice
