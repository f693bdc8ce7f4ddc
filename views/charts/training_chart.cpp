#include "views/charts/training_chart.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QResizeEvent>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

#include "nodes/metric_names.h"
#include "views/charts/chart_theme.h"
#include "views/charts/training_chart_axes.h"

namespace sluice {
namespace {

// Earlier runs differ in dash pattern as well as in fading, so two faded
// runs of the same metric still read apart.
Qt::PenStyle penStyleFor(int age) {
    switch (age) {
        case 0:
            return Qt::SolidLine;
        case 1:
            return Qt::DashLine;
        case 2:
            return Qt::DotLine;
        default:
            return Qt::DashDotLine;
    }
}

void setRange(QAbstractAxis* axis, const AxisRange& r) {
    if (auto* value = qobject_cast<QValueAxis*>(axis)) {
        value->setRange(r.min, r.max);
        value->setTickType(QValueAxis::TicksDynamic);
        // Ticks on round values (10, 20, 30), not on wherever the data starts.
        value->setTickAnchor(std::floor(r.min / r.tick) * r.tick);
        value->setTickInterval(r.tick);
        value->setLabelFormat(labelFormat(r));
    } else if (auto* log = qobject_cast<QLogValueAxis*>(axis)) {
        log->setRange(r.min, r.max);
        log->setLabelFormat(QStringLiteral("%g"));
    }
}

}  // namespace

TrainingChart::TrainingChart(const QString& nodeId, QWidget* parent)
    : ChartView(nullptr, parent), nodeId_(nodeId) {
    setObjectName(QStringLiteral("trainingChart_") + nodeId);
    QChart* c = chart();
    c->legend()->setAlignment(Qt::AlignBottom);
    c->legend()->setShowToolTips(true);  // full names when a label is elided
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    c->legend()->setFont(legendFont);
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->setAnimationOptions(QChart::NoAnimation);  // redraws come at 30 Hz
    noteItem_ = new QGraphicsSimpleTextItem(c);
    noteItem_->setZValue(10);
    setMinimumSize(320, 150);
    rebuildAxes();
}

QString TrainingChart::key(int run, const QString& metric) {
    return QString::number(run) + QLatin1Char('|') + metric;
}

bool TrainingChart::isScore(const QString& metric) {
    return metric.contains(QLatin1String("score"), Qt::CaseInsensitive) ||
           metric.contains(QLatin1String("accuracy"), Qt::CaseInsensitive);
}

void TrainingChart::showMetrics(const NodeMetrics& node) {
    if (node.revision == shownRevision_ && !axesDirty_)
        return;
    shownRevision_ = node.revision;
    chart()->setTitle(node.title);
    if (node.stepName != stepName_) {
        stepName_ = node.stepName;
        xAxis_->setTitleText(stepName_.isEmpty() ? tr("step") : stepName_);
    }

    // Which lines the node's runs need now, latest run first.
    QStringList wanted;
    runNumbers_.clear();
    const std::size_t runs = node.runs.size();
    for (std::size_t back = 0; back < runs; ++back) {
        const MetricRun& run = node.runs[runs - 1 - back];
        runNumbers_ << run.number;
        for (const MetricStream& s : run.streams)
            wanted << key(run.number, s.name);
    }

    bool structureChanged = false;
    for (auto it = lines_.begin(); it != lines_.end();) {
        if (!wanted.contains(it.key())) {
            chart()->removeSeries(it->series);
            delete it->series;
            hidden_.remove(it.key());
            it = lines_.erase(it);
            structureChanged = true;
        } else {
            ++it;
        }
    }
    if (axesDirty_) {
        rebuildAxes();
        structureChanged = true;
    }

    for (std::size_t back = 0; back < runs; ++back) {
        const std::size_t index = runs - 1 - back;
        const MetricRun& run = node.runs[index];
        const QString label = MetricHistory::runLabel(node, index);
        for (const MetricStream& s : run.streams) {
            const QString k = key(run.number, s.name);
            auto it = lines_.find(k);
            if (it == lines_.end()) {
                Line line;
                line.series = new QLineSeries(this);
                line.run = run.number;
                line.metric = s.name;
                line.score = isScore(s.name);
                if (!metricIndex_.contains(s.name))
                    metricIndex_.insert(s.name, static_cast<int>(metricIndex_.size()));
                line.colorIndex = metricIndex_.value(s.name);
                chart()->addSeries(line.series);
                it = lines_.insert(k, line);
                structureChanged = true;
            }
            Line& line = *it;
            if (line.series->attachedAxes().isEmpty()) {
                if (line.score && !scoreAxis_) {
                    scoreAxis_ = new QValueAxis(this);
                    scoreAxis_->setTitleText(tr("Score"));
                    chart()->addAxis(scoreAxis_, Qt::AlignRight);
                }
                line.series->attachAxis(xAxis_);
                line.series->attachAxis(line.score ? scoreAxis_ : yAxis_);
                line.copied = -1;
            }
            const QString shown = QString::fromStdString(metricDisplayName(s.name.toStdString()));
            const QString name =
                label.isEmpty() ? shown : shown + QStringLiteral(" (") + label + QLatin1Char(')');
            if (line.series->name() != name)
                line.series->setName(name);
            if (line.age != static_cast<int>(back) || structureChanged) {
                line.age = static_cast<int>(back);
                styleLine(line);
            }
            if (line.copied != static_cast<int>(s.points.size()))
                copyPoints(line, s);
            line.series->setVisible(!hidden_.contains(k));
        }
    }
    order_ = wanted;
    if (structureChanged) {
        restyle();  // new axes and legend entries take the palette
        connectMarkers();
        restyleMarkers();
    }
    updateRanges();
}

void TrainingChart::copyPoints(Line& line, const MetricStream& stream) {
    const bool dropNonPositive = logScale_ && !line.score;
    QList<QPointF> points;
    points.reserve(stream.points.size());
    line.empty = true;
    line.droppedPoints = false;
    for (const QPointF& p : stream.points) {
        if (!std::isfinite(p.y()) || (dropNonPositive && p.y() <= 0)) {
            line.droppedPoints = line.droppedPoints || dropNonPositive;
            continue;
        }
        if (line.empty) {
            line.xMin = line.xMax = p.x();
            line.yMin = line.yMax = p.y();
            line.empty = false;
        } else {
            line.xMin = std::min(line.xMin, p.x());
            line.xMax = std::max(line.xMax, p.x());
            line.yMin = std::min(line.yMin, p.y());
            line.yMax = std::max(line.yMax, p.y());
        }
        points.push_back(p);
    }
    line.series->replace(points);
    line.copied = static_cast<int>(stream.points.size());
}

void TrainingChart::styleLine(Line& line) {
    QColor color = seriesColor(line.colorIndex, palette());
    if (line.age > 0) {
        const QColor faded = fadedColor(color, palette());
        if (isDarkPalette(palette())) {
            // On a dark background the washed-out colour nearly vanishes as
            // a thin dashed line: go only half way towards it.
            color = QColor::fromRgbF((color.redF() + faded.redF()) / 2,
                                     (color.greenF() + faded.greenF()) / 2,
                                     (color.blueF() + faded.blueF()) / 2);
        } else {
            color = faded;
        }
    }
    QPen pen(color, line.age == 0 ? 2.0 : 1.5, penStyleFor(line.age));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    line.series->setPen(pen);
}

void TrainingChart::rebuildAxes() {
    axesDirty_ = false;
    QChart* c = chart();
    if (!xAxis_) {
        auto* x = new QValueAxis(this);
        x->setTitleText(tr("step"));
        x->setLabelFormat(QStringLiteral("%.0f"));
        c->addAxis(x, Qt::AlignBottom);
        xAxis_ = x;
    }
    if (yAxis_) {
        for (QAbstractSeries* s : c->series())
            if (s->attachedAxes().contains(yAxis_))
                s->detachAxis(yAxis_);
        c->removeAxis(yAxis_);
        delete yAxis_;
    }
    if (logScale_) {
        auto* log = new QLogValueAxis(this);
        log->setBase(10.0);
        log->setMinorTickCount(8);
        yAxis_ = log;
    } else {
        yAxis_ = new QValueAxis(this);
    }
    c->addAxis(yAxis_, Qt::AlignLeft);
    for (Line& line : lines_) {
        if (!line.score) {
            line.series->attachAxis(yAxis_);
            line.copied = -1;  // log scale filters points
        }
    }
}

void TrainingChart::updateRanges() {
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin, sMin = xMin, sMax = -xMin;
    bool any = false;
    QStringList dropped;
    QStringList leftMetrics;
    // Hidden lines do not count, so hiding a far-off curve zooms in on the rest.
    for (const Line& line : lines_) {
        if (!line.score && !leftMetrics.contains(line.metric))
            leftMetrics << line.metric;
        if (line.droppedPoints && !dropped.contains(line.metric))
            dropped << QString::fromStdString(metricDisplayName(line.metric.toStdString()));
        if (line.empty || !line.series->isVisible())
            continue;
        any = true;
        xMin = std::min(xMin, line.xMin);
        xMax = std::max(xMax, line.xMax);
        if (line.score) {
            sMin = std::min(sMin, line.yMin);
            sMax = std::max(sMax, line.yMax);
        } else {
            yMin = std::min(yMin, line.yMin);
            yMax = std::max(yMax, line.yMax);
        }
    }
    if (!any) {
        xMin = 0;
        xMax = 1;
    }
    setRange(xAxis_, stepRange(xMin, xMax));
    // About one labelled tick per 35 pixels of plot height: Qt elides labels
    // of a crowded vertical axis to "...".
    const qreal plotHeight =
        chart()->plotArea().height() > 0 ? chart()->plotArea().height() : height() - 90;
    const int ticks = std::clamp(static_cast<int>(plotHeight / 35), 2, 5);
    if (yMin <= yMax)
        setRange(yAxis_,
                 logScale_ ? niceLogRange(yMin, yMax) : niceLinearRange(yMin, yMax, 0.05, ticks));
    else
        setRange(yAxis_, logScale_ ? niceLogRange(0.1, 1) : niceLinearRange(0, 1, 0, ticks));
    if (scoreAxis_ && sMin <= sMax) {
        AxisRange r = niceLinearRange(sMin, sMax, 0.05, ticks);
        if (sMax <= 1.0)
            r.max = std::min(r.max, 1.0);  // a score of 1 is perfect; more means nothing
        setRange(scoreAxis_, r);
    }

    const bool allLoss = !leftMetrics.isEmpty() &&
                         std::all_of(leftMetrics.begin(), leftMetrics.end(), [](const QString& m) {
                             return m.contains(QLatin1String("loss"));
                         });
    QString title =
        leftMetrics.size() == 1
            ? QString::fromStdString(metricDisplayName(leftMetrics.front().toStdString()))
        : allLoss ? tr("Loss")
                  : tr("Value");
    if (logScale_)
        title += tr(" (log)");
    yAxis_->setTitleText(title);

    const QString note =
        dropped.isEmpty()
            ? QString()
            : tr("Log scale: %1 has values ≤ 0, not drawn").arg(dropped.join(QStringLiteral(", ")));
    if (note != note_) {
        note_ = note;
        noteItem_->setText(note_);
        placeNote();
    }
}

void TrainingChart::setLogScale(bool on) {
    if (on == logScale_)
        return;
    logScale_ = on;
    axesDirty_ = true;
    shownRevision_ = 0;  // redraw at the next showMetrics
}

QList<QLineSeries*> TrainingChart::lineSeries() const {
    QList<QLineSeries*> result;
    for (const QString& k : order_)
        if (const auto it = lines_.find(k); it != lines_.end())
            result << it->series;
    return result;
}

QLineSeries* TrainingChart::series(const QString& metric, int runsBack) const {
    if (runsBack < 0 || runsBack >= runNumbers_.size())
        return nullptr;
    const auto it = lines_.find(key(runNumbers_[runsBack], metric));
    return it == lines_.end() ? nullptr : it->series;
}

void TrainingChart::setSeriesVisible(QLineSeries* series, bool visible) {
    for (auto it = lines_.begin(); it != lines_.end(); ++it) {
        if (it->series != series)
            continue;
        if (visible)
            hidden_.remove(it.key());
        else
            hidden_.insert(it.key());
        series->setVisible(visible);
    }
    restyleMarkers();
    updateRanges();
}

void TrainingChart::connectMarkers() {
    for (QLegendMarker* marker : chart()->legend()->markers()) {
        disconnect(marker, &QLegendMarker::clicked, this, nullptr);
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            auto* s = qobject_cast<QLineSeries*>(marker->series());
            if (s)
                setSeriesVisible(s, !s->isVisible());
        });
    }
}

