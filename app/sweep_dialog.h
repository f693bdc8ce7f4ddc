#pragma once

#include <QDialog>
#include <QString>
#include <QTimer>

#include <optional>
#include <string>
#include <vector>

#include "sweep/sweep_plan.h"
#include "sweep/sweep_result.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace sluice {

class Document;
class SweepChart;
class SweepController;

// Run > Sweep...: vary parameters of the pipeline's nodes and compare.
//
// The user lists axes (a number, choice or true/false parameter of any
// node, with values as a list "1,3,5" or a range "0.01..10:log:5"; see
// sweep/sweep_axis.h), picks grid or random (samples, seed), and starts.
// The sweep runs on its own background engine (SweepController); each
// combination's status and scores stream into the results table; at the
// end a chart shows the chosen metric against the parameter(s) and "Apply
// best" sets the best combination's values in the document as one undo
// step. Problems with the axes show under them and keep Start disabled.
// Non-modal: the user may keep editing; a sweep runs the pipeline as it was
// when it started.
class SweepDialog : public QDialog {
    Q_OBJECT

public:
    SweepDialog(Document* document, QString baseDirectory, const std::string& selectedNode,
                QWidget* parent = nullptr);
    ~SweepDialog() override;

    // Adds an axis row for node.param with a values text (empty: a
    // suggestion from the parameter's current value). False if the
    // parameter cannot be swept.
    bool addAxis(const std::string& node, const std::string& param, const QString& values = {});
    // Adds an axis for the first sweepable parameter of `node` unless one of
    // its parameters is an axis already (or it has none).
    void offerNode(const std::string& node);
    // The spec the form describes, or nullopt with the reason in `error`.
    std::optional<sweep::SweepSpec> spec(QString* error = nullptr) const;
    void setBaseDirectory(const QString& dir) { baseDirectory_ = dir; }

    void start();
    void applyBest();

    SweepController* controller() const { return controller_; }
    QTableWidget* resultsTable() const { return results_; }
    SweepChart* chart() const { return chart_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* applyButton() const { return apply_; }
    QComboBox* metricBox() const { return metric_; }
    // The best row of the current result by the chosen metric.
    std::optional<std::size_t> bestRow() const;
    std::optional<sweep::MetricChoice> chosenMetric() const;
    // A "node.name" column (axis or metric) as people read it: the node's
    // title and the parameter's label or the metric's name, "Forest · Trees".
    QString titleOf(const std::string& column) const;

private:
    struct Param {
        std::string node, param;
        QString text;
    };
    void buildForm();
    void addAxisRow(int paramIndex, const QString& values);
    void validate();
    void onRows(const QVector<int>& rows);
    void onFinished(bool ok, bool cancelled, const QString& error);
    void refreshMetricBox();
    void rebuildTable();
    void fillRow(int row);
    void refreshChart();
    // The status line after a sweep: how it ended, then the best row by the
    // metric chosen now.
    void showOutcome();
    QString suggestion(const Param& p) const;

    Document* document_;
    QString baseDirectory_;
    std::vector<Param> params_;  // every parameter that can be an axis
    SweepController* controller_;

    QTableWidget* axes_ = nullptr;
    QComboBox* mode_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLabel* status_ = nullptr;
    QComboBox* metric_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* apply_ = nullptr;
    QTableWidget* results_ = nullptr;
    SweepChart* chart_ = nullptr;
    QTimer chartTimer_;
    std::vector<std::string> columns_;  // metric columns shown in the table
    QString outcome_;                   // how the last sweep ended; empty while one runs
    bool failed_ = false;
};

}  // namespace sluice
