#include "views/charts/training_charts_panel.h"

#include <QBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QToolButton>

#include "views/charts/training_chart.h"

namespace sluice {

TrainingChartsPanel::TrainingChartsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trainingChartsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 3, 6, 3);
    logButton_ = new QToolButton(this);
    logButton_->setObjectName(QStringLiteral("chartsLogScale"));
    logButton_->setText(tr("Log scale"));
    logButton_->setToolTip(tr("Show losses on a logarithmic axis"));
    logButton_->setCheckable(true);
    // Framed, not auto-raised: flat, they read as labels (issue 25).
    clearButton_ = new QToolButton(this);
    clearButton_->setObjectName(QStringLiteral("chartsClearAll"));
    clearButton_->setText(tr("Clear all"));
    clearButton_->setToolTip(tr("Remove every curve, of every run"));
    bar->addWidget(logButton_);
    bar->addStretch(1);
    bar->addWidget(clearButton_);
    outer->addLayout(bar);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 0, 4, 4);
    placeholder_ =
        new QLabel(tr("Training curves appear here while a training node runs: losses per epoch, "
                      "out-of-bag error per tree, inertia per iteration."),
                   content);
    placeholder_->setWordWrap(true);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setForegroundRole(QPalette::PlaceholderText);
    contentLayout->addWidget(placeholder_, 1);
    cards_ = new QBoxLayout(QBoxLayout::LeftToRight);
    cards_->setSpacing(6);
    contentLayout->addLayout(cards_, 1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    flushTimer_.setSingleShot(true);
    flushTimer_.setInterval(kFlushMs);
    connect(&flushTimer_, &QTimer::timeout, this, &TrainingChartsPanel::flush);
    connect(logButton_, &QToolButton::toggled, this, &TrainingChartsPanel::setLogScale);
    connect(clearButton_, &QToolButton::clicked, this, &TrainingChartsPanel::clearAll);
    updatePlaceholder();
}

TrainingChartsPanel::~TrainingChartsPanel() = default;

void TrainingChartsPanel::startRun(const QString& id, const QString& title,
                                   const QMap<QString, QString>& params, const QString& stepName) {
    history_.startRun(id, title, params, stepName);
    markDirty(id);
}

void TrainingChartsPanel::appendPoints(const QString& id,
                                       const QVector<engine::MetricPoint>& points) {
    if (points.isEmpty())
        return;
    history_.append(id, points);
    markDirty(id);
}

void TrainingChartsPanel::clearPreviousRuns(const QString& id) {
    history_.clearPreviousRuns(id);
    markDirty(id);
}

void TrainingChartsPanel::clearNode(const QString& id) {
    history_.removeNode(id);
    markDirty(id);
}

void TrainingChartsPanel::clearAll() {
    for (const QString& id : history_.nodeIds())
        dirty_.insert(id);
    history_.clear();
    flush();
}

void TrainingChartsPanel::setLogScale(bool on) {
    if (on == logScale_)
        return;
    logScale_ = on;
    {
        const QSignalBlocker block(logButton_);
        logButton_->setChecked(on);
    }
    for (const auto& [id, chart] : charts_) {
        chart->setLogScale(on);
        dirty_.insert(id);
    }
    flush();
}

TrainingChart* TrainingChartsPanel::chart(const QString& id) const {
    const auto it = charts_.find(id);
    return it == charts_.end() ? nullptr : it->second;
}

void TrainingChartsPanel::markDirty(const QString& id) {
    dirty_.insert(id);
    // Single shot, armed by the first point after a flush: whatever the rate
    // of points, at most one flush per interval.
    if (!flushTimer_.isActive())
        flushTimer_.start();
}

TrainingChart* TrainingChartsPanel::ensureChart(const QString& id) {
    if (TrainingChart* existing = chart(id))
        return existing;
    auto* c = new TrainingChart(id, this);
    c->setLogScale(logScale_);
    connect(c, &TrainingChart::clearPreviousRunsRequested, this,
            &TrainingChartsPanel::clearPreviousRuns);
    connect(c, &TrainingChart::clearAllRequested, this, &TrainingChartsPanel::clearAll);
    connect(c, &TrainingChart::logScaleRequested, this, &TrainingChartsPanel::setLogScale);
    charts_.emplace(id, c);
    // Cards keep the order in which nodes first reported.
    cards_->addWidget(c, 1);
    return c;
}

void TrainingChartsPanel::flush() {
    flushTimer_.stop();
    if (dirty_.isEmpty())
        return;
    QStringList ids;
    // History order, so cards are created in the order nodes first ran.
    for (const QString& id : history_.nodeIds()) {
        if (!dirty_.contains(id))
            continue;
        const NodeMetrics* node = history_.node(id);
        if (!node || node->runs.empty())
            continue;
        // A run that has not sent a point yet shows nothing new: no empty card.
        bool anyPoints = false;
        for (const MetricRun& run : node->runs)
            anyPoints = anyPoints || !run.streams.empty();
        if (!anyPoints && !chart(id))
            continue;
        ensureChart(id)->showMetrics(*node);
        ids << id;
    }
    // Cards of nodes that were cleared go.
    for (auto it = charts_.begin(); it != charts_.end();) {
        if (!history_.node(it->first)) {
            it->second->deleteLater();
            cards_->removeWidget(it->second);
            ids << it->first;
            it = charts_.erase(it);
        } else {
            ++it;
        }
    }
    dirty_.clear();
    updatePlaceholder();
    if (!ids.isEmpty()) {
        ++redraws_;
        emit redrawn(ids);
    }
}

void TrainingChartsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const QSize size = event->size();
    cards_->setDirection(size.width() >= size.height() * 3 / 2 ? QBoxLayout::LeftToRight
                                                               : QBoxLayout::TopToBottom);
}

void TrainingChartsPanel::updatePlaceholder() {
    placeholder_->setVisible(charts_.empty());
    clearButton_->setEnabled(!charts_.empty());
}

}  // namespace sluice
