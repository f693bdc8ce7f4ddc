#include "views/results/confusion_heatmap.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "views/charts/chart_theme.h"
#include "views/charts/picture_export.h"

namespace sluice {
namespace {

constexpr double kMargin = 8;

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

// Relative luminance (sRGB, roughly): chooses dark or light text on a cell.
double luminance(const QColor& c) {
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

QString percentText(double p) {
    return QString::number(p, 'f', 1) + '%';
}

QString countText(double v) {
    return v == std::floor(v) && std::abs(v) < 1e15 ? QString::number(static_cast<qint64>(v))
                                                    : QString::number(v, 'g', 4);
}

}  // namespace

ConfusionHeatmap::ConfusionHeatmap(QStringList labels, Eigen::MatrixXd matrix, QWidget* parent)
    : QWidget(parent), labels_(std::move(labels)), matrix_(std::move(matrix)) {
    const auto n = std::min<Eigen::Index>(matrix_.rows(), matrix_.cols());
    while (labels_.size() < n)
        labels_ << QString::number(labels_.size());
    while (labels_.size() > n)
        labels_.removeLast();
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

double ConfusionHeatmap::rowPercent(int row, int column) const {
    const double total = matrix_.row(row).sum();
    return total > 0 ? 100.0 * matrix_(row, column) / total : 0.0;
}

QString ConfusionHeatmap::cellText(int row, int column) const {
    return countText(count(row, column)) + '\n' + percentText(rowPercent(row, column));
}

QString ConfusionHeatmap::cellToolTip(int row, int column) const {
    const QString& truth = labels_[row];
    return tr("True %1, predicted %2: %3 (%4 of %1)")
        .arg(truth, labels_[column], countText(count(row, column)),
             percentText(rowPercent(row, column)));
}

QColor ConfusionHeatmap::cellColor(double share) const {
    // From the base colour to the accent: light in light palettes, dark in
    // dark ones; the square root lifts small but non-zero shares off the base
    // so a few mistakes still show.
    const QColor base = palette().color(QPalette::Base);
    const QColor accent = seriesColor(0, palette());
    // Empty cells keep a faint tint so the grid still reads.
    const double t = share <= 0 ? 0.05 : 0.12 + 0.88 * std::sqrt(std::min(1.0, share));
    return mix(base, accent, t);
}

ConfusionHeatmap::Geometry ConfusionHeatmap::geometry(QSizeF size) const {
    Geometry g;
    g.labelFont = font();
    g.titleFont = font();
    g.titleFont.setBold(true);
    const QFontMetricsF label(g.labelFont), title(g.titleFont);
    double rowLabelWidth = 0;
    for (const QString& l : labels_)
        rowLabelWidth = std::max(rowLabelWidth, label.horizontalAdvance(l));
    rowLabelWidth = std::min(rowLabelWidth, size.width() * 0.3);
    const double n = std::max(1, classCount());
    // Left: rotated "True class" title, row labels. Bottom: column labels and
    // the "Predicted class" title. Top: a little air.
    const double left = kMargin + title.height() + 6 + rowLabelWidth + 6;
    const double bottom = kMargin + title.height() + 4 + label.height() + 4;
    const double top = kMargin;
    const double right = kMargin;
    const double side =
        std::max(10.0, std::min(size.width() - left - right, size.height() - top - bottom));
    g.cell = side / n;
    // Centre the grid in the space left of the labels.
    const double x = left + std::max(0.0, (size.width() - left - right - side) / 2);
    const double y = top + std::max(0.0, (size.height() - top - bottom - side) / 2);
    g.grid = QRectF(x, y, side, side);
    g.cellFont = font();
    const double pixel = std::clamp(g.cell / 5.0, 7.0, 16.0);
    g.cellFont.setPixelSize(static_cast<int>(pixel));
    g.showPercent = QFontMetricsF(g.cellFont).height() * 2.2 < g.cell;
    return g;
}

void ConfusionHeatmap::paint(QPainter& painter, QSizeF size) const {
    const QPalette& pal = palette();
    painter.fillRect(QRectF(QPointF(0, 0), size), pal.color(QPalette::Base));
    if (classCount() == 0) {
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter, tr("No classes"));
        return;
    }
    const Geometry g = geometry(size);
    const int n = classCount();
    const QColor text = pal.color(QPalette::WindowText);
    QColor gridLine = pal.color(QPalette::Base);

    for (int r = 0; r < n; ++r) {
        const double total = matrix_.row(r).sum();
        for (int c = 0; c < n; ++c) {
            const QRectF cell(g.grid.left() + c * g.cell, g.grid.top() + r * g.cell, g.cell,
                              g.cell);
            const QColor fill = cellColor(total > 0 ? matrix_(r, c) / total : 0.0);
            painter.fillRect(cell, fill);
            painter.setPen(QPen(gridLine, 1.5));
            painter.drawRect(cell);
            painter.setPen(luminance(fill) > 0.5 ? QColor(20, 20, 20) : QColor(245, 245, 245));
            painter.setFont(g.cellFont);
            const QString t = g.showPercent ? cellText(r, c) : countText(count(r, c));
            painter.drawText(cell, Qt::AlignCenter, t);
        }
    }
    // The diagonal (correct predictions) framed, so it reads at a glance.
    QColor frame = text;
    frame.setAlpha(90);
    painter.setPen(QPen(frame, 1.0, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    for (int i = 0; i < n; ++i)
        painter.drawRect(
            QRectF(g.grid.left() + i * g.cell, g.grid.top() + i * g.cell, g.cell, g.cell)
                .adjusted(2, 2, -2, -2));

    // Class labels: rows on the left, columns below.
    painter.setPen(text);
    painter.setFont(g.labelFont);
    const QFontMetricsF label(g.labelFont), title(g.titleFont);
    const double rowLabelRight = g.grid.left() - 6;
    const double rowLabelLeft = kMargin + title.height() + 6;
    double usedLabelWidth = 0;
    for (const QString& l : labels_)
        usedLabelWidth = std::max(usedLabelWidth, label.horizontalAdvance(l));
    usedLabelWidth = std::min(usedLabelWidth, rowLabelRight - rowLabelLeft);
    for (int r = 0; r < n; ++r) {
        const QRectF box(rowLabelLeft, g.grid.top() + r * g.cell, rowLabelRight - rowLabelLeft,
                         g.cell);
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter,
                         label.elidedText(labels_[r], Qt::ElideRight, box.width()));
    }
    for (int c = 0; c < n; ++c) {
        const QRectF box(g.grid.left() + c * g.cell, g.grid.bottom() + 4, g.cell, label.height());
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop,
                         label.elidedText(labels_[c], Qt::ElideRight, g.cell - 2));
    }
    // Axis titles.
    painter.setFont(g.titleFont);
    const QRectF bottomTitle(g.grid.left(), g.grid.bottom() + 4 + label.height() + 4,
                             g.grid.width(), title.height());
    painter.drawText(bottomTitle, Qt::AlignCenter, tr("Predicted class"));
    painter.save();
    // Just left of the row labels (the grid may sit right of centre).
    painter.translate(rowLabelRight - usedLabelWidth - 6 - title.height(), g.grid.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-g.grid.height() / 2, 0, g.grid.height(), title.height()),
                     Qt::AlignCenter, tr("True class"));
    painter.restore();
}

void ConfusionHeatmap::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint(painter, size());
}

