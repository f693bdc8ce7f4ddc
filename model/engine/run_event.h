// RunEvent and RunObserver: what the engine tells the world while it runs a
// graph. One event type for every kind of news, so a consumer (the GUI's
// RunController, sluice-run's terminal output, a test) can queue, coalesce
// and replay events without caring which worker thread sent them.
//
// Contract:
// - Per node the order is: Queued, then either Skipped / Cancelled, or
//   Started, any number of Progress / Metrics / Log, then exactly one of
//   Finished, Failed or Cancelled. A cached node goes Queued -> Finished with
//   `cached` set and never Started.
// - Progress is throttled: at most one per node per throttle interval (the
//   latest value wins; the final value is not guaranteed). Metric points are
//   never dropped: they arrive in batches, at most one batch per node per
//   interval, and the rest is flushed before the node's last event.
// - The observer is called from worker threads, never two calls at once, and
//   must return quickly; it may call Engine::cancel() but nothing else on the
//   engine.
#pragma once

#include <string>
#include <vector>

namespace sluice::engine {

enum class NodeStatus { Idle, Queued, Running, Done, Failed, Skipped, Cancelled };

std::string_view statusName(NodeStatus status);

struct MetricPoint {
    std::string name;  // "train_loss", "validation_loss", "inertia", ...
    int step = 0;      // epoch, iteration, tree, round
    double value = 0.0;
};

// One line per output port: "table: 150 rows x 5 columns".
struct OutputSummary {
    std::string port;
    std::string text;
};

struct RunEvent {
    enum class Kind {
        RunStarted,  // node empty; text = how many nodes will run
        Queued,
        Started,
        Progress,  // fraction in [0, 1], text
        Metrics,   // metrics: one or more points
        Log,       // text: one line
        Finished,  // seconds, cached, outputs
        Failed,    // text: the message, naming the node
        Skipped,   // text: why (the upstream node that failed)
        Cancelled,
        RunFinished,  // node empty; seconds = wall time of the run
    };
    Kind kind = Kind::Queued;
    std::string node;  // node id
    double fraction = 0.0;
    std::string text;
    std::vector<MetricPoint> metrics;
    double seconds = 0.0;
    bool cached = false;
    std::vector<OutputSummary> outputs;
};

std::string_view kindName(RunEvent::Kind kind);

// A node's message without the label the engine starts it with
// ("Iris (read): cannot open ..." -> "cannot open ..."), for a consumer that
// names the node itself. The label ends at " (<node id>): ", so a title
// with a colon of its own is cut whole; another node's label in the message
// has another id and stays. Text without the label is returned as it is.
std::string withoutNodeLabel(const std::string& node, const std::string& text);

class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void onEvent(const RunEvent& event) = 0;
};

}  // namespace sluice::engine
