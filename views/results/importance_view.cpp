#include "views/results/importance_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "data/number_text.h"
#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"
#include "views/charts/training_chart_axes.h"
#include "views/results/metrics_table.h"
#include "views/results/results_table.h"

namespace sluice {

Importances readImportances(const Table& table) {
    Importances out;
    const auto featureIndex = table.indexOf("feature");
    std::optional<std::size_t> valueIndex;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        if (c != featureIndex && table.column(c).kind() == ColumnKind::Numeric) {
            valueIndex = c;
            break;
        }
    if (!valueIndex)
        return out;
    const Column& values = table.column(*valueIndex);
    out.measure = QString::fromStdString(values.name());
    std::vector<std::size_t> order(table.rowCount());
    std::iota(order.begin(), order.end(), 0);
    const auto v = values.numbers();
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (std::isnan(v[a]) || std::isnan(v[b]))
            return !std::isnan(v[a]) && std::isnan(v[b]);
        return v[a] > v[b];
    });
    for (std::size_t r : order) {
        out.features << (featureIndex
                             ? QString::fromStdString(table.column(*featureIndex).displayValue(r))
                             : QString::number(r + 1));
        out.values.push_back(v[r]);
    }
    return out;
}

ChartView* makeImportanceChart(const Importances& importances, QWidget* parent) {
    auto* view = new ChartView(nullptr, parent);
    view->setObjectName(QStringLiteral("importanceBars"));
    QChart* chart = view->chart();
    const int shown =
        std::min<int>(kMaxImportanceBars, static_cast<int>(importances.values.size()));
    if (shown < static_cast<int>(importances.values.size()))
        chart->setTitle(QObject::tr("Top %1 of %2 features (all in the table)")
                            .arg(shown)
                            .arg(importances.values.size()));
    // Categories run bottom-up on a vertical axis: add the smallest first so
    // the largest ends at the top.
    auto* set = new QBarSet(importances.measure);
    QStringList categories;
    double hi = 0;
    for (int i = shown - 1; i >= 0; --i) {
        const double value = std::isnan(importances.values[i]) ? 0.0 : importances.values[i];
        set->append(value);
        categories << importances.features[i];
        hi = std::max(hi, value);
    }
    const QColor color = seriesColor(0, view->palette());
    set->setColor(color);
    set->setBorderColor(color);
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    x->setTitleText(importances.measure);
    // Round ticks just past the longest bar (applyNiceNumbers can add a
    // whole empty tick: 0-3 for a longest bar of 1.94).
    const AxisRange range = niceLinearRange(0.0, hi > 0 ? hi : 1.0, 0.02);
    x->setRange(range.min, range.max);
    x->setTickCount(static_cast<int>(std::lround((range.max - range.min) / range.tick)) + 1);
    x->setLabelFormat(labelFormat(range));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->hide();
    view->restyle();
    return view;
}

QWidget* makeImportanceView(const Importances& importances, QWidget* parent) {
    auto* splitter = new QSplitter(Qt::Horizontal, parent);
    splitter->setObjectName(QStringLiteral("importanceView"));
    splitter->addWidget(makeImportanceChart(importances, splitter));
    auto* table = makeResultsTable({QObject::tr("Feature"), importances.measure},
                                   static_cast<int>(importances.values.size()), splitter);
    table->setObjectName(QStringLiteral("importanceTable"));
    for (int r = 0; r < table->rowCount(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(importances.features[r]));
        auto* value = new QTableWidgetItem(displayNumber(importances.values[r]));
        value->setData(kExportTextRole,
                       QString::fromStdString(formatNumber(importances.values[r])));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(r, 1, value);
    }
    table->resizeColumnToContents(0);
    splitter->addWidget(table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({460, 280});
    return splitter;
}

}  // namespace sluice
