// TrainingChart: the curves of one training node, one card in the Charts
// dock. Every metric of the latest run is a full-colour line; the node's
// earlier runs stay as faded, dashed lines of the same hue, their legend
// entries naming the parameters that differed ("train_loss (learning_rate
// 0.01)").
//
// Contract:
// - showMetrics() makes the chart match a NodeMetrics: it adds and removes
//   series, renames and recolours them, and copies only streams whose point
//   count changed, so a redraw during training costs the latest run only.
// - Loss-like metrics share the left axis; scores (names with "score" or
//   "accuracy") get a right axis of their own, so a 0..1 score does not
//   flatten a loss curve. The x axis runs from the first to the last step.
// - Log scale applies to the left axis; points <= 0 cannot be drawn on it,
//   so they are left out and note() says which series had them.
// - A click on a legend marker hides or shows its series (the marker stays,
//   dimmed); hidden series are remembered by run and metric across redraws.
// - The context menu offers Clear previous runs, Clear all, Log scale and
//   Export, as signals the Charts panel acts on (export is handled here).
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include "views/charts/chart_view.h"
#include "views/charts/metric_history.h"

class QAbstractAxis;
class QLineSeries;
class QValueAxis;
class QGraphicsSimpleTextItem;

namespace sluice {

class TrainingChart : public ChartView {
    Q_OBJECT

public:
    explicit TrainingChart(const QString& nodeId, QWidget* parent = nullptr);

    const QString& nodeId() const { return nodeId_; }

    // Redraws from `node` (the same node id). Cheap when nothing changed.
    void showMetrics(const NodeMetrics& node);

    void setLogScale(bool on);
    bool logScale() const { return logScale_; }

    // Every line, latest run first, then earlier runs newest first.
    QList<QLineSeries*> lineSeries() const;
    // The line of `metric` in the latest run (runsBack 0) or an earlier one.
    QLineSeries* series(const QString& metric, int runsBack = 0) const;
    // Hides or shows a line as a legend click does.
    void setSeriesVisible(QLineSeries* series, bool visible);

    QAbstractAxis* stepAxis() const { return xAxis_; }
    // The left (loss) axis: a QValueAxis, or a QLogValueAxis in log scale.
    QAbstractAxis* valueAxis() const { return yAxis_; }
    // The right (score) axis, if any score is shown.
    QAbstractAxis* scoreAxis() const { return scoreAxis_; }
    // Why some points are not drawn (log scale and values <= 0), or empty.
    QString note() const { return note_; }

signals:
    void clearPreviousRunsRequested(const QString& nodeId);
    void clearAllRequested();
    void logScaleRequested(bool on);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Line {
        QLineSeries* series = nullptr;
        int run = 0;  // run number
        QString metric;
        bool score = false;  // on the right axis
        int colorIndex = 0;
        int age = 0;      // 0 latest run, 1 the one before...
        int copied = -1;  // points copied from the stream; -1 forces a copy
        // Extent of the drawn points, for the axis ranges.
        double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
        bool empty = true;
        bool droppedPoints = false;  // values <= 0 left out in log scale
    };

    static QString key(int run, const QString& metric);
    static bool isScore(const QString& metric);
    void copyPoints(Line& line, const MetricStream& stream);
    void styleLine(Line& line);
    void rebuildAxes();
    void updateRanges();
    void connectMarkers();
    void restyleMarkers();
    void placeNote();

    QString nodeId_;
    bool logScale_ = false;
    quint64 shownRevision_ = 0;
    bool axesDirty_ = true;
    QHash<QString, Line> lines_;       // by key(run, metric)
    QSet<QString> hidden_;             // keys the user hid
    QHash<QString, int> metricIndex_;  // colour per metric name, stable
    QStringList order_;                // keys, latest run first
    QList<int> runNumbers_;            // kept runs, latest first
    QAbstractAxis* xAxis_ = nullptr;
    QAbstractAxis* yAxis_ = nullptr;
    QAbstractAxis* scoreAxis_ = nullptr;
    QString stepName_;
    QString note_;
    QGraphicsSimpleTextItem* noteItem_ = nullptr;
};

}  // namespace sluice
