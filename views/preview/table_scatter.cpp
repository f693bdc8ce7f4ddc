#include "views/preview/table_scatter.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <limits>

#include "views/charts/chart_theme.h"
#include "views/charts/chart_view.h"

namespace sluice {

namespace {

QString columnName(const Table& table, std::size_t c) {
    return QString::fromStdString(table.column(c).name());
}

int findData(const QComboBox* combo, int value) {
    return combo->findData(value);
}

}  // namespace

TableScatter::TableScatter(TablePtr table, QWidget* parent)
    : QWidget(parent),
      table_(std::move(table)),
      x_(new QComboBox(this)),
      y_(new QComboBox(this)),
      colour_(new QComboBox(this)),
      centres_(new QCheckBox(tr("Show group centres"), this)),
      note_(new QLabel(this)),
      chartView_(new ChartView(nullptr, this)) {
    for (std::size_t c = 0; c < table_->columnCount(); ++c) {
        const Column& column = table_->column(c);
        if (column.kind() == ColumnKind::Numeric) {
            x_->addItem(columnName(*table_, c), int(c));
            y_->addItem(columnName(*table_, c), int(c));
        }
    }
    colour_->addItem(tr("(none)"), -1);
    for (std::size_t c = 0; c < table_->columnCount(); ++c)
        if (isColourColumn(table_->column(c)))
            colour_->addItem(columnName(*table_, c), int(c));

    const auto axes = defaultScatterAxes(*table_);
    if (!axes.empty()) {
        x_->setCurrentIndex(findData(x_, int(axes[0])));
        y_->setCurrentIndex(findData(y_, int(axes[axes.size() > 1 ? 1 : 0])));
    }
    if (const auto colour = defaultScatterColour(*table_))
        colour_->setCurrentIndex(findData(colour_, int(*colour)));

    centres_->setChecked(true);
    centres_->setToolTip(
        tr("Marks the mean point of each colour group with a large diamond.\n"
           "For k-means predictions these are the cluster centroids projected onto the plotted "
           "columns:\na converged centroid is the mean of its cluster's members."));
    x_->setToolTip(tr("Column on the horizontal axis"));
    y_->setToolTip(tr("Column on the vertical axis"));
    colour_->setToolTip(
        tr("Categorical column that colours the points (at most %1 groups)").arg(kMaxColourGroups));
    note_->setObjectName(QStringLiteral("sampleNote"));
    QPalette notePalette = note_->palette();
    notePalette.setColor(QPalette::WindowText,
                         notePalette.color(QPalette::Disabled, QPalette::WindowText));
    note_->setPalette(notePalette);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("X"), this));
    controls->addWidget(x_, 1);
    controls->addWidget(new QLabel(tr("Y"), this));
    controls->addWidget(y_, 1);
    controls->addWidget(new QLabel(tr("Colour"), this));
    controls->addWidget(colour_, 1);
    controls->addWidget(centres_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(chartView_, 1);
    layout->addWidget(note_);

    const auto changed = [this] { rebuild(); };
    connect(x_, &QComboBox::currentIndexChanged, this, changed);
    connect(y_, &QComboBox::currentIndexChanged, this, changed);
    connect(colour_, &QComboBox::currentIndexChanged, this, changed);
    connect(centres_, &QCheckBox::toggled, this, changed);
    rebuild();
}

bool TableScatter::setColumns(const QString& x, const QString& y, const QString& colour) {
    const int xi = x_->findText(x), yi = y_->findText(y);
    const int ci = colour.isEmpty() ? 0 : colour_->findText(colour);
    if (xi < 0 || yi < 0 || ci < 0)
        return false;
    rebuilding_ = true;  // one rebuild for the three changes
    x_->setCurrentIndex(xi);
    y_->setCurrentIndex(yi);
    colour_->setCurrentIndex(ci);
    rebuilding_ = false;
    rebuild();
    return true;
}

void TableScatter::setShowCentres(bool show) {
    centres_->setChecked(show);
}

QString TableScatter::xColumn() const {
    return x_->currentText();
}
QString TableScatter::yColumn() const {
    return y_->currentText();
}
QString TableScatter::colourColumn() const {
    return colour_->currentData().toInt() < 0 ? QString() : colour_->currentText();
}

void TableScatter::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();  // group colours depend on the palette
}

