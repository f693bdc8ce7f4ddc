#include "app/run_controller.h"

#include <QMetaObject>

#include <cstdlib>  // defines __GLIBC__ where it applies
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "app/node_lineage.h"
#include "history/run_history.h"
#include "history/run_recorder.h"
#include "views/qt_text.h"

namespace sluice {
namespace {

using Kind = engine::RunEvent::Kind;
using State = NodeBadge::State;

QString secondsText(double seconds) {
    // Most nodes take milliseconds: "0.00 s" would read as "nothing happened".
    if (seconds < 0.001)
        return QStringLiteral("< 1 ms");
    if (seconds < 1)
        return QString::number(qRound(seconds * 1000)) + QStringLiteral(" ms");
    return seconds < 10 ? QString::number(seconds, 'f', 2) + QStringLiteral(" s")
                        : QString::number(seconds, 'f', 1) + QStringLiteral(" s");
}

NodeBadge badgeOf(State state, const std::string& message = {}) {
    NodeBadge badge;
    badge.state = state;
    badge.message = qstr(message);
    return badge;
}

NodeBadge badgeOf(const engine::NodeOutcome& outcome) {
    switch (outcome.status) {
        case engine::NodeStatus::Done: {
            NodeBadge done = badgeOf(State::Done);
            done.seconds = outcome.seconds;
            done.cached = outcome.cached;
            return done;
        }
        case engine::NodeStatus::Failed:
            return badgeOf(State::Failed, outcome.message);
        case engine::NodeStatus::Skipped:
            return badgeOf(State::Skipped, outcome.message);
        case engine::NodeStatus::Idle:
            return badgeOf(State::Idle);
        case engine::NodeStatus::Queued:
        case engine::NodeStatus::Running:
        case engine::NodeStatus::Cancelled:
            // A run that returned left nothing queued or running: cancelled.
            return badgeOf(State::Cancelled, outcome.message);
    }
    return {};
}

}  // namespace

// Passes the engine's events to the queue. Engine::run() clears the cancel
// flag as it starts, so a stop() that came before is repeated here.
class RunController::Relay final : public engine::RunObserver {
public:
    explicit Relay(RunController& controller) : controller_(controller) {}

