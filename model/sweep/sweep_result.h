// SweepResult: one row per combination (its values, status and metrics),
// built live from the engine's events (SweepProgress) or at the end from the
// RunResult (collectSweep), and the best row by a chosen metric.
//
// Metric columns are "<node id>.<metric>" for the original (uncloned) node:
// the metrics of every Results output of the combination's cloned nodes
// (score, cross-validation...), then the last value of each metric the
// cloned nodes streamed while training (train_loss, ...).
//
// Direction: a metric whose name has a word like accuracy, r2, auc, f1,
// precision, recall or score is better higher; one with mse, rmse, mae, loss,
// error or inertia is better lower. chooseMetric accepts "NAME", "NODE.NAME"
// or either with ":max" / ":min" to state the direction; with no name it
// picks accuracy, r2 or roc_auc (first that exists), else the first metric
// whose direction is known.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "sweep/sweep_graph.h"

namespace sluice::sweep {

enum class MetricGoal { Maximize, Minimize };

std::optional<MetricGoal> goalOf(std::string_view metric);

struct SweepRow {
    Combination values;
    engine::NodeStatus status = engine::NodeStatus::Queued;
    std::string message;  // why it failed or was skipped
    double seconds = 0;   // time of the nodes it alone uses (shared clones count once per user)
    std::map<std::string, double> metrics;
};

struct SweepResult {
    std::vector<std::string> axes;     // axis labels, node.param
    std::vector<std::string> metrics;  // metric columns, in order of first appearance
    std::vector<SweepRow> rows;
    bool cancelled = false;
};

struct MetricChoice {
    std::string column;  // a member of SweepResult::metrics
    MetricGoal goal = MetricGoal::Maximize;
};

SweepResult collectSweep(const SweepGraph& sweep, const engine::RunResult& run);

// Throws SweepError naming the metric and listing the columns when nothing
// matches, or when the direction of a named metric is unknown (add :max/:min).
MetricChoice chooseMetric(const SweepResult& result, const std::string& requested);

// The best finished row with a finite value of the metric; ties keep the
// first row.
std::optional<std::size_t> bestRow(const SweepResult& result, const MetricChoice& metric);

// Results metrics travel as streamed metric points with this prefix (see
// result_reporting.h), so live tables see scores as soon as a node finishes.
inline constexpr std::string_view kResultMetricPrefix = "result:";

// Rows built from engine events as they arrive (on one thread at a time).
class SweepProgress {
public:
    explicit SweepProgress(const SweepGraph& sweep);

    // The rows whose status or metrics changed.
    std::vector<std::size_t> onEvent(const engine::RunEvent& event);
    const SweepResult& result() const { return result_; }
    // Every node of the row reached an end (done, failed, skipped, cancelled).
    bool rowComplete(std::size_t row) const;

private:
    void refresh(std::size_t row);

    const SweepGraph& sweep_;
    SweepResult result_;
    std::map<std::string, engine::NodeStatus> status_;  // clone id -> latest
    std::map<std::string, std::string> message_;
};

}  // namespace sluice::sweep
