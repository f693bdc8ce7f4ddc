#include "views/results/regression_charts.h"

#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"
#include "views/results/chart_parts.h"

namespace sluice {
namespace {

struct Points {
    std::vector<double> x, y;
    std::size_t total = 0;  // rows with both values present
};

// The sampled (x, y) pairs of the rows where both are numbers; `y` computed
// from actual and predicted by `f`.
template <class F>
Points samplePoints(const Table& table, F f) {
    Points p;
    if (!table.indexOf("actual") || !table.indexOf("predicted"))
        return p;
    const auto actual = table.column("actual").numbers();
    const auto predicted = table.column("predicted").numbers();
    std::vector<std::size_t> rows;
    rows.reserve(actual.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        if (std::isfinite(actual[i]) && std::isfinite(predicted[i]))
            rows.push_back(i);
    p.total = rows.size();
    for (std::size_t k : evenSample(rows.size(), kMaxScatterPoints)) {
        const auto [x, y] = f(actual[rows[k]], predicted[rows[k]]);
        p.x.push_back(x);
        p.y.push_back(y);
    }
    return p;
}

QScatterSeries* scatter(const Points& p, const QString& name, const QPalette& palette) {
    auto* series = new QScatterSeries;
    series->setName(name);
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(p.x.size()));
    for (std::size_t i = 0; i < p.x.size(); ++i)
        points.append(QPointF(p.x[i], p.y[i]));
    series->replace(points);
    // Smaller, translucent markers for many points so dense regions show.
    const bool many = p.x.size() > 500;
    series->setMarkerSize(many ? 5.0 : 7.0);
    QColor fill = seriesColor(0, palette);
    fill.setAlphaF(many ? 0.45f : 0.7f);
    series->setColor(fill);
    series->setBorderColor(Qt::transparent);
    return series;
}

std::pair<double, double> range(const std::vector<double>& v) {
    if (v.empty())
        return {0.0, 1.0};
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return {*lo, *hi};
}

ChartView* chartWith(QWidget* parent, const QString& name, const QString& title) {
    auto* view = new ChartView(nullptr, parent);
    view->setObjectName(name);
    view->chart()->setTitle(title);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    return view;
}

}  // namespace

std::vector<std::size_t> evenSample(std::size_t total, std::size_t count) {
    std::vector<std::size_t> rows;
    if (total <= count) {
        rows.resize(total);
        for (std::size_t i = 0; i < total; ++i)
            rows[i] = i;
        return rows;
    }
    rows.reserve(count);
    // Row i * total / count: strictly increasing because total > count.
    for (std::size_t i = 0; i < count; ++i)
        rows.push_back(static_cast<std::size_t>(static_cast<long double>(i) * total / count));
    return rows;
}

QString sampleNote(std::size_t shown, std::size_t total) {
    if (shown >= total)
        return {};
    const QLocale english(QLocale::English);
    return QObject::tr("showing %1 of %2 points (an even sample)")
        .arg(english.toString(static_cast<qulonglong>(shown)),
             english.toString(static_cast<qulonglong>(total)));
}

ChartView* makePredictedVsActualChart(const Table& table, QWidget* parent) {
    const Points p = samplePoints(table, [](double actual, double predicted) {
        return std::pair{actual, predicted};
    });
    if (!table.indexOf("actual") || !table.indexOf("predicted"))
        return nullptr;
    auto* view =
        chartWith(parent, QStringLiteral("predictedVsActual"), QObject::tr("Predicted vs actual"));
    const auto [xLo, xHi] = range(p.x);
    const auto [yLo, yHi] = range(p.y);
    // One range for both axes, so the identity line is the true diagonal.
    const auto [lo, hi] = paddedRange(std::min(xLo, yLo), std::max(xHi, yHi));
    QChart* chart = view->chart();
    const auto [x, y] =
        addValueAxes(chart, QObject::tr("Actual"), lo, hi, QObject::tr("Predicted"), lo, hi);
    addToAxes(chart, scatter(p, QObject::tr("Rows"), view->palette()));
    addReferenceLine(chart, view->palette(), QObject::tr("Perfect prediction (y = x)"), x->min(),
                     y->min(), x->max(), y->max());
    view->setProperty("sampleNote", sampleNote(p.x.size(), p.total));
    view->restyle();
    return view;
}

ChartView* makeResidualChart(const Table& table, QWidget* parent) {
    const Points p = samplePoints(table, [](double actual, double predicted) {
        return std::pair{predicted, actual - predicted};
    });
    if (!table.indexOf("actual") || !table.indexOf("predicted"))
        return nullptr;
    auto* view = chartWith(parent, QStringLiteral("residuals"),
                           QObject::tr("Residuals (actual − predicted)"));
    const auto [xLo, xHi] = paddedRange(range(p.x).first, range(p.x).second);
    const auto [rLo, rHi] = range(p.y);
    // Symmetric around zero, so over- and under-prediction compare directly.
    const double reach = std::max(std::abs(rLo), std::abs(rHi));
    const auto [yLo, yHi] = paddedRange(-reach, reach);
    QChart* chart = view->chart();
    const auto [x, y] =
        addValueAxes(chart, QObject::tr("Predicted"), xLo, xHi, QObject::tr("Residual"), yLo, yHi);
    addToAxes(chart, scatter(p, QObject::tr("Rows"), view->palette()));
    addReferenceLine(chart, view->palette(), QObject::tr("Zero"), x->min(), 0, x->max(), 0);
    view->setProperty("sampleNote", sampleNote(p.x.size(), p.total));
    view->restyle();
    return view;
}

}  // namespace sluice
