#include "sweep/sweep_result.h"
#include "nodes/results.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sluice::sweep {
namespace {

using engine::NodeStatus;

std::vector<std::string> words(std::string_view name) {
    std::vector<std::string> out(1);
    for (char ch : name) {
        if (std::isalnum(static_cast<unsigned char>(ch)))
            out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        else if (!out.back().empty())
            out.emplace_back();
    }
    return out;
}

void addColumn(SweepResult& result, const std::string& column) {
    if (std::find(result.metrics.begin(), result.metrics.end(), column) == result.metrics.end())
        result.metrics.push_back(column);
}

bool terminal(NodeStatus s) {
    return s == NodeStatus::Done || s == NodeStatus::Failed || s == NodeStatus::Skipped ||
           s == NodeStatus::Cancelled;
}

// The worst of the statuses: failed > cancelled > skipped > running > queued > done.
int severity(NodeStatus s) {
    switch (s) {
        case NodeStatus::Failed:
            return 6;
        case NodeStatus::Cancelled:
            return 5;
        case NodeStatus::Skipped:
            return 4;
        case NodeStatus::Running:
            return 3;
        case NodeStatus::Queued:
        case NodeStatus::Idle:
            return 2;
        case NodeStatus::Done:
            return 1;
    }
    return 0;
}

std::string metricName(const std::string& column) {
    const auto dot = column.find('.');
    return dot == std::string::npos ? column : column.substr(dot + 1);
}

SweepResult emptyResult(const SweepGraph& sweep) {
    SweepResult r;
    for (const auto& axis : sweep.axes)
        r.axes.push_back(axis.label());
    for (const auto& c : sweep.combinations) {
        SweepRow row;
        row.values = c;
        r.rows.push_back(std::move(row));
    }
    return r;
}

}  // namespace

std::optional<MetricGoal> goalOf(std::string_view metric) {
    static const char* const kHigher[] = {"accuracy",  "r2",     "auc",   "f1",
                                          "precision", "recall", "score", "silhouette"};
    static const char* const kLower[] = {"mse", "rmse", "mae", "loss", "error", "inertia"};
    for (const auto& w : words(metric)) {
        for (const char* h : kHigher)
            if (w == h)
                return MetricGoal::Maximize;
        for (const char* l : kLower)
            if (w == l)
                return MetricGoal::Minimize;
    }
    return std::nullopt;
}

SweepResult collectSweep(const SweepGraph& sweep, const engine::RunResult& run) {
    SweepResult r = emptyResult(sweep);
    r.cancelled = run.cancelled;
    for (std::size_t c = 0; c < r.rows.size(); ++c) {
        SweepRow& row = r.rows[c];
        row.status = NodeStatus::Done;
        // Results first, streamed metrics after: a score wins a name clash.
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& original : sweep.clonedNodes) {
                const std::string& id = sweep.clones[c].at(original);
                const auto it = run.nodes.find(id);
                if (it == run.nodes.end())
                    continue;
                const engine::NodeOutcome& outcome = it->second;
                if (pass == 0) {
                    if (severity(outcome.status) > severity(row.status)) {
                        row.status = outcome.status;
                        row.message = outcome.message;
                    }
                    row.seconds += outcome.seconds;
                    for (const auto& [port, value] : outcome.outputs)
                        if (const auto* res = std::get_if<ResultsValue>(&value); res && *res)
                            for (const auto& [name, v] : (*res)->metrics) {
                                addColumn(r, original + "." + name);
                                row.metrics.try_emplace(original + "." + name, v);
                            }
                } else {
                    for (const auto& [name, v] : outcome.metrics) {
                        if (name.rfind(kResultMetricPrefix, 0) == 0)
                            continue;
                        addColumn(r, original + "." + name);
                        row.metrics.try_emplace(original + "." + name, v);
                    }
                }
            }
        // A node the run never reached (cancelled early) leaves the row cancelled.
        for (const auto& [original, id] : sweep.clones[c])
            if (!run.nodes.count(id) && severity(NodeStatus::Cancelled) > severity(row.status))
                row.status = NodeStatus::Cancelled;
    }
    return r;
}

