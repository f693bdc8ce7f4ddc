#include "views/charts/picture_export.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

namespace sluice {

bool exportPicture(const QString& path, QSize size, const QColor& background, const QString& title,
                   const PaintFunction& paint, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2.0);
        image.fill(background);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::TextAntialiasing);
            paint(painter, size);
        }
        if (image.save(path, "PNG"))
            return true;
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        QPainter painter;
        if (painter.begin(&svg)) {
            painter.setRenderHint(QPainter::Antialiasing);
            paint(painter, size);
            painter.end();
            // QSvgGenerator reports no write error; an empty file is one.
            if (QFileInfo(path).size() > 0)
                return true;
        }
    } else {
        if (error)
            *error = QObject::tr("Choose a file name ending in .png or .svg (not '%1').")
                         .arg(QFileInfo(path).fileName());
        return false;
    }
    if (error)
        *error = QObject::tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
    return false;
}

void exportPictureWithDialog(QWidget* parent, const QString& caption,
                             const std::function<bool(const QString&, QString*)>& exportTo) {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        parent, caption, QString(), QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"),
        &selected);
    if (path.isEmpty())
        return;
    QString file = path;
    if (QFileInfo(file).suffix().isEmpty())
        file += selected.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
                                                        : QStringLiteral(".png");
    QString error;
    if (!exportTo(file, &error))
        QMessageBox::warning(parent, caption, error);
}

}  // namespace sluice
