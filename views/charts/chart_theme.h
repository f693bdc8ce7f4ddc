// Colours and styling shared by every chart, so training curves, ROC curves
// and bar charts look like one application in light and dark palettes.
#pragma once

#include <QColor>

class QChart;
class QPalette;

namespace sluice {

// Makes `chart` follow `palette`: background, title, legend and axis text,
// grid lines. Call again after the palette changes; axes added later are
// styled by styleChartAxes.
void applyChartTheme(QChart* chart, const QPalette& palette);
// Styles the axes attached to `chart` now (labels, grid, line colours).
void styleChartAxes(QChart* chart, const QPalette& palette);

// The i-th colour of a qualitative palette (Okabe-Ito, readable for colour
// blind users), lightened on dark backgrounds. Cycles after 8.
QColor seriesColor(int index, const QPalette& palette);
// `color` washed towards the background: for earlier runs of a series.
QColor fadedColor(const QColor& color, const QPalette& palette);
// True when the palette's window colour is dark.
bool isDarkPalette(const QPalette& palette);

}  // namespace sluice
