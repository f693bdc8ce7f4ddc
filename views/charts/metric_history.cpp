#include "views/charts/metric_history.h"

#include <algorithm>

namespace sluice {
namespace {

// A label that lists many parameters stops being readable in a legend.
constexpr int kMaxLabelParams = 3;

}  // namespace

const MetricStream* MetricRun::stream(const QString& name) const {
    for (const MetricStream& s : streams)
        if (s.name == name)
            return &s;
    return nullptr;
}

MetricHistory::MetricHistory(int maxRuns) : maxRuns_(std::max(1, maxRuns)) {}

NodeMetrics& MetricHistory::ensure(const QString& id) {
    for (NodeMetrics& n : nodes_)
        if (n.id == id)
            return n;
    NodeMetrics created;
    created.id = id;
    created.title = id;
    nodes_.push_back(std::move(created));
    return nodes_.back();
}

void MetricHistory::startRun(const QString& id, const QString& title,
                             const QMap<QString, QString>& params, const QString& stepName) {
    NodeMetrics& n = ensure(id);
    if (!title.isEmpty())
        n.title = title;
    if (!stepName.isEmpty())
        n.stepName = stepName;
    MetricRun run;
    run.number = n.nextNumber++;
    run.params = params;
    n.runs.push_back(std::move(run));
    while (static_cast<int>(n.runs.size()) > maxRuns_)
        n.runs.pop_front();
    ++n.revision;
}

void MetricHistory::insert(MetricRun& run, const QString& metric, int step, double value) {
    auto it = std::find_if(run.streams.begin(), run.streams.end(),
                           [&](const MetricStream& s) { return s.name == metric; });
    if (it == run.streams.end()) {
        run.streams.push_back(MetricStream{metric, {}});
        it = std::prev(run.streams.end());
    }
    QVector<QPointF>& points = it->points;
    const QPointF p(step, value);
    if (points.isEmpty() || points.back().x() <= step) {
        points.push_back(p);
        return;
    }
    const auto at =
        std::upper_bound(points.begin(), points.end(), p,
                         [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    points.insert(at, p);
}

void MetricHistory::append(const QString& id, const QVector<engine::MetricPoint>& points) {
    if (points.isEmpty())
        return;
    NodeMetrics& n = ensure(id);
    if (n.runs.empty())
        startRun(id, QString(), {});
    MetricRun& run = n.runs.back();
    for (const engine::MetricPoint& p : points)
        insert(run, QString::fromStdString(p.name), p.step, p.value);
    ++n.revision;
}

void MetricHistory::append(const QString& id, const QString& metric, int step, double value) {
    NodeMetrics& n = ensure(id);
    if (n.runs.empty())
        startRun(id, QString(), {});
    insert(n.runs.back(), metric, step, value);
    ++n.revision;
}

void MetricHistory::clearPreviousRuns(const QString& id) {
    for (NodeMetrics& n : nodes_)
        if (n.id == id && n.runs.size() > 1) {
            n.runs.erase(n.runs.begin(), std::prev(n.runs.end()));
            ++n.revision;
        }
}

void MetricHistory::removeNode(const QString& id) {
    nodes_.erase(std::remove_if(nodes_.begin(), nodes_.end(),
                                [&](const NodeMetrics& n) { return n.id == id; }),
                 nodes_.end());
}

void MetricHistory::clear() {
    nodes_.clear();
}

const NodeMetrics* MetricHistory::node(const QString& id) const {
    for (const NodeMetrics& n : nodes_)
        if (n.id == id)
            return &n;
    return nullptr;
}

QStringList MetricHistory::nodeIds() const {
    QStringList ids;
    for (const NodeMetrics& n : nodes_)
        ids << n.id;
    return ids;
}

QStringList MetricHistory::differingParams(const NodeMetrics& node) {
    QStringList names;
    if (node.runs.size() < 2)
        return names;
    const MetricRun& latest = node.runs.back();
    QMap<QString, bool> seen;  // sorted, unique
    for (std::size_t i = 0; i + 1 < node.runs.size(); ++i) {
        const MetricRun& run = node.runs[i];
        QStringList keys = run.params.keys() + latest.params.keys();
        for (const QString& key : keys)
            if (run.params.value(key) != latest.params.value(key))
                seen.insert(key, true);
    }
    return seen.keys();
}

QString MetricHistory::runLabel(const NodeMetrics& node, std::size_t index) {
    if (node.runs.size() < 2 || index >= node.runs.size())
        return QString();
    const MetricRun& run = node.runs[index];
    const QStringList names = differingParams(node);
    if (names.isEmpty())
        return QStringLiteral("run %1").arg(run.number);
    QStringList parts;
    for (int i = 0; i < names.size() && i < kMaxLabelParams; ++i) {
        const QString value = run.params.value(names[i]);
        parts << names[i] + QLatin1Char(' ') + (value.isEmpty() ? QStringLiteral("–") : value);
    }
    if (names.size() > kMaxLabelParams)
        parts << QStringLiteral("…");
    return parts.join(QStringLiteral(", "));
}

}  // namespace sluice
