// EventSink and NodeReporter: how events leave the engine.
//
// EventSink hands RunEvents to one observer, never two at once, from
// whichever thread sends them. NodeReporter is one running node's stream of
// progress, metrics and log lines, throttled as run_event.h promises:
// progress at most once per interval (later values replace earlier ones),
// metric points batched and sent at most once per interval, never dropped.
// The engine's waiting thread calls flushDue() every interval so a batch
// does not wait for the next point; flush() sends the rest before the
// node's last event. Every member is thread-safe: learners call back from
// their own worker threads.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run_event.h"

namespace sluice::engine {

class EventSink {
public:
    explicit EventSink(RunObserver* observer) : observer_(observer) {}
    bool active() const { return observer_ != nullptr; }
    void emit(const RunEvent& event);

private:
    RunObserver* observer_;
    std::mutex mutex_;
};

class NodeReporter {
public:
    using Clock = std::chrono::steady_clock;

    NodeReporter(EventSink& sink, std::string nodeId, Clock::duration interval);

    void progress(double fraction, std::string_view text);
    void metric(std::string_view name, int step, double value);
    void log(std::string_view line);
    void flushDue();
    void flush();
    std::map<std::string, double> lastMetrics() const;

private:
    void sendMetrics(Clock::time_point now);  // caller holds mutex_

    EventSink& sink_;
    const std::string node_;
    const Clock::duration interval_;
    mutable std::mutex mutex_;
    Clock::time_point lastProgress_{};
    Clock::time_point lastMetrics_{};
    std::vector<MetricPoint> pending_;
    std::map<std::string, double> last_;
};

}  // namespace sluice::engine
