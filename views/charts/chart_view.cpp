#include "views/charts/chart_view.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>

#include "views/charts/chart_theme.h"
#include "views/charts/picture_export.h"

namespace sluice {

ChartView::ChartView(QChart* chart, QWidget* parent)
    : QChartView(chart ? chart : new QChart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 180);
    restyle();
}

void ChartView::restyle() {
    applyChartTheme(chart(), palette());
}

void ChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

bool ChartView::exportTo(const QString& path, QString* error) {
    const QSize size = this->size().expandedTo(QSize(480, 320));
    const QString title =
        chart()->title().isEmpty() ? QStringLiteral("Sluice chart") : chart()->title();
    return exportPicture(
        path, size, palette().color(QPalette::Base), title,
        [this](QPainter& painter, QSize to) {
            render(&painter, QRectF(QPointF(0, 0), QSizeF(to)), QRect(QPoint(0, 0), this->size()));
        },
        error);
}

void ChartView::exportWithDialog() {
    exportPictureWithDialog(this, tr("Export chart"), [this](const QString& path, QString* error) {
        return exportTo(path, error);
    });
}

void ChartView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Export as PNG or SVG…"), this, &ChartView::exportWithDialog);
    menu.exec(event->globalPos());
}

}  // namespace sluice
