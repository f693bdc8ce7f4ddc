// Plain tables of result numbers: the metric list, a confusion matrix as
// counts, and any detail Table. All have the result-table actions (copy,
// Save as CSV…) and show rounded numbers while copying full precision.
#pragma once

#include <Eigen/Core>
#include <QString>
#include <map>
#include <string>
#include <vector>

#include "data/table.h"

class QTableView;
class QTableWidget;
class QWidget;

namespace sluice {

// Four significant digits (one decimal from 1000 on): what a person reads.
QString displayNumber(double value);

// Metric / Value rows in the map's order. objectName "metricsTable".
QTableWidget* makeMetricsTable(const std::map<std::string, double>& metrics, QWidget* parent);
// Counts with predicted classes as columns and true classes as rows (the
// vertical header). objectName "matrixTable".
QTableWidget* makeMatrixTable(const std::vector<std::string>& labels, const Eigen::MatrixXd& matrix,
                              QWidget* parent);
// A virtual view over `table` (TableModel, so large tables open at once) in
// the table's own order, with the result-table actions.
QTableView* makeDetailTable(const TablePtr& table, QWidget* parent);

}  // namespace sluice
