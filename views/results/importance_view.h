// Feature importance (or mean absolute coefficient) as a horizontal bar chart,
// largest at the top, beside the same numbers as a table.
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "data/table.h"

class QWidget;

namespace sluice {

class ChartView;

// Features and their measure, sorted largest first.
struct Importances {
    QString measure;  // "importance", "mean |coefficient|"
    QStringList features;
    std::vector<double> values;
};

// Reads the "feature" column and the first numeric column of an importance
// table and sorts by value, largest first (missing values last).
Importances readImportances(const Table& table);

// Most bars the chart draws (more would crowd their names at the preview's
// size); the table lists every feature.
inline constexpr int kMaxImportanceBars = 15;

// The bar chart, largest at the top, the measure on the value axis.
// objectName "importanceBars".
ChartView* makeImportanceChart(const Importances& importances, QWidget* parent);
// Chart beside a Feature / measure table ("importanceTable") in a splitter.
QWidget* makeImportanceView(const Importances& importances, QWidget* parent);

}  // namespace sluice
