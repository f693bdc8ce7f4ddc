#include "app/sweep_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "views/charts/chart_theme.h"

namespace sluice {
namespace {

QString text(const nlohmann::json& v) {
    return QString::fromStdString(sweep::valueText(v));
}

bool numericAxis(const sweep::Axis& axis) {
    return !axis.values.empty() && axis.values.front().is_number();
}

}  // namespace

SweepChart::SweepChart(QWidget* parent) : ChartView(nullptr, parent) {
    chart()->setTitle(tr("Run a sweep to see the score against the parameter"));
    setMinimumSize(360, 260);
}

void SweepChart::showResult(const sweep::SweepResult& result, const std::vector<sweep::Axis>& axes,
                            const std::optional<sweep::MetricChoice>& metric,
                            std::optional<std::size_t> best, const ColumnTitle& title) {
    const auto named = [&title](const std::string& column) {
        return title ? title(column) : QString::fromStdString(column);
    };
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* a : c->axes())
        c->removeAxis(a), delete a;
    lines_ = 0;
    if (axes.empty() || !metric) {
        c->setTitle(tr("No metric to chart yet"));
        return;
    }
    const sweep::Axis& xAxis = axes.front();
    const bool numeric = numericAxis(xAxis);
    auto xOf = [&](const nlohmann::json& v) {
        if (numeric)
            return v.get<double>();
        const auto it = std::find(xAxis.values.begin(), xAxis.values.end(), v);
        return static_cast<double>(it - xAxis.values.begin());
    };
    // Rows that are a slice through the best row on axes 3..n.
    auto onSlice = [&](const sweep::SweepRow& row) {
        if (!best)
            return true;
        const auto& ref = result.rows[*best].values;
        for (std::size_t a = 2; a < axes.size(); ++a)
            if (row.values[a] != ref[a])
                return false;
        return true;
    };

    std::vector<nlohmann::json> groups{nlohmann::json()};
    if (axes.size() > 1)
        groups = axes[1].values;
    double lo = INFINITY, hi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    std::vector<QLineSeries*> made;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<QPointF> points;
        for (const auto& row : result.rows) {
            const auto it = row.metrics.find(metric->column);
            if (it == row.metrics.end() || !std::isfinite(it->second) || !onSlice(row))
                continue;
            if (axes.size() > 1 && row.values[1] != groups[g])
                continue;
            points.emplace_back(xOf(row.values[0]), it->second);
        }
        if (points.empty())
            continue;
        std::sort(points.begin(), points.end(),
                  [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
        auto* line = new QLineSeries;
        line->setName(axes.size() > 1 ? named(axes[1].label()) + " = " + text(groups[g])
                                      : named(metric->column));
        line->setPointsVisible(true);
        line->setColor(seriesColor(static_cast<int>(g), palette()));
        for (const auto& p : points) {
            line->append(p);
            lo = std::min(lo, p.x()), hi = std::max(hi, p.x());
            ylo = std::min(ylo, p.y()), yhi = std::max(yhi, p.y());
        }
        c->addSeries(line);
        made.push_back(line);
        ++lines_;
    }
    if (made.empty()) {
        c->setTitle(tr("No finished combination has %1 yet").arg(named(metric->column)));
        return;
    }

    QAbstractAxis* x = nullptr;
    const QString xTitle = named(xAxis.label());
    if (!numeric) {
        auto* cat = new QCategoryAxis;
        for (std::size_t i = 0; i < xAxis.values.size(); ++i)
            cat->append(text(xAxis.values[i]), static_cast<double>(i) + 0.5);
        cat->setRange(-0.5, static_cast<double>(xAxis.values.size()) - 0.5);
        cat->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        x = cat;
    } else if (xAxis.range && xAxis.range->scale == sweep::RangeScale::Log && lo > 0) {
        auto* log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat("%g");
        log->setRange(lo / 1.3, hi * 1.3);
        x = log;
    } else if (xAxis.integer) {
        // Whole numbers: ticks on whole numbers, never 1.9 or 4.1.
        auto* v = new QValueAxis;
        v->setRange(lo - 0.5, hi + 0.5);
        v->setTickType(QValueAxis::TicksDynamic);
        v->setTickAnchor(lo);
        v->setTickInterval(std::max(1.0, std::ceil((hi - lo) / 8)));
        v->setLabelFormat("%.0f");
        x = v;
    } else {
        auto* v = new QValueAxis;
        const double pad = hi > lo ? (hi - lo) * 0.05 : 1;
        v->setRange(lo - pad, hi + pad);
        v->applyNiceNumbers();
        v->setLabelFormat("%g");
        x = v;
    }
    x->setTitleText(xTitle);
    auto* y = new QValueAxis;
    const double ypad = yhi > ylo ? (yhi - ylo) * 0.1 : std::max(1e-3, std::abs(yhi) * 0.05);
    y->setRange(ylo - ypad, yhi + ypad);
    y->applyNiceNumbers();
    y->setLabelFormat("%.3g");
    y->setTitleText(named(metric->column));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (auto* s : made) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (best) {
        const auto& row = result.rows[*best];
        auto* mark = new QScatterSeries;
        mark->setName(tr("best"));
        mark->setMarkerSize(14);
        mark->setColor(QColor(0xd5, 0x5e, 0x00));
        mark->append(xOf(row.values[0]), row.metrics.at(metric->column));
        c->addSeries(mark);
        mark->attachAxis(x);
        mark->attachAxis(y);
    }
    c->legend()->setVisible(axes.size() > 1 || best);
    c->setTitle(tr("%1 (%2)").arg(named(metric->column), metric->goal == sweep::MetricGoal::Maximize
                                                             ? tr("higher is better")
                                                             : tr("lower is better")));
    restyle();
}

}  // namespace sluice
