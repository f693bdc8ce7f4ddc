// Charts of regression results: predicted against actual values with the
// identity line (points on it are perfect), and residuals against predicted
// values with the zero line (a pattern there means the model misses a trend).
// Large tables are drawn from an even sample so the view stays responsive.
#pragma once

#include <QString>
#include <cstddef>
#include <vector>

#include "data/table.h"

class QWidget;

namespace sluice {

class ChartView;

// Most points a scatter draws; larger tables are sampled evenly.
inline constexpr std::size_t kMaxScatterPoints = 5000;

// `count` row indices spread evenly over [0, total), first row included;
// every row when total <= count.
std::vector<std::size_t> evenSample(std::size_t total, std::size_t count);
// "showing 5,000 of 1,000,000 points", or "" when nothing was left out.
QString sampleNote(std::size_t shown, std::size_t total);

// Scatter of (actual, predicted) from the table's "actual" and "predicted"
// columns plus the dashed identity line over their common range.
// objectName "predictedVsActual". Null when the columns are missing.
ChartView* makePredictedVsActualChart(const Table& table, QWidget* parent);
// Scatter of (predicted, actual - predicted) plus the dashed zero line.
// objectName "residuals". Null when the columns are missing.
ChartView* makeResidualChart(const Table& table, QWidget* parent);

}  // namespace sluice
