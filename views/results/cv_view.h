// CrossValidationView: the comparison of learners a Cross-validate node
// produced. Above, a learners x metrics table of "mean ± std" with the best
// learner of each metric highlighted (fold values in each cell's tooltip);
// below, a bar chart of one chosen metric, one bar per learner, with
// whiskers of ± one standard deviation across the folds.
#pragma once

#include <QWidget>

#include "views/results/cv_summary.h"

class QComboBox;
class QTableWidget;

namespace sluice {

class ChartView;

class CrossValidationView : public QWidget {
    Q_OBJECT

public:
    explicit CrossValidationView(CvSummary summary, QWidget* parent = nullptr);

    const CvSummary& summary() const { return summary_; }
    QTableWidget* table() const { return table_; }         // objectName "cvTable"
    QComboBox* metricChooser() const { return chooser_; }  // "cvMetric"
    ChartView* bars() const { return bars_; }              // "cvBars"

    // Shows metric `index` (of summary().metrics) in the bar chart.
    void showMetric(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillTable();

    CvSummary summary_;
    QTableWidget* table_;
    QComboBox* chooser_;
    ChartView* bars_;
};

}  // namespace sluice
