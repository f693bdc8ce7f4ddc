#include "views/results/chart_parts.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace sluice {

std::pair<QValueAxis*, QValueAxis*> addValueAxes(QChart* chart, const QString& xTitle, double xMin,
                                                 double xMax, const QString& yTitle, double yMin,
                                                 double yMax, bool exact) {
    auto* x = new QValueAxis;
    x->setTitleText(xTitle);
    x->setRange(xMin, xMax);
    x->setLabelFormat(QStringLiteral("%.3g"));
    auto* y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setRange(yMin, yMax);
    y->setLabelFormat(QStringLiteral("%.3g"));
    if (!exact) {
        x->applyNiceNumbers();
        y->applyNiceNumbers();
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return {x, y};
}

void useUnitTicks(QValueAxis* axis) {
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(0.2);
    axis->setLabelFormat(QStringLiteral("%.1f"));
}

void placeLegend(QChart* chart) {
    int entries = 0, longest = 0;
    for (QAbstractSeries* series : chart->series()) {
        if (series->name().isEmpty())
            continue;
        ++entries;
        longest = std::max(longest, static_cast<int>(series->name().size()));
    }
    const bool right = entries > 2 || (entries == 2 && longest > 28);
    chart->legend()->setAlignment(right ? Qt::AlignRight : Qt::AlignBottom);
}

void addToAxes(QChart* chart, QAbstractSeries* series) {
    chart->addSeries(series);
    const auto horizontal = chart->axes(Qt::Horizontal);
    const auto vertical = chart->axes(Qt::Vertical);
    if (!horizontal.isEmpty())
        series->attachAxis(horizontal.front());
    if (!vertical.isEmpty())
        series->attachAxis(vertical.front());
}

QLineSeries* addReferenceLine(QChart* chart, const QPalette& palette, const QString& name,
                              double x0, double y0, double x1, double y1) {
    auto* line = new QLineSeries;
    line->setName(name);
    line->append(x0, y0);
    line->append(x1, y1);
    QColor color = palette.color(QPalette::WindowText);
    color.setAlpha(130);
    QPen pen(color, 1.2, Qt::DashLine);
    line->setPen(pen);
    addToAxes(chart, line);
    if (name.isEmpty())
        hideFromLegend(chart, line);
    return line;
}

void hideFromLegend(QChart* chart, QAbstractSeries* series) {
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

QString legendWithArea(const QString& name, double area, const QString& areaName) {
    if (!std::isfinite(area))
        return name;
    return QStringLiteral("%1 (%2 %3)").arg(name, areaName, QString::number(area, 'f', 3));
}

std::pair<double, double> paddedRange(double lo, double hi) {
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return {0.0, 1.0};
    if (hi <= lo) {
        const double pad = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
        return {lo - pad, hi + pad};
    }
    const double pad = (hi - lo) * 0.04;
    return {lo - pad, hi + pad};
}

}  // namespace sluice
