// The page OutputPreview shows for a Results output, chosen by its kind and
// task:
//  - classification scores: confusion-matrix heatmap, ROC and
//    precision-recall charts, metric table (with the counts);
//  - regression scores: predicted vs actual and residual scatters, metric
//    table, the predictions;
//  - "confusion_matrix" / "roc": the heatmap or the ROC chart, and the metrics;
//  - cross-validation: learners x metrics table and bar chart, and the folds;
//  - importance: sorted bar chart beside its table;
//  - drift: the per-column table above the selected column's distributions
//    (drift_view.h), and the full table.
// One tab per view ("resultsTabs"), sized to read well in the preview window
// (760 x 520); a one-line headline of the key metrics above ("resultsHeadline").
#pragma once

class QWidget;

namespace sluice {

struct Results;

QWidget* makeResultsPage(const Results& results, QWidget* parent);

}  // namespace sluice
