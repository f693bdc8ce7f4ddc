#include "views/history/run_text.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <cmath>
#include <map>

#include "nodes/metric_names.h"
#include "nodes/node_registry.h"

namespace sluice::runtext {

QString localTime(const std::string& isoUtc) {
    const QString text = QString::fromStdString(isoUtc);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return text;
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("—");
    if (seconds < 1)
        return QString::number(qRound(seconds * 1000)) + QStringLiteral(" ms");
    if (seconds < 60)
        return QString::number(seconds, 'f', 2) + QStringLiteral(" s");
    const int whole = qRound(seconds);
    return QStringLiteral("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString value(const nlohmann::json& v) {
    if (v.is_null())
        return QStringLiteral("—");
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_number_float())
        return QString::number(v.get<double>(), 'g', 6);
    return QString::fromStdString(v.dump());
}

QString number(double v) {
    return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("—");
}

QString paramName(const history::RunRecord& run, const std::string& node,
                  const std::string& param) {
    const history::NodeRecord* n = run.node(node);
    const NodeType* type = n ? builtinNodes().find(n->type) : nullptr;
    const ParamSpec* spec = type ? type->param(param) : nullptr;
    return QString::fromStdString(spec && !spec->label.empty() ? spec->label : param);
}

QString nodeName(const history::RunRecord& run, const std::string& node) {
    if (const history::NodeRecord* n = run.node(node); n && !n->title.empty())
        return QString::fromStdString(n->title);
    const auto it = run.parameters.find(node);
    if (it != run.parameters.end() && it->is_object()) {
        const std::string title = it->value("title", std::string());
        if (!title.empty())
            return QString::fromStdString(title);
    }
    return QString::fromStdString(node);
}

QString keyMetrics(const history::RunRecord& run, int limit) {
    std::map<std::string, int> seen;
    for (const history::MetricRecord& m : run.metrics)
        if (!m.output.empty())
            ++seen[m.name];
    QStringList parts;
    for (const history::MetricRecord& m : run.metrics) {
        if (m.output.empty())
            continue;
        if (parts.size() == limit) {
            parts << QStringLiteral("…");
            break;
        }
        const QString metric = QString::fromStdString(metricDisplayName(m.name));
        const QString name =
            seen[m.name] > 1 ? nodeName(run, m.node) + QStringLiteral(" ") + metric : metric;
        parts << name + QStringLiteral(" ") + number(m.value);
    }
    return parts.join(QStringLiteral(", "));
}

QString change(const history::RunRecord& run, const history::ParamChange& c) {
    const QString node = nodeName(run, c.node);
    if (c.param.empty())
        return c.newValue.is_null() ? QObject::tr("%1 removed").arg(node)
                                    : QObject::tr("%1 added").arg(node);
    return QStringLiteral("%1 · %2: %3 → %4")
        .arg(node, paramName(run, c.node, c.param), value(c.oldValue), value(c.newValue));
}

QString changes(const history::RunRecord& run, int limit) {
    if (!run.previous)
        return QObject::tr("first run");
    if (run.changes.empty())
        return QObject::tr("no change");
    QStringList parts;
    for (const history::ParamChange& c : run.changes) {
        if (parts.size() == limit) {
            parts << QObject::tr("%1 more").arg(int(run.changes.size()) - limit);
            break;
        }
        if (c.param.empty())
            parts << change(run, c);
        else
            parts << QStringLiteral("%1 %2 → %3")
                         .arg(paramName(run, c.node, c.param), value(c.oldValue),
                              value(c.newValue));
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace sluice::runtext