QPoint ConfusionHeatmap::cellAt(QPoint pos) const {
    const Geometry g = geometry(size());
    if (!g.grid.contains(pos) || g.cell <= 0)
        return {-1, -1};
    const int c = std::min(classCount() - 1, static_cast<int>((pos.x() - g.grid.left()) / g.cell));
    const int r = std::min(classCount() - 1, static_cast<int>((pos.y() - g.grid.top()) / g.cell));
    return {c, r};
}

bool ConfusionHeatmap::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint cell = cellAt(help->pos());
        if (cell.x() >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(cell.y(), cell.x()), this);
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::PaletteChange)
        update();
    return QWidget::event(event);
}

QSize ConfusionHeatmap::sizeHint() const {
    const int n = std::max(1, classCount());
    const int side = std::clamp(n * 90, 240, 520);
    return {side + 160, side + 60};
}

QSize ConfusionHeatmap::minimumSizeHint() const {
    return {240, 200};
}

bool ConfusionHeatmap::exportTo(const QString& path, QString* error) {
    const QSize size = this->size().expandedTo(QSize(480, 360));
    return exportPicture(
        path, size, palette().color(QPalette::Base), tr("Confusion matrix"),
        [this](QPainter& painter, QSize to) { paint(painter, to); }, error);
}

void ConfusionHeatmap::exportWithDialog() {
    exportPictureWithDialog(
        this, tr("Export confusion matrix"),
        [this](const QString& path, QString* error) { return exportTo(path, error); });
}

void ConfusionHeatmap::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Export as PNG or SVG…"), this, &ConfusionHeatmap::exportWithDialog);
    menu.exec(event->globalPos());
}

}  // namespace sluice
