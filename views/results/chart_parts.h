// Small building blocks the result charts share: value axes, reference lines
// (chance diagonal, identity, zero) and legend handling. Colours come from
// chart_theme so every chart matches the rest of the application.
#pragma once

#include <QString>
#include <vector>

class QAbstractSeries;
class QChart;
class QLineSeries;
class QPalette;
class QValueAxis;

namespace sluice {

// Attaches new value axes (x at the bottom, y on the left) with titles and
// ranges to `chart` and returns them. Ranges are widened to round tick
// values (QValueAxis::applyNiceNumbers) unless `exact`.
std::pair<QValueAxis*, QValueAxis*> addValueAxes(QChart* chart, const QString& xTitle, double xMin,
                                                 double xMax, const QString& yTitle, double yMin,
                                                 double yMax, bool exact = false);
// Ticks at 0, 0.2, ..., 1 whatever the range: for rates and probabilities
// whose axes reach a hair beyond [0, 1].
void useUnitTicks(QValueAxis* axis);
// Puts the legend below the chart for a few short entries and on the right
// for more (a bottom legend elides long names instead of wrapping).
void placeLegend(QChart* chart);
// Adds `series` to `chart` on its first horizontal and vertical axes.
void addToAxes(QChart* chart, QAbstractSeries* series);
// A dashed line from (x0, y0) to (x1, y1) in the palette's text colour, half
// transparent: for chance, identity and zero lines. Added to the chart's
// axes; shown in the legend as `name` unless `name` is empty.
QLineSeries* addReferenceLine(QChart* chart, const QPalette& palette, const QString& name,
                              double x0, double y0, double x1, double y1);
// Hides the legend entries of `series`.
void hideFromLegend(QChart* chart, QAbstractSeries* series);
// "name (AUC 0.987)": the area to three decimals, or just the name when it
// is not a number.
QString legendWithArea(const QString& name, double area, const QString& areaName);
// A rounded range for axes covering [lo, hi], padded a little, never empty.
std::pair<double, double> paddedRange(double lo, double hi);

}  // namespace sluice
