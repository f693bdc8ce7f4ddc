// The result page of the Drift node: the per-column table (drifted rows
// tinted and marked) above a bar chart of the selected column's
// distribution, reference and current side by side, bin by bin. Selecting
// another row redraws the chart; the chart exports like every other
// (context menu: PNG or SVG), the table copies and saves as CSV.
#pragma once

#include <QSplitter>
#include <QString>
#include <QStringList>

#include "nodes/results.h"

class QTableWidget;

namespace sluice {

class ChartView;

// Most bars per side the chart draws: with more categories it shows the
// ones with the largest shares (in their order) and says so in its title.
inline constexpr int kMaxDriftBins = 30;

class DriftView : public QSplitter {
    Q_OBJECT

public:
    // `results` of kind "drift" (see nodes/evaluate_nodes/drift_results.h);
    // starts on the first drifted column, or the first column.
    explicit DriftView(Results results, QWidget* parent = nullptr);

    // objectName "driftTable": Column, Kind, PSI, Test, Statistic,
    // p-value, Drifted, Note.
    QTableWidget* table() const { return table_; }
    // objectName "driftChart".
    ChartView* chart() const { return chart_; }
    // The row whose distribution the chart shows (-1 when none).
    int shownRow() const { return shownRow_; }
    // The bins the chart draws, as named in the results (the axis may
    // break a long one after its comma with "<br>").
    const QStringList& shownBins() const { return shownBins_; }
    // Selects `row` in the table, which redraws the chart.
    void selectRow(int row);

signals:
    void rowShown(int row);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillTable();
    void showRow(int row);
    void fitBinLabels();

    Results results_;
    QTableWidget* table_ = nullptr;
    ChartView* chart_ = nullptr;
    int shownRow_ = -1;
    QStringList shownBins_;
};

// "2 of 5 columns drifted · largest PSI 0.418" for the page headline.
QString driftHeadline(const Results& results);

}  // namespace sluice
