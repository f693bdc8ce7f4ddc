// TerminalReporter: the RunObserver behind sluice-run's stderr output.
//
// Contract:
// - One line per node event: started, done (time, outputs, last metric
//   values), cached (outputs), FAILED (message), skipped (reason),
//   cancelled, log lines, and metric lines at most once per node per
//   `metricInterval` (the first batch at once). Queued and progress events
//   print no line.
// - interactive (a terminal): below those lines one progress line shows the
//   running nodes (bar, percent, progress text, elapsed time) and redraws in
//   place; it is cleared before any other line and by finish(). Only '\r'
//   and spaces are used, no escape sequences.
// - quiet: only FAILED lines and message(..., error = true); no progress line.
// - Nodes are named "Title (id)" as the engine names them (the type's name
//   for an untitled node); a message that starts with that name and ": " is
//   printed without it.
// - Thread-safe: onEvent (engine workers), tick and message (main thread)
//   may come from different threads; every call returns quickly.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "engine/run_event.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice::runner {

struct ReporterOptions {
    bool quiet = false;
    bool interactive = false;
    int width = 80;  // columns of the progress line (interactive)
    std::chrono::milliseconds metricInterval{2000};
};

class TerminalReporter : public engine::RunObserver {
public:
    TerminalReporter(std::ostream& out, const Graph& graph, ReporterOptions options = {},
                     const NodeRegistry& registry = builtinNodes());

    void onEvent(const engine::RunEvent& event) override;
    // Redraws the progress line (elapsed times move on); at most 5 times a second.
    void tick();
    // A line of the runner's own ("cancelling..."); errors print even when quiet.
    void message(const std::string& line, bool error = false);
    // Clears the progress line for good (call once the run is over).
    void finish();

    // "85 ms", "1.23 s", "12.3 s", "2 min 05 s".
    static std::string formatSeconds(double seconds);

private:
    using Clock = std::chrono::steady_clock;
    struct Running {
        std::string node;
        double fraction = -1.0;  // unknown until the first progress event
        std::string text;
        Clock::time_point started;
    };
    struct MetricValue {
        int step = 0;
        double value = 0.0;
    };
    struct NodeMetrics {
        std::map<std::string, MetricValue> last;
        Clock::time_point printed;
        bool printedOnce = false;
    };

    std::string label(const std::string& node) const;
    std::string metricsText(const std::string& node, bool withStep) const;
    void line(const std::string& text);  // a permanent line (progress line kept below)
    void clearProgress();
    void drawProgress();
    std::string progressText() const;
    void stopRunning(const std::string& node);

    std::ostream& out_;
    ReporterOptions options_;
    std::map<std::string, std::string> labels_;
    std::mutex mutex_;
    std::vector<Running> running_;  // in start order
    std::map<std::string, NodeMetrics> metrics_;
    std::size_t drawnLength_ = 0;  // columns of the progress line on screen
    Clock::time_point lastDraw_{};
    bool finished_ = false;
};

}  // namespace sluice::runner