void TrainingChart::restyleMarkers() {
    QColor text = palette().color(QPalette::WindowText);
    QColor dim = text;
    dim.setAlpha(90);
    for (QLegendMarker* marker : chart()->legend()->markers()) {
        const bool shown = marker->series()->isVisible();
        // Hiding a series hides its marker too; keep it, so it can be clicked back.
        marker->setVisible(true);
        marker->setLabelBrush(shown ? text : dim);
        if (auto* s = qobject_cast<QLineSeries*>(marker->series())) {
            QColor c = s->pen().color();
            if (!shown)
                c.setAlpha(60);
            marker->setBrush(c);
            marker->setPen(Qt::NoPen);
        }
    }
}

void TrainingChart::placeNote() {
    const QRectF plot = chart()->plotArea();
    noteItem_->setBrush(palette().color(QPalette::WindowText));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    noteItem_->setFont(f);
    noteItem_->setPos(plot.left() + 6, plot.top() + 4);
    noteItem_->setVisible(!note_.isEmpty());
}

void TrainingChart::resizeEvent(QResizeEvent* event) {
    // In a wide, short card (a bottom dock) a legend underneath would leave
    // no height for the curves: it goes to the right instead.
    const QSize size = event->size();
    const bool side = size.width() >= 2 * size.height();
    QLegend* legend = chart()->legend();
    legend->setAlignment(side ? Qt::AlignRight : Qt::AlignBottom);
    // Long run labels are elided (the tooltip has them whole) rather than
    // squeezing the plot and the score axis.
    legend->setMaximumWidth(side ? size.width() * 0.36 : QWIDGETSIZE_MAX);
    ChartView::resizeEvent(event);
    placeNote();
    // The tick count follows the plot height, known once the chart's layout
    // (a posted event) ran.
    QTimer::singleShot(0, this, [this] {
        if (!lines_.isEmpty())
            updateRanges();
    });
}

void TrainingChart::changeEvent(QEvent* event) {
    ChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (Line& line : lines_)
            styleLine(line);
        restyleMarkers();
        placeNote();
    }
}

void TrainingChart::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* previous = menu.addAction(tr("Clear previous runs"), this,
                                       [this] { emit clearPreviousRunsRequested(nodeId_); });
    previous->setEnabled(runNumbers_.size() > 1);
    menu.addAction(tr("Clear all"), this, [this] { emit clearAllRequested(); });
    menu.addSeparator();
    QAction* log = menu.addAction(tr("Log scale"));
    log->setCheckable(true);
    log->setChecked(logScale_);
    connect(log, &QAction::toggled, this, [this](bool on) { emit logScaleRequested(on); });
    menu.addSeparator();
    menu.addAction(tr("Export as PNG or SVG…"), this, &ChartView::exportWithDialog);
    menu.exec(event->globalPos());
}

}  // namespace sluice
