// ROC and precision-recall charts of classification results: one line per
// curve (per class, and per model when several models' curves arrive) with
// the curve's area in its legend entry.
#pragma once

#include <vector>

class QWidget;

namespace sluice {

struct Curve;
class ChartView;

// ROC curves (x false positive rate, y true positive rate), legend
// "name (AUC 0.987)", and the dashed chance diagonal. objectName "rocChart".
ChartView* makeRocChart(const std::vector<Curve>& curves, QWidget* parent);
// Precision-recall curves (x recall, y precision), legend "name (AP 0.950)".
// objectName "prChart".
ChartView* makePrecisionRecallChart(const std::vector<Curve>& curves, QWidget* parent);

}  // namespace sluice
