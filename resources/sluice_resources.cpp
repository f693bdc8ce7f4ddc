#include "resources/sluice_resources.h"

#include <QFile>
#include <QIcon>
#include <QString>

namespace sluice::resources {

QIcon appIcon() {
    return QIcon(QStringLiteral(":/icons/sluice.svg"));
}

QString datasetSourcesMarkdown() {
    QFile file(QStringLiteral(":/datasets/SOURCES.md"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

}  // namespace sluice::resources
