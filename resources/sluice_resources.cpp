#include "resources/sluice_resources.h"

#include <QColor>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QString>
#include <QSvgRenderer>

namespace sluice::resources {

QIcon appIcon() {
    return QIcon(QStringLiteral(":/icons/sluice.svg"));
}

QIcon actionIcon(const QString& name, const QColor& color) {
    QSvgRenderer svg(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!svg.isValid())
        return {};
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        for (const int scale : {1, 2}) {
            QImage image(size * scale, size * scale, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            svg.render(&painter);
            // Keep the drawing's alpha, take the colour: one SVG serves every theme.
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), color);
            painter.end();
            QImage faded(image.size(), QImage::Format_ARGB32_Premultiplied);
            faded.fill(Qt::transparent);
            QPainter fade(&faded);
            fade.setOpacity(0.35);
            fade.drawImage(0, 0, image);
            fade.end();
            image.setDevicePixelRatio(scale);
            faded.setDevicePixelRatio(scale);
            icon.addPixmap(QPixmap::fromImage(image), QIcon::Normal);
            icon.addPixmap(QPixmap::fromImage(faded), QIcon::Disabled);
        }
    }
    return icon;
}

QString datasetSourcesMarkdown() {
    QFile file(QStringLiteral(":/datasets/SOURCES.md"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

}  // namespace sluice::resources
