#include "views/history/run_compare.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <set>
#include <tuple>

#include "nodes/metric_names.h"
#include "views/charts/metric_history.h"
#include "views/charts/training_chart.h"
#include "views/history/run_text.h"

namespace sluice {
namespace {

struct MetricKey {
    std::string node, output, name;
    bool operator<(const MetricKey& o) const {
        return std::tie(node, output, name) < std::tie(o.node, o.output, o.name);
    }
};

QString shortTime(const history::RunRecord& run) {
    return runtext::localTime(run.started).mid(11);  // HH:mm:ss
}

QString signedDelta(double delta) {
    return (delta > 0 ? QStringLiteral("+") : QString()) + QString::number(delta, 'g', 3);
}

}  // namespace

RunCompare::RunCompare(QWidget* parent) : QWidget(parent) {
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("runCompareTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Row names ("Cross-validate, 5 folds · Logistic regression accuracy")
    // would push the runs' columns out of a short dock: cap them, eliding
    // the middle so node and metric both show (full text in the tooltip).
    table_->verticalHeader()->setMaximumWidth(280);
    table_->verticalHeader()->setTextElideMode(Qt::ElideMiddle);
    table_->setWordWrap(false);

    chartArea_ = new QWidget;
    chartLayout_ = new QHBoxLayout(chartArea_);
    chartLayout_->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(chartArea_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Tabs rather than side by side: the dock is short and shares its width
    // with the run list, and a chart squeezed beside a table reads badly.
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    tabs_->addTab(table_, tr("Metrics"));
    tabs_->addTab(scroll, tr("Training curves"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint_);
    layout->addWidget(tabs_, 1);
    setRuns({});
}

RunCompare::~RunCompare() = default;

QList<TrainingChart*> RunCompare::charts() const {
    return chartArea_->findChildren<TrainingChart*>();
}

void RunCompare::setRuns(std::vector<history::RunRecord> runs) {
    runs_ = std::move(runs);
    std::sort(runs_.begin(), runs_.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });  // oldest first
    hint_->setText(runs_.size() < 2 ? tr("Select two or more runs (Ctrl+click, Shift+click) to "
                                         "compare their metrics and training curves.")
                                    : tr("%1 runs, oldest first; tinted cells differ from the "
                                         "first run.")
                                          .arg(runs_.size()));
    fillTable();
    fillCharts();
}

void RunCompare::fillTable() {
    table_->clear();
    table_->setColumnCount(int(runs_.size()));
    QStringList columns;
    for (const auto& run : runs_)
        columns << shortTime(run) + QStringLiteral("\n") + QString::fromStdString(run.source);
    table_->setHorizontalHeaderLabels(columns);
    for (int c = 0; c < int(runs_.size()); ++c)
        table_->horizontalHeaderItem(c)->setToolTip(
            tr("Run %1, started %2")
                .arg(QString::fromStdString(runs_[c].id), runtext::localTime(runs_[c].started)));

    // Scores first, then the last values of training streams, each sorted.
    std::set<MetricKey> scores, streams;
    for (const auto& run : runs_)
        for (const auto& m : run.metrics)
            (m.output.empty() ? streams : scores).insert({m.node, m.output, m.name});
    std::set<std::pair<std::string, std::string>> differing;
    for (const auto& run : runs_) {
        for (const auto& [node, entry] : run.parameters.items()) {
            const nlohmann::json mine = run.paramsOf(node);
            if (!mine.is_object())
                continue;
            for (const auto& [param, v] : mine.items())
                for (const auto& other : runs_) {
                    const nlohmann::json params = other.paramsOf(node);
                    const nlohmann::json otherValue = params.is_object() && params.contains(param)
                                                          ? params[param]
                                                          : nlohmann::json();
                    if (otherValue != v) {
                        differing.insert({node, param});
                        break;
                    }
                }
        }
    }

    const QColor tint = palette().color(QPalette::Highlight);
    QColor differs = tint;
    differs.setAlpha(60);
    int row = 0;
    table_->setRowCount(int(scores.size() + streams.size() + differing.size()));
    QStringList rows;
    auto addMetricRow = [&](const MetricKey& key, bool stream) {
        const history::RunRecord& any = runs_.front();
        const QString metric = QString::fromStdString(metricDisplayName(key.name));
        QString label = runtext::nodeName(any, key.node) + QStringLiteral(" · ") + metric;
        for (const auto& run : runs_)
            if (run.node(key.node)) {
                label = runtext::nodeName(run, key.node) + QStringLiteral(" · ") + metric;
                break;
            }
        if (stream)
            label += tr(" (last)");
        rows << label;
        const history::MetricRecord* first = runs_.front().metric(key.node, key.output, key.name);
        for (int c = 0; c < int(runs_.size()); ++c) {
            const history::MetricRecord* m = runs_[c].metric(key.node, key.output, key.name);
            QString text = m ? runtext::number(m->value) : QStringLiteral("—");
            const bool different =
                c > 0 &&
                (!m || !first ||
                 (m->value != first->value && !(std::isnan(m->value) && std::isnan(first->value))));
            if (different && m && first && std::isfinite(m->value) && std::isfinite(first->value))
                text += QStringLiteral(" (") + signedDelta(m->value - first->value) +
                        QStringLiteral(")");
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (different)
                item->setBackground(differs);
            table_->setItem(row, c, item);
        }
        ++row;
    };
    for (const auto& key : scores)
        addMetricRow(key, false);
    for (const auto& key : streams)
        addMetricRow(key, true);
    for (const auto& [node, param] : differing) {
        rows << runtext::nodeName(runs_.back(), node) + QStringLiteral(" · ") +
                    runtext::paramName(runs_.back(), node, param);
        const nlohmann::json firstParams = runs_.front().paramsOf(node);
        const nlohmann::json first = firstParams.is_object() && firstParams.contains(param)
                                         ? firstParams[param]
                                         : nlohmann::json();
        for (int c = 0; c < int(runs_.size()); ++c) {
            const nlohmann::json params = runs_[c].paramsOf(node);
            const nlohmann::json v =
                params.is_object() && params.contains(param) ? params[param] : nlohmann::json();
            auto* item = new QTableWidgetItem(runtext::value(v));
            if (c > 0 && v != first)
                item->setBackground(differs);
            table_->setItem(row, c, item);
        }
        ++row;
    }
    table_->setVerticalHeaderLabels(rows);
    for (int r = int(scores.size() + streams.size()); r < row; ++r)
        table_->verticalHeaderItem(r)->setToolTip(tr("A parameter that differs between the runs"));
}

void RunCompare::fillCharts() {
    for (TrainingChart* chart : charts())
        delete chart;
    for (QLabel* old : chartArea_->findChildren<QLabel*>(QStringLiteral("noCurves")))
        delete old;
    metrics_ = std::make_unique<MetricHistory>(std::max<int>(1, int(runs_.size())));
    std::vector<std::string> nodes;
    for (const auto& run : runs_)
        for (const auto& curve : run.curves)
            if (std::find(nodes.begin(), nodes.end(), curve.node) == nodes.end())
                nodes.push_back(curve.node);
    for (const std::string& node : nodes) {
        const QString id = QString::fromStdString(node);
        for (const auto& run : runs_) {
            // The start time tells runs apart in the legend even when this
            // node's own parameters are the same in all of them.
            QMap<QString, QString> params;
            params.insert(tr("run"), shortTime(run));
            const nlohmann::json p = run.paramsOf(node);
            if (p.is_object())
                for (const auto& [name, v] : p.items())
                    params.insert(runtext::paramName(run, node, name), runtext::value(v));
            metrics_->startRun(id, runtext::nodeName(run, node), params);
            for (const auto& curve : run.curves) {
                if (curve.node != node)
                    continue;
                for (std::size_t i = 0; i < curve.steps.size(); ++i)
                    if (std::isfinite(curve.values[i]))
                        metrics_->append(id, QString::fromStdString(curve.name), curve.steps[i],
                                         curve.values[i]);
            }
        }
        auto* chart = new TrainingChart(id, chartArea_);
        chart->setMinimumWidth(320);
        chart->showMetrics(*metrics_->node(id));
        chartLayout_->addWidget(chart);
    }
    tabs_->setTabText(
        1, nodes.empty() ? tr("Training curves") : tr("Training curves (%1)").arg(nodes.size()));
    if (nodes.empty() && !runs_.empty()) {
        auto* none = new QLabel(tr("No training curves: none of these runs trained a node that "
                                   "reports its progress."),
                                chartArea_);
        none->setObjectName(QStringLiteral("noCurves"));
        none->setWordWrap(true);
        none->setAlignment(Qt::AlignCenter);
        chartLayout_->addWidget(none);
    }
}

}  // namespace sluice