    void onEvent(const engine::RunEvent& event) override {
        if (controller_.stopRequested_.load())
            controller_.engine_.cancel();
        controller_.queue_.onEvent(event);
    }

private:
    RunController& controller_;
};

RunController::RunController(const NodeRegistry& registry, QObject* parent)
    : QObject(parent), registry_(registry), engine_(registry) {
    tick_.setInterval(kTickMs);
    // Precise: a coarse timer may fire 5 % early, and the tick is the bound
    // on how many signals a second the widgets get.
    tick_.setTimerType(Qt::PreciseTimer);
    connect(&tick_, &QTimer::timeout, this, &RunController::drain);
}

RunController::~RunController() {
    tick_.stop();
    if (worker_.joinable()) {
        stopRequested_.store(true);
        engine_.cancel();
        worker_.join();
    }
}

bool RunController::run(const Graph& snapshot, const QString& baseDirectory,
                        std::optional<std::string> runTo) {
    if (running_)
        return false;
    stopRequested_.store(false);
    queue_.clear();
    // The snapshot is the editor's graph at this moment.
    setCurrent(snapshot, baseDirectory);
    badges_.beginRun(lineageKeys(snapshot, registry_));

    engine::RunOptions options;
    options.runTo = std::move(runTo);
    options.threads = threads_;
    options.throttle = throttle_;
    options.baseDirectory = baseDirectory.toStdString();
    history::RunSetup recording{historyPipeline_.toStdString(), historySource_.toStdString(),
                                options.runTo};
    running_ = true;
    tick_.start();
    worker_ = std::thread(
        [this, graph = snapshot, options = std::move(options), recording = std::move(recording)] {
            Relay relay(*this);
            // The recorder sees every event on its way to the GUI (curves).
            std::optional<history::RunRecorder> recorder;
            if (!recording.pipelinePath.empty())
                recorder.emplace(graph, recording, registry_, &relay);
            engine::RunObserver* observer = recorder ? static_cast<engine::RunObserver*>(&*recorder)
                                                     : static_cast<engine::RunObserver*>(&relay);
            RunEnding ending;
            try {
                ending.result = engine_.run(graph, options, observer);
            } catch (const std::exception& e) {
                ending.error = e.what();  // a bad runTo: nothing ran
            } catch (...) {
                ending.error = "the engine failed with an unknown error";
            }
            if (recorder) {
                // Here, not on the GUI thread: hashing input and model files
                // takes time on big files.
                try {
                    history::RunRecord record = ending.error.empty()
                                                    ? recorder->finish(ending.result)
                                                    : recorder->finishWithError(ending.error);
                    ending.recordPath = history::RunHistory(recording.pipelinePath).add(record);
                } catch (const std::exception& e) {
                    ending.historyError = e.what();
                }
            }
            queue_.finish(std::move(ending));
            // Report the end now rather than at the next tick.
            QMetaObject::invokeMethod(this, &RunController::drain, Qt::QueuedConnection);
        });
    emit runStarted();
    return true;
}

void RunController::setHistory(const QString& pipelinePath, const QString& source) {
    historyPipeline_ = history::recordingDisabledByEnvironment() ? QString() : pipelinePath;
    historySource_ = source;
}

void RunController::stop() {
    if (!running_)
        return;
    stopRequested_.store(true);
    engine_.cancel();
}

void RunController::refreshBadges(const Graph& current, const QString& baseDirectory) {
    setCurrent(current, baseDirectory);
}

void RunController::setCurrent(const Graph& graph, const QString& baseDirectory) {
    current_ = graph;
    currentBase_ = baseDirectory;
    emitChanges(badges_.setCurrent(lineageKeys(graph, registry_),
                                   engine_.cachedNodes(graph, baseDirectory.toStdString())));
}

void RunController::forgetResults() {
    badges_.clear();
    outputs_.clear();
    if (current_)
        setCurrent(*current_, currentBase_);
}

NodeBadge RunController::badge(const QString& id) const {
    return badges_.shown(id.toStdString());
}

std::optional<PortValues> RunController::outputs(const QString& id) const {
    const auto it = outputs_.find(id.toStdString());
    if (it == outputs_.end())
        return std::nullopt;
    return it->second;
}

QStringList RunController::columnsOf(const QString& id, const QString& inputPort) const {
    if (!current_)
        return {};
    const GraphEdge* edge = current_->edgeInto({id.toStdString(), inputPort.toStdString()});
    if (!edge)
        return {};
    const auto outputs = outputs_.find(edge->from.node);
    if (outputs == outputs_.end())
        return {};
    const auto value = outputs->second.find(edge->from.port);
    if (value == outputs->second.end())
        return {};
    const auto* table = std::get_if<TablePtr>(&value->second);
    if (!table || !*table)
        return {};
    QStringList names;
    for (const std::string& name : (*table)->columnNames())
        names << qstr(name);
    return names;
}

void RunController::drain() {
    if (!running_)
        return;  // a late queued call after the run was already finished
    RunEventQueue::Batch batch = queue_.take();

    // State changes go out in order; progress only as the latest per node,
    // metric points as one batch per node.
    std::map<std::string, std::pair<double, std::string>> progress;
    std::map<std::string, QVector<engine::MetricPoint>> metrics;
    for (engine::RunEvent& event : batch.events) {
        switch (event.kind) {
            case Kind::Progress:
                progress[event.node] = {event.fraction, std::move(event.text)};
                break;
            case Kind::Metrics: {
                auto& points = metrics[event.node];
                for (engine::MetricPoint& point : event.metrics)
                    points.push_back(std::move(point));
                break;
            }
            default:
                progress.erase(event.node);
                handle(event);
                break;
        }
    }
    for (const auto& [node, latest] : progress) {
        const NodeBadge* live = badges_.live(node);
        if (!live || live->state != State::Running)
            continue;
        NodeBadge badge = *live;
        badge.progress = latest.first;
        badge.text = qstr(latest.second);
        emitChanges(badges_.setLive(node, badge));
    }
    for (const auto& [node, points] : metrics)
        emit metricsArrived(qstr(node), points);
    if (batch.ending)
        finish(std::move(*batch.ending));
}

void RunController::handle(const engine::RunEvent& event) {
    const QString id = qstr(event.node);
    switch (event.kind) {
        case Kind::RunStarted:
            emit logLine({}, tr("Run started: %1 nodes").arg(qstr(event.text)), false);
            return;
        case Kind::Queued:
            emitChanges(badges_.setLive(event.node, badgeOf(State::Queued)));
            return;
        case Kind::Started:
            emitChanges(badges_.setLive(event.node, badgeOf(State::Running)));
            return;
        case Kind::Log:
            emit logLine(id, qstr(event.text), false);
            return;
        case Kind::Finished: {
            NodeBadge done = badgeOf(State::Done);
            done.seconds = event.seconds;
            done.cached = event.cached;
            emitChanges(badges_.setLive(event.node, done));
            QStringList outputs;
            for (const engine::OutputSummary& output : event.outputs)
                outputs << qstr(output.port) + QStringLiteral(": ") + qstr(output.text);
            QString text = event.cached ? tr("done (cached)")
                                        : tr("done in %1").arg(secondsText(event.seconds));
            if (!outputs.isEmpty())
                text += QStringLiteral("; ") + outputs.join(QStringLiteral("; "));
            emit logLine(id, text, false);
            return;
        }
        case Kind::Failed: {
            const std::string why = engine::withoutNodeLabel(event.node, event.text);
            emitChanges(badges_.setLive(event.node, badgeOf(State::Failed, why)));
            emit logLine(id, qstr(why), true);
            return;
        }
        case Kind::Skipped: {
            const std::string why = engine::withoutNodeLabel(event.node, event.text);
            emitChanges(badges_.setLive(event.node, badgeOf(State::Skipped, why)));
            emit logLine(id, qstr(why), false);
            return;
        }
        case Kind::Cancelled:
            emitChanges(badges_.setLive(event.node, badgeOf(State::Cancelled, event.text)));
            return;
        case Kind::RunFinished:
        case Kind::Progress:
        case Kind::Metrics:
            return;
    }
}

void RunController::finish(RunEnding ending) {
    // The worker's last act was to hand over this ending, so the join only
    // waits for its thread to return.
    if (worker_.joinable())
        worker_.join();
    tick_.stop();

    const engine::RunResult& result = ending.result;
    std::map<std::string, NodeBadge> outcomes;
    for (const auto& [id, outcome] : result.nodes) {
        outcomes[id] = badgeOf(outcome);
        if (outcome.status == engine::NodeStatus::Done)
            outputs_[id] = outcome.outputs;
        else
            outputs_.erase(id);
    }
    badges_.endRun(outcomes);
    // Judge the results against the graph as it is now, not as it was run.
    if (current_)
        setCurrent(*current_, currentBase_);

    const bool ok = ending.error.empty() && result.ok();
    if (!ending.error.empty())
        emit logLine({}, tr("Run failed: %1").arg(qstr(ending.error)), true);
    else if (result.cancelled)
        emit logLine({}, tr("Run cancelled after %1").arg(secondsText(result.seconds)), false);
    else if (ok)
        emit logLine({}, tr("Run finished in %1").arg(secondsText(result.seconds)), false);
    else
        emit logLine({},
                     tr("Run finished in %1: %2 failed, %3 skipped")
                         .arg(secondsText(result.seconds))
                         .arg(result.count(engine::NodeStatus::Failed))
                         .arg(result.count(engine::NodeStatus::Skipped)),
                     true);
    if (!ending.historyError.empty())
        emit logLine(
            {},
            tr("The run was not recorded in the run history: %1").arg(qstr(ending.historyError)),
            true);
    else if (!ending.recordPath.empty())
        emit runRecorded(qstr(ending.recordPath));
        // A run's scratch memory (a learner's batches, the worker arenas' peak)
        // is free now; give it back, so a long session's footprint follows what
        // it keeps rather than its largest run (issue 24's soak).
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    // Only now: a slot of the signals above must not start a run while this
    // one is still being reported.
    running_ = false;
    emit runFinished(ok, result.cancelled);
}

void RunController::emitChanges(const BadgeBook::Changes& changes) {
    for (const auto& [node, badge] : changes)
        emit badgeChanged(qstr(node), badge);
}

}  // namespace sluice
