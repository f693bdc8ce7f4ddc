// RunCompare: recorded runs side by side, the right half of the Runs panel.
//
// Contract:
// - setRuns() shows the given runs as columns, oldest first (the first
//   column is the reference): one row per metric any of them has (scores of
//   Results outputs, then the last value of each streamed training
//   metric), then one row per parameter whose value differs between them.
//   A cell that differs from the reference column is tinted, and metric
//   cells show the difference ("0.9556 (+0.0222)"); a run without the metric
//   shows "—".
// - In a second tab, one training chart per node that streamed metrics in any of the
//   runs, every run's curves overlaid (views/charts/training_chart.h), the
//   legend naming each run by its start time and the parameters that differ.
// - With fewer than two runs a hint says how to compare; the table still
//   shows the one run.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

#include "history/run_record.h"

class QLabel;
class QTabWidget;
class QTableWidget;
class QHBoxLayout;

namespace sluice {

class MetricHistory;
class TrainingChart;

class RunCompare : public QWidget {
    Q_OBJECT

public:
    explicit RunCompare(QWidget* parent = nullptr);
    ~RunCompare() override;

    void setRuns(std::vector<history::RunRecord> runs);

    QTableWidget* table() const { return table_; }
    QList<TrainingChart*> charts() const;
    QLabel* hint() const { return hint_; }

private:
    void fillTable();
    void fillCharts();

    std::vector<history::RunRecord> runs_;
    QLabel* hint_;
    QTabWidget* tabs_;
    QTableWidget* table_;
    QWidget* chartArea_;
    QHBoxLayout* chartLayout_;
    std::unique_ptr<MetricHistory> metrics_;
};

}  // namespace sluice
