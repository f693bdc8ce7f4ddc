#include "views/results/drift_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLegend>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "data/number_text.h"
#include "nodes/results.h"
#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"
#include "views/charts/training_chart_axes.h"
#include "views/results/metrics_table.h"
#include "views/results/results_table.h"

namespace sluice {
namespace {

enum Field { kColumn, kKind, kPsi, kTest, kStatistic, kPValue, kDrifted, kNote, kFields };

// A cell of the results table as text ("" when the column is absent).
QString textAt(const Table& t, const char* name, std::size_t row) {
    const auto c = t.indexOf(name);
    return c ? QString::fromStdString(t.column(*c).displayValue(row)) : QString();
}

double numberAt(const Table& t, const char* name, std::size_t row) {
    const auto c = t.indexOf(name);
    if (!c || t.column(*c).kind() != ColumnKind::Numeric)
        return std::nan("");
    return t.column(*c).numbers()[row];
}

QString testName(const QString& test, double dof) {
    if (test == QLatin1String("ks"))
        return QStringLiteral("KS");
    if (test == QLatin1String("chi-square"))
        return std::isnan(dof) ? QStringLiteral("χ²")
                               : QObject::tr("χ² (%1 dof)").arg(static_cast<int>(dof));
    return test;
}

QTableWidgetItem* numberItem(double value) {
    auto* item = new QTableWidgetItem(displayNumber(value));
    item->setData(kExportTextRole, QString::fromStdString(formatNumber(value)));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QColor driftColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xf8, 0x71, 0x71) : QColor(0xc8, 0x1e, 0x1e);
}

// Indices of the bins the chart draws: all of them, or the kMaxDriftBins
// with the largest share on either side, kept in their order.
std::vector<std::size_t> binsToDraw(const Distribution& d) {
    std::vector<std::size_t> order(d.bins.size());
    std::iota(order.begin(), order.end(), 0);
    if (order.size() <= static_cast<std::size_t>(kMaxDriftBins))
        return order;
    const auto share = [&](std::size_t i) { return std::max(d.reference[i], d.current[i]); };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return share(a) > share(b); });
    order.resize(static_cast<std::size_t>(kMaxDriftBins));
    std::sort(order.begin(), order.end());
    return order;
}

void clearChart(QChart* chart) {
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

}  // namespace

QString driftHeadline(const Results& r) {
    const auto metric = [&](const char* name) {
        const auto it = r.metrics.find(name);
        return it == r.metrics.end() ? std::nan("") : it->second;
    };
    const double compared = metric("columns"), drifted = metric("drifted_columns");
    if (std::isnan(compared) || std::isnan(drifted))
        return {};
    QString line = QObject::tr("<b>%1</b> of %2 columns drifted")
                       .arg(static_cast<int>(drifted))
                       .arg(static_cast<int>(compared));
    if (const double psi = metric("max_psi"); !std::isnan(psi))
        line += QObject::tr(" &nbsp;·&nbsp; largest PSI <b>%1</b>").arg(displayNumber(psi));
    return line;
}

