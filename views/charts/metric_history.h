// MetricHistory: the training metrics the charts show, as plain data: per
// node, its last few runs; per run, its parameters and one stream of
// (step, value) points per metric name. No widgets, so the charts, the canvas
// sparklines and tests read the same numbers.
//
// Contract:
// - startRun() begins a new run of a node; runs are numbered 1, 2, ... per
//   node (never reused) and only the newest maxRuns() are kept.
// - append() adds points to the node's latest run (starting one without
//   parameters if it has none). Points are never dropped; a stream stays
//   sorted by step (a point arriving out of order, e.g. from parallel k-means
//   restarts, is inserted in its place).
// - runLabel() names a run by the parameters that differ between it and the
//   latest run, so "learning_rate 0.01" and "learning_rate 0.001" read apart.
// - revision() of a node grows with every change, so a view redraws only
//   what changed.
#pragma once

#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <deque>
#include <vector>

#include "engine/run_event.h"

namespace sluice {

// One metric of one run, sorted by step.
struct MetricStream {
    QString name;
    QVector<QPointF> points;  // x = step, y = value
};

struct MetricRun {
    int number = 0;                     // 1 for a node's first run, then 2, 3...
    QMap<QString, QString> params;      // parameter name -> value as shown
    std::vector<MetricStream> streams;  // in order of first arrival

    const MetricStream* stream(const QString& name) const;
};

struct NodeMetrics {
    QString id;
    QString title;               // the node's title when its latest run started
    QString stepName;            // what a step is: "epoch", "iteration", "tree"...
    std::deque<MetricRun> runs;  // oldest first; back() is the latest
    int nextNumber = 1;
    quint64 revision = 0;

    const MetricRun* latest() const { return runs.empty() ? nullptr : &runs.back(); }
};

class MetricHistory {
public:
    static constexpr int kDefaultMaxRuns = 4;

    explicit MetricHistory(int maxRuns = kDefaultMaxRuns);

    int maxRuns() const { return maxRuns_; }

    // A new run of node `id` begins; the oldest runs beyond maxRuns() go.
    void startRun(const QString& id, const QString& title, const QMap<QString, QString>& params,
                  const QString& stepName = QString());
    // Adds points to the latest run of `id`.
    void append(const QString& id, const QVector<engine::MetricPoint>& points);
    void append(const QString& id, const QString& metric, int step, double value);

    // Keeps only the latest run of `id`.
    void clearPreviousRuns(const QString& id);
    // Forgets node `id` entirely.
    void removeNode(const QString& id);
    void clear();

    const NodeMetrics* node(const QString& id) const;
    // Nodes in the order their first run started.
    QStringList nodeIds() const;

    // How the legend names run `index` of `node`: the parameters (name and
    // value) that differ between any kept run and the latest, with this
    // run's values, e.g. "learning_rate 0.01"; "run N" when nothing differs;
    // empty when the node has one run only.
    static QString runLabel(const NodeMetrics& node, std::size_t index);
    // The parameter names runLabel() compares on, in name order.
    static QStringList differingParams(const NodeMetrics& node);

private:
    NodeMetrics& ensure(const QString& id);
    static void insert(MetricRun& run, const QString& metric, int step, double value);

    int maxRuns_;
    std::vector<NodeMetrics> nodes_;
};

}  // namespace sluice
