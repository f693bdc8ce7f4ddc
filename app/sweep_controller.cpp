#include "app/sweep_controller.h"

#include <set>

#include "sweep/result_reporting.h"

namespace sluice {

// Engine::run() clears the cancel flag as it starts, so a stop() that came
// before is repeated on the first event.
class SweepController::Relay final : public engine::RunObserver {
public:
    explicit Relay(SweepController& c) : c_(c) {}
    void onEvent(const engine::RunEvent& event) override {
        if (c_.stopRequested_.load())
            c_.engine_.cancel();
        c_.queue_.onEvent(event);
    }

private:
    SweepController& c_;
};

SweepController::SweepController(const NodeRegistry& registry, QObject* parent)
    : QObject(parent), registry_(sweep::withResultReporting(registry)), engine_(*registry_) {
    tick_.setInterval(33);
    connect(&tick_, &QTimer::timeout, this, &SweepController::drain);
}

SweepController::~SweepController() {
    tick_.stop();
    if (worker_.joinable()) {
        stopRequested_.store(true);
        engine_.cancel();
        worker_.join();
    }
}

bool SweepController::start(const Graph& graph, const sweep::SweepSpec& spec,
                            const QString& baseDirectory) {
    if (running_)
        return false;
    auto plan = std::make_unique<sweep::SweepGraph>(sweep::planSweep(graph, spec));
    if (worker_.joinable())
        worker_.join();  // the last sweep's thread, already done
    plan_ = std::move(plan);
    progress_ = std::make_unique<sweep::SweepProgress>(*plan_);
    result_ = progress_->result();
    stopRequested_.store(false);
    queue_.clear();

    engine::RunOptions options;
    options.threads = threads_;
    options.baseDirectory = baseDirectory.toStdString();
    running_ = true;
    tick_.start();
    worker_ = std::thread([this, options] {
        Relay relay(*this);
        RunEnding ending;
        try {
            ending.result = engine_.run(plan_->graph, options, &relay);
        } catch (const std::exception& e) {
            ending.error = e.what();
        }
        queue_.finish(std::move(ending));
    });
    emit started();
    return true;
}

void SweepController::stop() {
    if (!running_)
        return;
    stopRequested_.store(true);
    engine_.cancel();
}

void SweepController::drain() {
    auto batch = queue_.take();
    std::set<int> changed;
    for (const auto& event : batch.events)
        for (const std::size_t row : progress_->onEvent(event))
            changed.insert(static_cast<int>(row));
    if (!batch.ending) {
        if (!changed.empty()) {
            result_ = progress_->result();
            emit rowsChanged(QVector<int>(changed.begin(), changed.end()));
        }
        return;
    }
    tick_.stop();
    worker_.join();
    running_ = false;
    const RunEnding& ending = *batch.ending;
    result_ =
        ending.error.empty() ? sweep::collectSweep(*plan_, ending.result) : progress_->result();
    QVector<int> all;
    for (int i = 0; i < static_cast<int>(result_.rows.size()); ++i)
        all.push_back(i);
    emit rowsChanged(all);
    emit finished(ending.error.empty() && ending.result.ok(), ending.result.cancelled,
                  QString::fromStdString(ending.error));
}

}  // namespace sluice