DriftView::DriftView(Results results, QWidget* parent)
    : QSplitter(Qt::Vertical, parent), results_(std::move(results)) {
    setObjectName(QStringLiteral("driftView"));
    setChildrenCollapsible(false);
    const int rows = results_.table ? static_cast<int>(results_.table->rowCount()) : 0;
    table_ = makeResultsTable({tr("Column"), tr("Kind"), tr("PSI"), tr("Test"), tr("Statistic"),
                               tr("p-value"), tr("Drifted"), tr("Note")},
                              rows, this);
    table_->setObjectName(QStringLiteral("driftTable"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    addWidget(table_);
    chart_ = new ChartView(nullptr, this);
    chart_->setObjectName(QStringLiteral("driftChart"));
    chart_->setMinimumHeight(220);
    chart_->installEventFilter(this);
    addWidget(chart_);
    setStretchFactor(0, 2);
    setStretchFactor(1, 3);
    setSizes({190, 320});
    fillTable();
    connect(table_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { showRow(row); });

    int first = 0;
    for (int r = 0; r < rows; ++r)
        if (table_->item(r, kDrifted)->text() == QLatin1String("yes")) {
            first = r;
            break;
        }
    if (rows > 0)
        selectRow(first);
    else
        showRow(-1);
}

void DriftView::selectRow(int row) {
    if (row == table_->currentRow() && row == shownRow_)
        return;
    table_->setCurrentCell(row, kColumn);
    if (shownRow_ != row)  // setCurrentCell does not signal for the current cell
        showRow(row);
}

void DriftView::fillTable() {
    if (!results_.table)
        return;
    const Table& t = *results_.table;
    const QColor warn = driftColor(palette());
    QColor tint = warn;
    tint.setAlpha(isDarkPalette(palette()) ? 70 : 38);
    QFont bold = table_->font();
    bold.setBold(true);
    for (int r = 0; r < table_->rowCount(); ++r) {
        const auto row = static_cast<std::size_t>(r);
        const bool drifted = textAt(t, "drifted", row) == QLatin1String("yes");
        table_->setItem(r, kColumn, new QTableWidgetItem(textAt(t, "column", row)));
        table_->setItem(r, kKind, new QTableWidgetItem(textAt(t, "kind", row)));
        table_->setItem(r, kPsi, numberItem(numberAt(t, "psi", row)));
        table_->setItem(
            r, kTest,
            new QTableWidgetItem(testName(textAt(t, "test", row), numberAt(t, "dof", row))));
        table_->setItem(r, kStatistic, numberItem(numberAt(t, "statistic", row)));
        table_->setItem(r, kPValue, numberItem(numberAt(t, "p_value", row)));
        auto* flag = new QTableWidgetItem(drifted ? QStringLiteral("yes") : QStringLiteral("no"));
        flag->setTextAlignment(Qt::AlignCenter);
        table_->setItem(r, kDrifted, flag);
        const QString note = textAt(t, "note", row);
        table_->setItem(r, kNote, new QTableWidgetItem(note));
        // Compared columns drift by their numbers; the others by their note
        // (missing from the current table, another kind there).
        const bool compared = !textAt(t, "kind", row).isEmpty();
        const QString why = compared || note.isEmpty()
                                ? tr("Drifted: PSI at or above the threshold, or p-value below "
                                     "alpha")
                                : tr("Drifted: %1").arg(note);
        for (int c = 0; c < kFields; ++c) {
            QTableWidgetItem* item = table_->item(r, c);
            if (drifted) {
                item->setBackground(tint);
                item->setToolTip(why);
            }
            if (drifted && (c == kColumn || c == kDrifted)) {
                item->setFont(bold);
                item->setForeground(warn);
            }
        }
    }
    table_->resizeColumnsToContents();
}

void DriftView::showRow(int row) {
    QChart* chart = chart_->chart();
    clearChart(chart);
    shownBins_.clear();
    shownRow_ = row;
    const bool valid = row >= 0 && row < static_cast<int>(results_.distributions.size());
    if (!valid) {
        chart->setTitle(QString());
        emit rowShown(row);
        return;
    }
    const Distribution& d = results_.distributions[static_cast<std::size_t>(row)];
    const QString name = QString::fromStdString(d.name);
    QStringList summary;
    const QString psi = table_->item(row, kPsi)->text();
    if (psi != QLatin1String("—"))
        summary << tr("PSI %1").arg(psi);
    const QString p = table_->item(row, kPValue)->text();
    if (p != QLatin1String("—"))
        summary << tr("%1 p-value %2").arg(table_->item(row, kTest)->text(), p);
    if (table_->item(row, kDrifted)->text() == QLatin1String("yes"))
        summary << tr("drifted");
    if (d.bins.empty()) {
        const QString note = table_->item(row, kNote)->text();
        chart->setTitle(tr("%1: %2").arg(name, note.isEmpty() ? tr("no distribution") : note));
        chart_->restyle();
        emit rowShown(row);
        return;
    }
    const std::vector<std::size_t> bins = binsToDraw(d);
    QString title = summary.isEmpty() ? name : tr("%1 — %2").arg(name, summary.join(tr(", ")));
    if (bins.size() < d.bins.size())
        title += tr(" (the %1 largest of %2 categories)").arg(bins.size()).arg(d.bins.size());
    chart->setTitle(title);

    auto* reference = new QBarSet(tr("Reference"));
    auto* current = new QBarSet(tr("Current"));
    QStringList& categories = shownBins_;
    categories.clear();
    double hi = 0;
    for (std::size_t i : bins) {
        reference->append(100.0 * d.reference[i]);
        current->append(100.0 * d.current[i]);
        categories << QString::fromStdString(d.bins[i]);
        hi = std::max({hi, d.reference[i], d.current[i]});
    }
    const QPalette pal = chart_->palette();
    reference->setColor(seriesColor(0, pal));
    reference->setBorderColor(seriesColor(0, pal));
    current->setColor(seriesColor(1, pal));
    current->setBorderColor(seriesColor(1, pal));
    auto* series = new QBarSeries;
    series->append(reference);
    series->append(current);
    series->setBarWidth(0.8);
    chart->addSeries(series);
    connect(series, &QBarSeries::hovered, chart_, [categories](bool on, int index, QBarSet* set) {
        if (!on || index < 0 || index >= categories.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), QObject::tr("%1, %2: %3% of rows")
                                               .arg(set->label(), categories[index])
                                               .arg(set->at(index), 0, 'f', 1));
    });

    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(d.bins.size() > 0 && results_.table &&
                            textAt(*results_.table, "kind", static_cast<std::size_t>(row)) ==
                                QLatin1String("numeric")
                        ? tr("Bins of %1 (cut at the reference's quantiles)").arg(name)
                        : tr("Categories of %1").arg(name));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    const AxisRange range = niceLinearRange(0.0, hi > 0 ? 100.0 * hi : 100.0, 0.05);
    y->setRange(range.min, range.max);
    y->setTickCount(static_cast<int>(std::lround((range.max - range.min) / range.tick)) + 1);
    y->setLabelFormat(labelFormat(range) + QStringLiteral("%%"));
    y->setTitleText(tr("Share of rows"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart_->restyle();
    fitBinLabels();
    emit rowShown(row);
}

void DriftView::fitBinLabels() {
    for (QAbstractAxis* axis : chart_->chart()->axes(Qt::Horizontal)) {
        auto* x = qobject_cast<QBarCategoryAxis*>(axis);
        if (!x || shownBins_.isEmpty())
            continue;
        // One line when every label fits its category's width (less the
        // value axis and margins); otherwise a numeric range breaks after its
        // comma (Qt would elide it to "(1.34,..."; slanted labels would run
        // into the axis title, which Qt does not move for them).
        const QFontMetrics metrics(x->labelsFont());
        int widest = 0;
        for (const QString& label : shownBins_)
            widest = std::max(widest, metrics.horizontalAdvance(label));
        const double perCategory = (chart_->width() - 110.0) / shownBins_.size();
        QStringList labels = shownBins_;
        if (widest + 8 > perCategory)
            for (QString& label : labels)
                label.replace(QStringLiteral(", "), QStringLiteral(",<br>"));
        if (labels != x->categories())
            x->setCategories(labels);
    }
}

bool DriftView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == chart_ && event->type() == QEvent::Resize)
        fitBinLabels();
    return QSplitter::eventFilter(watched, event);
}

void DriftView::changeEvent(QEvent* event) {
    QSplitter::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && table_) {
        fillTable();
        showRow(shownRow_);
    }
}

}  // namespace sluice
