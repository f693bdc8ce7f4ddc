#include "views/results/curve_charts.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPen>

#include "nodes/results.h"
#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"
#include "views/results/chart_parts.h"

namespace sluice {
namespace {

void addCurves(ChartView* view, const std::vector<Curve>& curves, const QString& areaName) {
    QChart* chart = view->chart();
    int index = 0;
    for (const Curve& curve : curves) {
        auto* series = new QLineSeries;
        series->setName(legendWithArea(QString::fromStdString(curve.name), curve.area, areaName));
        QList<QPointF> points;
        const auto n = std::min(curve.x.size(), curve.y.size());
        points.reserve(static_cast<qsizetype>(n));
        for (Eigen::Index i = 0; i < n; ++i)
            points.append(QPointF(curve.x(i), curve.y(i)));
        series->replace(points);
        series->setPen(QPen(seriesColor(index++, view->palette()), 2.0));
        addToAxes(chart, series);
    }
}

ChartView* makeUnitChart(QWidget* parent, const QString& name, const QString& xTitle,
                         const QString& yTitle) {
    auto* view = new ChartView(nullptr, parent);
    view->setObjectName(name);
    QChart* chart = view->chart();
    // A hair beyond [0, 1] so curves along the edges stay visible.
    const auto [x, y] = addValueAxes(chart, xTitle, -0.01, 1.01, yTitle, -0.01, 1.02, true);
    useUnitTicks(x);
    useUnitTicks(y);
    return view;
}

}  // namespace

ChartView* makeRocChart(const std::vector<Curve>& curves, QWidget* parent) {
    auto* view =
        makeUnitChart(parent, QStringLiteral("rocChart"), QObject::tr("False positive rate"),
                      QObject::tr("True positive rate"));
    addReferenceLine(view->chart(), view->palette(), QObject::tr("Chance"), 0, 0, 1, 1);
    addCurves(view, curves, QObject::tr("AUC"));
    placeLegend(view->chart());
    view->restyle();
    return view;
}

ChartView* makePrecisionRecallChart(const std::vector<Curve>& curves, QWidget* parent) {
    auto* view = makeUnitChart(parent, QStringLiteral("prChart"), QObject::tr("Recall"),
                               QObject::tr("Precision"));
    addCurves(view, curves, QObject::tr("AP"));
    placeLegend(view->chart());
    view->restyle();
    return view;
}

}  // namespace sluice
