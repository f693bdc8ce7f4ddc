#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <memory>
#include <thread>

#include "app/run_event_queue.h"
#include "engine/engine.h"
#include "nodes/node_registry.h"
#include "sweep/sweep_result.h"

namespace sluice {

// Runs parameter sweeps for the GUI the way RunController runs pipelines:
// the expanded graph (sweep/sweep_graph.h) runs on an engine of its own on
// a worker thread, and the rows come back on the GUI thread, batched per
// tick.
//
// Contract:
// - start() plans the sweep (throws sweep::SweepError for a bad spec; then
//   nothing starts), copies the graph and returns at once; false while a
//   sweep is running. stop() cancels; the sweep ends with finished(_, true).
// - rowsChanged(rows) about 30 times a second with the rows whose status or
//   metrics changed (live scores: the engine runs result-reporting nodes,
//   sweep/result_reporting.h); finished(ok, cancelled, error) once at the
//   end, after result() holds the final table from the run's outcomes.
// - The engine keeps its cache between sweeps: a second sweep over the same
//   pipeline reuses the shared upstream nodes.
// - The GUI thread never waits for the engine except in the destructor,
//   which cancels and joins.
class SweepController : public QObject {
    Q_OBJECT

public:
    explicit SweepController(const NodeRegistry& registry = builtinNodes(),
                             QObject* parent = nullptr);
    ~SweepController() override;

    bool start(const Graph& graph, const sweep::SweepSpec& spec, const QString& baseDirectory);
    void stop();
    bool isRunning() const { return running_; }
    void setThreads(unsigned threads) { threads_ = threads; }

    // The plan and rows of the current or last sweep (empty before one).
    const sweep::SweepGraph& plan() const { return *plan_; }
    const sweep::SweepResult& result() const { return result_; }
    bool hasPlan() const { return plan_ != nullptr; }

signals:
    void started();
    void rowsChanged(const QVector<int>& rows);
    void finished(bool ok, bool cancelled, const QString& error);

private:
    class Relay;
    void drain();

    std::unique_ptr<NodeRegistry> registry_;  // result-reporting wrappers
    engine::Engine engine_;
    RunEventQueue queue_;
    std::atomic<bool> stopRequested_{false};
    std::thread worker_;
    QTimer tick_;
    bool running_ = false;
    unsigned threads_ = 0;

    std::unique_ptr<sweep::SweepGraph> plan_;
    std::unique_ptr<sweep::SweepProgress> progress_;
    sweep::SweepResult result_;
};

}  // namespace sluice