MetricChoice chooseMetric(const SweepResult& result, const std::string& requested) {
    std::string list;
    for (const auto& m : result.metrics)
        list += (list.empty() ? "" : ", ") + m;
    if (requested.empty()) {
        for (const char* preferred : {"accuracy", "r2", "roc_auc"})
            for (const auto& m : result.metrics)
                if (metricName(m) == preferred)
                    return {m, *goalOf(preferred)};
        for (const auto& m : result.metrics)
            if (const auto goal = goalOf(metricName(m)))
                return {m, *goal};
        throw SweepError(result.metrics.empty()
                             ? "the sweep produced no metrics: connect a score or "
                               "cross-validation node downstream of the swept node"
                             : "no metric with a known direction (" + list +
                                   "): choose one with --sweep-metric NAME:max or NAME:min");
    }
    std::string name = requested;
    std::optional<MetricGoal> goal;
    for (const auto& [suffix, g] :
         {std::pair{":max", MetricGoal::Maximize}, std::pair{":min", MetricGoal::Minimize}}) {
        const std::string s = suffix;
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
            name.resize(name.size() - s.size());
            goal = g;
        }
    }
    std::string column;
    for (const auto& m : result.metrics)
        if (m == name) {
            column = m;
            break;
        }
    if (column.empty())
        for (const auto& m : result.metrics)
            if (metricName(m) == name) {
                column = m;
                break;
            }
    if (column.empty())
        throw SweepError("the sweep has no metric '" + name + "' (" +
                         (list.empty() ? std::string("it produced none") : "metrics: " + list) +
                         ")");
    if (!goal)
        goal = goalOf(metricName(column));
    if (!goal)
        throw SweepError("is a higher or lower '" + name + "' better? Write " + name + ":max or " +
                         name + ":min");
    return {column, *goal};
}

std::optional<std::size_t> bestRow(const SweepResult& result, const MetricChoice& metric) {
    std::optional<std::size_t> best;
    double bestValue = 0;
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const SweepRow& row = result.rows[i];
        const auto it = row.metrics.find(metric.column);
        if (row.status != NodeStatus::Done || it == row.metrics.end() || !std::isfinite(it->second))
            continue;
        const double v = it->second;
        if (!best || (metric.goal == MetricGoal::Maximize ? v > bestValue : v < bestValue)) {
            best = i;
            bestValue = v;
        }
    }
    return best;
}

SweepProgress::SweepProgress(const SweepGraph& sweep)
    : sweep_(sweep), result_(emptyResult(sweep)) {}

bool SweepProgress::rowComplete(std::size_t row) const {
    for (const auto& [original, id] : sweep_.clones[row]) {
        const auto it = status_.find(id);
        if (it == status_.end() || !terminal(it->second))
            return false;
    }
    return true;
}

void SweepProgress::refresh(std::size_t row) {
    SweepRow& r = result_.rows[row];
    NodeStatus worst = NodeStatus::Done;
    std::string message;
    bool started = false, allEnded = true;
    for (const auto& [original, id] : sweep_.clones[row]) {
        const auto it = status_.find(id);
        const NodeStatus s = it == status_.end() ? NodeStatus::Queued : it->second;
        started = started || s != NodeStatus::Queued;
        allEnded = allEnded && terminal(s);
        if (terminal(s) && s != NodeStatus::Done && severity(s) > severity(worst)) {
            worst = s;
            message = message_[id];
        }
    }
    // Failures show at once; otherwise running until every node ended.
    r.status = worst != NodeStatus::Done ? worst
               : allEnded                ? NodeStatus::Done
               : started                 ? NodeStatus::Running
                                         : NodeStatus::Queued;
    r.message = message;
}

std::vector<std::size_t> SweepProgress::onEvent(const engine::RunEvent& event) {
    using Kind = engine::RunEvent::Kind;
    const auto users = sweep_.usedBy.find(event.node);
    if (users == sweep_.usedBy.end())
        return {};  // a shared node, or run-wide news
    const std::string& original = sweep_.originalOf.at(event.node);
    switch (event.kind) {
        case Kind::Started:
        case Kind::Progress:
            status_[event.node] = NodeStatus::Running;
            break;
        case Kind::Finished:
            status_[event.node] = NodeStatus::Done;
            break;
        case Kind::Failed:
            status_[event.node] = NodeStatus::Failed;
            message_[event.node] = event.text;
            break;
        case Kind::Skipped:
            status_[event.node] = NodeStatus::Skipped;
            message_[event.node] = event.text;
            break;
        case Kind::Cancelled:
            status_[event.node] = NodeStatus::Cancelled;
            break;
        case Kind::Metrics:
            for (const std::size_t row : users->second)
                for (const auto& p : event.metrics) {
                    std::string name = p.name;
                    if (name.rfind(kResultMetricPrefix, 0) == 0)
                        name.erase(0, kResultMetricPrefix.size());
                    addColumn(result_, original + "." + name);
                    result_.rows[row].metrics[original + "." + name] = p.value;
                }
            return users->second;
        default:
            return {};
    }
    for (const std::size_t row : users->second)
        refresh(row);
    return users->second;
}

}  // namespace sluice::sweep
