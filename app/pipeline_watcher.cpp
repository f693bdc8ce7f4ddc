#include "app/pipeline_watcher.h"

#include "nodes/node_registry.h"

namespace sluice {

PipelineWatcher::PipelineWatcher(QObject* parent) : QObject(parent) {
    timer_.setInterval(std::chrono::milliseconds(250));
    connect(&timer_, &QTimer::timeout, this, &PipelineWatcher::poll);
}

PipelineWatcher::~PipelineWatcher() = default;

void PipelineWatcher::restart(const Graph& graph, const QString& baseDirectory) {
    watch_ = std::make_unique<InputWatch>(
        inputFilePaths(graph, builtinNodes(), baseDirectory.toStdString()), options_,
        InputWatch::Clock::now());
}

void PipelineWatcher::setWatching(bool on, const Graph& graph, const QString& baseDirectory) {
    if (!on) {
        timer_.stop();
        watch_.reset();
        return;
    }
    restart(graph, baseDirectory);
    timer_.start();
}

void PipelineWatcher::runStarted(const Graph& graph, const QString& baseDirectory) {
    if (!watch_)
        return;
    // The pipeline may read other files than when watching began.
    restart(graph, baseDirectory);
    watch_->runStarted(InputWatch::Clock::now());
}

void PipelineWatcher::setMinimumInterval(std::chrono::milliseconds interval) {
    options_.minInterval = interval;
}

std::chrono::milliseconds PipelineWatcher::minimumInterval() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(options_.minInterval);
}

void PipelineWatcher::setSettleTime(std::chrono::milliseconds settle) {
    options_.settle = settle;
}

void PipelineWatcher::setPollInterval(std::chrono::milliseconds interval) {
    timer_.setInterval(interval);
}

QStringList PipelineWatcher::files() const {
    QStringList list;
    if (watch_)
        for (const auto& path : watch_->paths())
            list << QString::fromStdString(path);
    return list;
}

void PipelineWatcher::poll() {
    if (!watch_)
        return;
    if (const auto changed = watch_->poll(InputWatch::Clock::now()))
        emit rerunDue(QString::fromStdString(describeChangedFiles(*changed)));
}

}  // namespace sluice