void TableScatter::rebuild() {
    if (rebuilding_)
        return;
    QChart* chart = chartView_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    data_ = {};
    if (x_->count() == 0) {
        chart->setTitle(QString());
        note_->setText(tr("This table has no numeric column to plot."));
        note_->setVisible(true);
        return;
    }
    const auto xc = static_cast<std::size_t>(x_->currentData().toInt());
    const auto yc = static_cast<std::size_t>(y_->currentData().toInt());
    const int cc = colour_->currentData().toInt();
    const std::optional<std::size_t> colour =
        cc < 0 ? std::nullopt : std::optional<std::size_t>(std::size_t(cc));
    data_ = scatterData(*table_, xc, yc, colour);

    const QPalette palette = chartView_->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor base = palette.color(QPalette::Base);
    auto* axisX = new QValueAxis;
    auto* axisY = new QValueAxis;
    axisX->setTitleText(x_->currentText());
    axisY->setTitleText(y_->currentText());
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->setTitle(colour ? tr("%1 against %2, coloured by %3")
                                 .arg(y_->currentText(), x_->currentText(), colour_->currentText())
                           : tr("%1 against %2").arg(y_->currentText(), x_->currentText()));

    double minX = std::numeric_limits<double>::infinity(), maxX = -minX;
    double minY = minX, maxY = -minX;
    const auto extend = [&](const QPointF& p) {
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    };
    const bool dense = data_.shown > 1500;
    std::vector<QColor> colours;
    for (std::size_t g = 0; g < data_.groups.size(); ++g) {
        const ScatterGroup& group = data_.groups[g];
        QColor c = group.missing ? QColor(Qt::gray) : seriesColor(int(g), palette);
        colours.push_back(c);
        c.setAlphaF(dense ? 0.55f : 0.85f);
        auto* series = new QScatterSeries;
        series->setObjectName(QStringLiteral("group:%1").arg(g));
        series->setName(QStringLiteral("%1 (%L2)").arg(group.label).arg(group.count));
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(dense ? 6 : 9);
        series->setColor(c);
        series->setPen(QPen(base, dense ? 0.3 : 0.8));
        series->replace(group.points);
        for (const QPointF& p : group.points)
            extend(p);
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        const QString label =
            colour ? QStringLiteral("%1 = %2").arg(colour_->currentText(), group.label) : QString();
        connect(series, &QScatterSeries::hovered, this, [this, label](const QPointF& p, bool on) {
            if (!on)
                return;
            QString tip = QStringLiteral("%1 = %2\n%3 = %4")
                              .arg(x_->currentText())
                              .arg(p.x(), 0, 'g', 6)
                              .arg(y_->currentText())
                              .arg(p.y(), 0, 'g', 6);
            if (!label.isEmpty())
                tip += QLatin1Char('\n') + label;
            QToolTip::showText(QCursor::pos(), tip, chartView_);
        });
    }
    if (centres_->isChecked()) {
        for (std::size_t g = 0; g < data_.groups.size(); ++g) {
            const ScatterGroup& group = data_.groups[g];
            auto* centre = new QScatterSeries;
            centre->setObjectName(QStringLiteral("centre:%1").arg(g));
            centre->setName(tr("centre of %1").arg(group.label));
            centre->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
            centre->setMarkerSize(22);
            centre->setColor(colours[g]);
            centre->setPen(QPen(text, 2.0));
            centre->append(group.mean);
            extend(group.mean);
            // The group's name next to its centre; '@' would start a placeholder.
            QString tag = group.label;
            centre->setPointLabelsFormat(tag.replace(QLatin1Char('@'), QLatin1Char(' ')));
            centre->setPointLabelsVisible(true);
            centre->setPointLabelsColor(text);
            centre->setPointLabelsClipping(false);
            QFont font = centre->pointLabelsFont();
            font.setBold(true);
            centre->setPointLabelsFont(font);
            chart->addSeries(centre);
            centre->attachAxis(axisX);
            centre->attachAxis(axisY);
            for (QLegendMarker* marker : chart->legend()->markers(centre))
                marker->setVisible(false);
        }
    }
    if (data_.shown > 0) {
        const auto pad = [](double& lo, double& hi) {
            const double span = hi > lo ? hi - lo : 1.0;
            lo -= 0.05 * span;
            hi += 0.05 * span;
        };
        pad(minX, maxX);
        pad(minY, maxY);
        axisX->setRange(minX, maxX);
        axisY->setRange(minY, maxY);
        axisX->applyNiceNumbers();
        axisY->applyNiceNumbers();
        axisX->setLabelFormat(QStringLiteral("%g"));
        axisY->setLabelFormat(QStringLiteral("%g"));
    }
    chart->legend()->setVisible(colour.has_value());
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->legend()->setAlignment(Qt::AlignRight);
    chartView_->restyle();

    QStringList notes;
    if (data_.shown < data_.total)
        notes << tr("Showing %L1 of %L2 points, sampled evenly so each group keeps its share.")
                     .arg(data_.shown)
                     .arg(data_.total);
    if (const std::size_t left = table_->rowCount() - data_.total; left == 1)
        notes << tr("1 row with a missing %1 or %2 is left out.")
                     .arg(x_->currentText(), y_->currentText());
    else if (left > 1)
        notes << tr("%L1 rows with a missing %2 or %3 are left out.")
                     .arg(left)
                     .arg(x_->currentText(), y_->currentText());
    note_->setText(notes.join(QLatin1Char(' ')));
    note_->setVisible(!notes.isEmpty());
}

}  // namespace sluice
