#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include "app/badge_book.h"
#include "app/run_event_queue.h"
#include "engine/engine.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"
#include "views/node_badge.h"

namespace sluice {

// Runs pipelines for the GUI: the engine works on a copy of the Graph on a
// thread of its own, and what it reports comes back as Qt signals on the GUI
// thread, coalesced so a fast training loop cannot flood the widgets.
//
// Contract:
// - run() copies the snapshot and returns at once; one run at a time (it
//   returns false while one is going). stop() asks the engine to cancel; the
//   run then ends with runFinished(false, true) once running nodes noticed.
// - Signals, all on the GUI thread: runStarted() from run(); then, about 30
//   times a second, for what happened since the last tick: badgeChanged for
//   every state change in order (Queued, Running, Done...; progress only
//   latest per node), metricsArrived once per node with every new point,
//   logLine per log line, failure, skip and finished node; finally
//   runFinished(ok, cancelled), after which isRunning() is false.
// - Run history: with setHistory(pipelinePath), every run from then on,
//   whatever its outcome, is recorded in that pipeline's history
//   (history/run_history.h) on the worker thread after the engine returned;
//   runRecorded(recordPath) comes just before runFinished, or a logLine
//   error says why the run could not be recorded. An empty path (an unsaved
//   pipeline) records nothing.
// - Badges (see BadgeBook): refreshBadges() after every edit makes nodes
//   whose results the engine holds for their present parameters and inputs
//   show Done, nodes that ran before show Stale (a failure, skip or cancel
//   stays while the node is unchanged), others Idle. A node edited during a
//   run shows Stale from that edit on and after the run, never a Done
//   computed from its old parameters. badgeChanged fires only for badges
//   that change.
// - Results of the last run that covered a node stay available for previews
//   and column pickers (even once the node is stale): outputs(), columnsOf().
// - The GUI thread never waits for the engine, except the destructor: it
//   cancels a running run and joins it, without emitting anything.
class RunController : public QObject {
    Q_OBJECT

public:
    explicit RunController(const NodeRegistry& registry = builtinNodes(),
                           QObject* parent = nullptr);
    ~RunController() override;

    // Starts running `snapshot` (only `runTo` and its upstream when given);
    // relative paths start at baseDirectory. False if a run is going.
    bool run(const Graph& snapshot, const QString& baseDirectory,
             std::optional<std::string> runTo = {});
    // Cancels the run, if any; returns at once.
    void stop();
    bool isRunning() const { return running_; }
    // Worker threads for the next runs; 0 = one per core (the default).
    void setThreads(unsigned threads) { threads_ = threads; }
    // How often the engine batches a node's progress and metrics for the
    // next runs (engine::RunOptions::throttle). Signals stay at most one per
    // tick whatever this is.
    void setThrottle(std::chrono::milliseconds interval) { throttle_ = interval; }
    // Records the next runs in the history of `pipelinePath` (empty: no
    // recording) with `source` ("gui", "watch", "sweep"; run_recorder.h).
    void setHistory(const QString& pipelinePath, const QString& source = QStringLiteral("gui"));
    QString historyPipeline() const { return historyPipeline_; }

    // The editor's graph changed (an edit, undo, open): recompute badges.
    void refreshBadges(const Graph& current, const QString& baseDirectory);
    // Forgets past results and outcomes (a new document); the engine's cache
    // stays, so identical nodes still show Done.
    void forgetResults();
    // The badge last signalled for a node (Idle if none).
    NodeBadge badge(const QString& id) const;

    // The outputs of the node from the last run that computed it.
    std::optional<PortValues> outputs(const QString& id) const;
    // Column names of the table that feeds input `inputPort` of node `id`,
    // from the last results, in the latest graph given; empty if unknown.
    QStringList columnsOf(const QString& id, const QString& inputPort) const;

    // How often queued events are turned into signals while a run goes.
    static constexpr int kTickMs = 33;

signals:
    void runStarted();
    void badgeChanged(const QString& id, const sluice::NodeBadge& badge);
    void metricsArrived(const QString& id, const QVector<sluice::engine::MetricPoint>& points);
    // id is empty for run-wide lines.
    void logLine(const QString& id, const QString& text, bool isError);
    // The run was recorded in the history, in this file.
    void runRecorded(const QString& recordPath);
    void runFinished(bool ok, bool cancelled);

private:
    class Relay;

    void drain();
    void handle(const engine::RunEvent& event);
    void finish(RunEnding ending);
    void emitChanges(const BadgeBook::Changes& changes);
    void setCurrent(const Graph& graph, const QString& baseDirectory);

    const NodeRegistry& registry_;
    engine::Engine engine_;
    RunEventQueue queue_;
    std::atomic<bool> stopRequested_{false};
    std::thread worker_;
    QTimer tick_;
    bool running_ = false;
    unsigned threads_ = 0;
    std::chrono::milliseconds throttle_ = engine::RunOptions{}.throttle;
    QString historyPipeline_;
    QString historySource_ = QStringLiteral("gui");

    BadgeBook badges_;
    std::optional<Graph> current_;  // the latest graph the editor showed us
    QString currentBase_;
    std::map<std::string, PortValues> outputs_;
};

}  // namespace sluice
