// ChartFeed: the glue from a RunController to the training charts and the
// canvas sparklines, so MainWindow only creates it.
//
// Contract:
// - At runStarted it keeps the graph the run uses (the document's graph at
//   that moment: RunController copies the same one), so a run's legend
//   shows the parameters it really ran with, even if the user edits during
//   the run.
// - A node's chart run starts at its first metric points of a run (cached
//   nodes send none and keep their curves); its parameters are every
//   parameter of its type, defaults filled in, as text.
// - A node going Running clears its sparkline; from then on each batch of
//   points redraws it from the run's first metric (train_loss, loss,
//   oob_error, inertia...). It stays after the run, until the next one.
// - A new or opened pipeline (graphReset) clears the charts.
#pragma once

#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QVector>

#include <optional>

#include "engine/run_event.h"
#include "graph/graph.h"

namespace sluice {

class GraphDocument;
class GraphScene;
class NodeRegistry;
class RunController;
class TrainingChartsPanel;
struct NodeBadge;

class ChartFeed : public QObject {
    Q_OBJECT

public:
    // All must outlive the feed (MainWindow owns them all).
    ChartFeed(RunController* runner, const GraphDocument* document, TrainingChartsPanel* panel,
              GraphScene* scene, QObject* parent = nullptr);

    // Every parameter of `node`'s type (its default where the node has no
    // value) as the legend shows it, keyed by its label: "Trees" -> "50",
    // "Activation" -> "relu", "Hidden layers" -> "[64, 32]".
    static QMap<QString, QString> parameterTexts(const GraphNode& node,
                                                 const NodeRegistry& registry);
    // What one step of a learner is, from its node type id: "epoch" for
    // neural networks, "trees" for forests, "round" for boosting,
    // "iteration" otherwise.
    static QString stepNameFor(const std::string& typeId);

signals:
    // Node `id` sent its first metrics of a run: a chart run began.
    void trainingStarted(const QString& id);

private:
    void onRunStarted();
    void onBadge(const QString& id, const NodeBadge& badge);
    void onMetrics(const QString& id, const QVector<engine::MetricPoint>& points);
    void updateSparkline(const QString& id);

    const GraphDocument* document_;
    TrainingChartsPanel* panel_;
    GraphScene* scene_;
    std::optional<Graph> snapshot_;  // the graph of the current or last run
    QSet<QString> started_;          // nodes whose chart run began in this run
};

}  // namespace sluice
