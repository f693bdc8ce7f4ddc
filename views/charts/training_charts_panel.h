// TrainingChartsPanel: the Charts dock's content, one TrainingChart card per
// training node, stacked in a scroll area in the order the nodes first
// reported metrics, under a small bar with Log scale and Clear all.
//
// Contract:
// - startRun() / appendPoints() record into history() at once (no point is
//   ever dropped), but the charts redraw at most once per kFlushMs: incoming
//   points only mark their node dirty and arm a single-shot timer, whose
//   flush redraws the dirty cards. redrawCount() counts those flushes, so
//   tests can check the cap however fast points arrive.
// - Clearing (a node's previous runs, a node, everything) and the log-scale
//   switch act on the history and redraw at the next flush.
#pragma once

#include <QMap>
#include <QSet>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <map>

#include "engine/run_event.h"
#include "views/charts/metric_history.h"

class QLabel;
class QToolButton;
class QBoxLayout;

namespace sluice {

class TrainingChart;

class TrainingChartsPanel : public QWidget {
    Q_OBJECT

public:
    // At most one redraw per this many milliseconds (about 30 a second).
    static constexpr int kFlushMs = 33;

    explicit TrainingChartsPanel(QWidget* parent = nullptr);
    ~TrainingChartsPanel() override;

    // A new run of node `id` begins, with its parameters as the legend
    // should compare them and what one step is ("epoch").
    void startRun(const QString& id, const QString& title, const QMap<QString, QString>& params,
                  const QString& stepName = QString());
    void appendPoints(const QString& id, const QVector<engine::MetricPoint>& points);

    void clearPreviousRuns(const QString& id);
    void clearNode(const QString& id);
    void clearAll();

    void setLogScale(bool on);
    bool logScale() const { return logScale_; }

    const MetricHistory& history() const { return history_; }
    // The card of node `id`, created at the first flush after its first run.
    TrainingChart* chart(const QString& id) const;
    // Flushes that redrew at least one card since construction.
    int redrawCount() const { return redraws_; }
    // Redraws what is pending now instead of at the next tick.
    void flush();

signals:
    // A flush redrew the cards of these nodes.
    void redrawn(const QStringList& ids);

protected:
    // Cards sit side by side in a wide, short dock and stack in a tall one.
    void resizeEvent(QResizeEvent* event) override;

private:
    void markDirty(const QString& id);
    TrainingChart* ensureChart(const QString& id);
    void updatePlaceholder();

    MetricHistory history_;
    std::map<QString, TrainingChart*> charts_;
    QSet<QString> dirty_;
    QTimer flushTimer_;
    int redraws_ = 0;
    bool logScale_ = false;
    QBoxLayout* cards_ = nullptr;
    QLabel* placeholder_ = nullptr;
    QToolButton* logButton_ = nullptr;
    QToolButton* clearButton_ = nullptr;
};

}  // namespace sluice
