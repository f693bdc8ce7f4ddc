#include "engine/node_reporter.h"
#include "nodes/results.h"

#include <algorithm>

namespace sluice::engine {

void EventSink::emit(const RunEvent& event) {
    if (!observer_)
        return;
    std::lock_guard lock(mutex_);
    observer_->onEvent(event);
}

NodeReporter::NodeReporter(EventSink& sink, std::string nodeId, Clock::duration interval)
    : sink_(sink), node_(std::move(nodeId)), interval_(interval) {}

void NodeReporter::progress(double fraction, std::string_view text) {
    if (!sink_.active())
        return;
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    if (now - lastProgress_ < interval_)
        return;
    lastProgress_ = now;
    RunEvent event;
    event.kind = RunEvent::Kind::Progress;
    event.node = node_;
    event.fraction = std::clamp(fraction, 0.0, 1.0);
    event.text = std::string(text);
    sink_.emit(event);
}

void NodeReporter::metric(std::string_view name, int step, double value) {
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    last_[std::string(name)] = value;
    if (!sink_.active())
        return;
    pending_.push_back({std::string(name), step, value});
    if (now - lastMetrics_ >= interval_)
        sendMetrics(now);
}

void NodeReporter::log(std::string_view line) {
    RunEvent event;
    event.kind = RunEvent::Kind::Log;
    event.node = node_;
    event.text = std::string(line);
    sink_.emit(event);
}

void NodeReporter::flushDue() {
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    if (!pending_.empty() && now - lastMetrics_ >= interval_)
        sendMetrics(now);
}

void NodeReporter::flush() {
    std::lock_guard lock(mutex_);
    if (!pending_.empty())
        sendMetrics(Clock::now());
}

std::map<std::string, double> NodeReporter::lastMetrics() const {
    std::lock_guard lock(mutex_);
    return last_;
}

void NodeReporter::sendMetrics(Clock::time_point now) {
    lastMetrics_ = now;
    RunEvent event;
    event.kind = RunEvent::Kind::Metrics;
    event.node = node_;
    event.metrics.swap(pending_);
    sink_.emit(event);
}

}  // namespace sluice::engine
