#include "views/results/cv_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "nodes/metric_names.h"
#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"
#include "views/results/chart_parts.h"
#include "views/results/metrics_table.h"
#include "views/results/results_table.h"

namespace sluice {
namespace {

// The highlight of a best cell: the accent washed towards the base colour, so
// the text keeps its normal colour and contrast in light and dark palettes.
QColor bestBackground(const QPalette& palette) {
    const QColor accent = seriesColor(2, palette);  // green: "best"
    const QColor base = palette.color(QPalette::Base);
    const double t = 0.28;
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - t) + accent.redF() * t),
                            static_cast<float>(base.greenF() * (1 - t) + accent.greenF() * t),
                            static_cast<float>(base.blueF() * (1 - t) + accent.blueF() * t));
}

// "f1_macro" as people read it: "F1 (macro)".
QString shownName(const QString& key) {
    return QString::fromStdString(metricDisplayName(key.toStdString()));
}

QString foldsToolTip(const QString& learner, const QString& key, const CvCell& cell, bool best) {
    const QString metric = shownName(key);
    QString tip = QStringLiteral("<b>%1</b> — %2<br>").arg(learner.toHtmlEscaped(), metric);
    tip += QObject::tr("mean %1, std %2 over %3 folds")
               .arg(displayNumber(cell.mean), displayNumber(cell.std))
               .arg(cell.folds.size());
    if (best)
        tip += QObject::tr("<br><i>best %1 (%2 is better)</i>")
                   .arg(metric, lowerIsBetter(key) ? QObject::tr("lower") : QObject::tr("higher"));
    for (std::size_t f = 0; f < cell.folds.size(); ++f)
        tip += QObject::tr("<br>fold %1: %2").arg(f + 1).arg(displayNumber(cell.folds[f]));
    return tip;
}

}  // namespace

CrossValidationView::CrossValidationView(CvSummary summary, QWidget* parent)
    : QWidget(parent), summary_(std::move(summary)) {
    setObjectName(QStringLiteral("cvView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);

    QStringList headers = {tr("Learner")};
    for (const QString& m : summary_.metrics)
        headers << shownName(m) + (lowerIsBetter(m) ? QStringLiteral(" ↓") : QStringLiteral(" ↑"));
    table_ = makeResultsTable(headers, static_cast<int>(summary_.learners.size()), splitter);
    table_->setObjectName(QStringLiteral("cvTable"));
    table_->setToolTip(QString());
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    fillTable();

    auto* lower = new QWidget(splitter);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 4, 0, 0);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("Chart metric:"), lower);
    chooser_ = new QComboBox(lower);
    chooser_->setObjectName(QStringLiteral("cvMetric"));
    for (const QString& m : summary_.metrics)
        chooser_->addItem(shownName(m), m);
    label->setBuddy(chooser_);
    row->addWidget(label);
    row->addWidget(chooser_);
    row->addStretch(1);
    lowerLayout->addLayout(row);
    bars_ = new ChartView(nullptr, lower);
    bars_->setObjectName(QStringLiteral("cvBars"));
    lowerLayout->addWidget(bars_, 1);

    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // The table takes what its rows need (a few learners), the chart the rest.
    const int tableHeight = table_->horizontalHeader()->sizeHint().height() +
                            table_->verticalHeader()->length() + 2 * table_->frameWidth() + 4;
    splitter->setSizes({std::min(tableHeight, 200), 360});

    connect(chooser_, &QComboBox::currentIndexChanged, this, &CrossValidationView::showMetric);
    showMetric(summary_.metrics.isEmpty() ? -1 : 0);
}

void CrossValidationView::fillTable() {
    const QColor best = bestBackground(palette());
    for (int l = 0; l < summary_.learners.size(); ++l) {
        table_->setItem(l, 0, new QTableWidgetItem(summary_.learners[l]));
        for (int m = 0; m < summary_.metrics.size(); ++m) {
            const CvCell& cell = summary_.cell(l, m);
            auto* item = new QTableWidgetItem(meanStdText(cell));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setData(Qt::UserRole, cell.mean);
            const bool isBest = summary_.isBest(l, m);
            item->setData(Qt::UserRole + 1, isBest);
            if (cell.present())
                item->setToolTip(
                    foldsToolTip(summary_.learners[l], summary_.metrics[m], cell, isBest));
            if (isBest) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(best);
            }
            table_->setItem(l, m + 1, item);
        }
    }
}

void CrossValidationView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        fillTable();
        showMetric(chooser_->currentIndex());
    }
}

void CrossValidationView::showMetric(int index) {
    QChart* chart = bars_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    if (index < 0 || index >= summary_.metrics.size())
        return;
    const QString key = summary_.metrics[index];
    const QString metric = shownName(key);
    const int folds =
        summary_.learners.isEmpty() ? 0 : static_cast<int>(summary_.cell(0, index).folds.size());
    chart->setTitle(tr("%1: mean over %2 folds, whiskers ± 1 std (%3 is better)")
                        .arg(metric)
                        .arg(folds)
                        .arg(lowerIsBetter(key) ? tr("lower") : tr("higher")));

    auto* set = new QBarSet(metric);
    const QColor color = seriesColor(0, bars_->palette());
    set->setColor(color);
    set->setBorderColor(color);
    set->setLabelColor(0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF() >
                               0.5
                           ? QColor(20, 20, 20)
                           : QColor(250, 250, 250));
    double lo = 0, hi = 0;
    for (int l = 0; l < summary_.learners.size(); ++l) {
        const CvCell& cell = summary_.cell(l, index);
        const double mean = cell.present() ? cell.mean : 0.0;
        const double spread = std::isnan(cell.std) ? 0.0 : cell.std;
        set->append(mean);
        lo = std::min(lo, mean - spread);
        hi = std::max(hi, mean + spread);
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.55);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(4);
    chart->addSeries(series);

    auto* x = new QBarCategoryAxis;
    x->append(summary_.learners);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setTitleText(metric);
    const double span = hi - lo > 0 ? hi - lo : 1.0;
    if (lo >= 0 && hi <= 1.1 && !lowerIsBetter(key)) {
        // Scores on [0, 1] (accuracy, F1, R²): the scale ends at 1, not at
        // a "nice" 1.5, so bars compare against the perfect score.
        y->setRange(0.0, std::max(1.0, hi) + 0.03);
        useUnitTicks(y);
    } else {
        y->setRange(lo < 0 ? lo - 0.05 * span : 0.0, hi + 0.08 * span);
        y->setLabelFormat(QStringLiteral("%.3g"));
        y->applyNiceNumbers();
    }
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);

    // Whiskers: one polyline per learner (lower cap, stem, upper cap) at the
    // bar's category position, in the text colour so they read on the bars.
    QColor whisker = bars_->palette().color(QPalette::WindowText);
    for (int l = 0; l < summary_.learners.size(); ++l) {
        const CvCell& cell = summary_.cell(l, index);
        if (!cell.present() || std::isnan(cell.std))
            continue;
        const double a = cell.mean - cell.std, b = cell.mean + cell.std, cap = 0.08;
        auto* line = new QLineSeries;
        line->setName(tr("± 1 std"));
        line->append({QPointF(l - cap, a), QPointF(l + cap, a), QPointF(l, a), QPointF(l, b),
                      QPointF(l - cap, b), QPointF(l + cap, b)});
        line->setPen(QPen(whisker, 1.6));
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        if (l > 0)
            hideFromLegend(chart, line);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    bars_->restyle();
}

}  // namespace sluice
