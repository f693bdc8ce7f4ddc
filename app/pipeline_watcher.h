// PipelineWatcher: the editor's Run > Watch Input Files. While on, it polls
// the pipeline's input files (model/watch/input_watch.h: the readers'
// files, never what the run writes) four times a second on the GUI thread
// (a few stat calls) and emits rerunDue() once a change has settled and the
// minimum interval since the last run has passed. The window then runs the
// pipeline again, recorded as a "watch" run.
//
// Contract:
// - setWatching(true, ...) takes the files as they are as the baseline:
//   only later changes trigger a run.
// - runStarted() must be called when any run starts (watched or not): the
//   files it reads become the baseline, and the interval counts from it.
//   A change during the run is reported after it.
// - rerunDue() may fire while a run is still going (the window decides);
//   until the next runStarted() it fires again on every poll.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

#include "graph/graph.h"
#include "watch/input_watch.h"

namespace sluice {

class PipelineWatcher : public QObject {
    Q_OBJECT

public:
    explicit PipelineWatcher(QObject* parent = nullptr);
    ~PipelineWatcher() override;

    bool isWatching() const { return watch_ != nullptr; }
    void setWatching(bool on, const Graph& graph, const QString& baseDirectory);
    void runStarted(const Graph& graph, const QString& baseDirectory);

    // At most one watched run per interval (default 5 s; settings key
    // "watch/minIntervalSeconds" is the window's business).
    void setMinimumInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds minimumInterval() const;
    // For tests: how long a change must be quiet, and the poll period.
    void setSettleTime(std::chrono::milliseconds settle);
    void setPollInterval(std::chrono::milliseconds interval);

    // The watched files (absolute paths).
    QStringList files() const;

signals:
    // `changed` names the files, e.g. "iris.csv and 1 more file".
    void rerunDue(const QString& changed);

private:
    void restart(const Graph& graph, const QString& baseDirectory);
    void poll();

    QTimer timer_;
    InputWatch::Options options_;
    std::unique_ptr<InputWatch> watch_;
};

}  // namespace sluice
