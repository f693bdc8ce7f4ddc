#include "app/example_pipelines.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice {

QString examplesDirectory() {
    QStringList candidates;
    if (const QString env = qEnvironmentVariable("SLUICE_EXAMPLES_DIR"); !env.isEmpty())
        candidates << env;
    candidates << QCoreApplication::applicationDirPath() +
                      QStringLiteral("/../share/sluice/examples");
#ifdef SLUICE_SOURCE_EXAMPLES_DIR
    candidates << QStringLiteral(SLUICE_SOURCE_EXAMPLES_DIR);
#endif
    for (const QString& dir : candidates)
        if (QDir(dir).exists())
            return QDir(dir).canonicalPath();
    return {};
}

QList<ExamplePipeline> examplePipelines() {
    QList<ExamplePipeline> examples;
    const QString dir = examplesDirectory();
    if (dir.isEmpty())
        return examples;
    for (const QFileInfo& file :
         QDir(dir).entryInfoList({QStringLiteral("*.sluice")}, QDir::Files)) {
        ExamplePipeline example{file.absoluteFilePath(), file.completeBaseName(), {}};
        QFile f(example.path);
        if (f.open(QIODevice::ReadOnly)) {
            // Only the meta block is needed; a broken file still gets listed by name.
            const QJsonObject meta = QJsonDocument::fromJson(f.readAll())
                                         .object()
                                         .value(QStringLiteral("meta"))
                                         .toObject();
            if (const QString name = meta.value(QStringLiteral("name")).toString(); !name.isEmpty())
                example.name = name;
            example.description = meta.value(QStringLiteral("description")).toString();
        }
        examples << example;
    }
    std::sort(examples.begin(), examples.end(),
              [](const ExamplePipeline& a, const ExamplePipeline& b) {
                  return a.name.localeAwareCompare(b.name) < 0;
              });
    return examples;
}

}  // namespace sluice
