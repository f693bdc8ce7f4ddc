#include "app/recovery_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include "io/atomic_file.h"

namespace sluice {

QString recoveryFileName(const QString& name, const QString& tag) {
    QString safe;
    for (const QChar c : name.left(40))
        safe += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : QChar(u'_');
    if (safe.isEmpty())
        safe = QStringLiteral("Untitled");
    return safe + u'-' + tag + QString::fromLatin1(kRecoverySuffix);
}

void writeRecoveryFile(const Graph& graph, const QString& originalPath, const QString& path,
                       const NodeRegistry& registry) {
    Graph copy = graph;
    if (!copy.meta.is_object())
        copy.meta = nlohmann::json::object();
    copy.meta[kRecoveryOfKey] = originalPath.toStdString();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        throw PipelineFileError("cannot create the recovery folder '" +
                                info.absolutePath().toStdString() + "'");
    try {
        // Rendered before the file is touched, so a failure leaves the last copy whole.
        const std::string text = pipelineToText(copy, "", registry);
        AtomicFileWriter out(path.toStdString());
        out.write(text);
        out.commit();
    } catch (const PipelineFileError&) {
        throw;
    } catch (const std::exception& e) {
        throw PipelineFileError(e.what());  // AtomicFileWriter names the path and the reason
    }
}

RecoveredDocument readRecoveryFile(const QString& path, const NodeRegistry& registry) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw PipelineFileError("cannot open the recovery file '" + path.toStdString() +
                                "': " + file.errorString().toStdString());
    const QByteArray bytes = file.readAll();
    // Read with no base folder: paths were written as the Graph held them.
    PipelineLoadResult loaded = pipelineFromText(std::string_view(bytes.data(), bytes.size()), "",
                                                 registry, path.toStdString());
    RecoveredDocument doc{std::move(loaded.graph), {}, std::move(loaded.warnings)};
    const auto it = doc.graph.meta.find(kRecoveryOfKey);
    if (it != doc.graph.meta.end()) {
        if (it->is_string())
            doc.originalPath = QString::fromStdString(it->get<std::string>());
        doc.graph.meta.erase(it);
    }
    return doc;
}

QList<RecoveryFile> listRecoveryFiles(const QString& dir, const NodeRegistry& registry) {
    QList<RecoveryFile> files;
    const QString pattern = u'*' + QString::fromLatin1(kRecoverySuffix);
    for (const QFileInfo& info : QDir(dir).entryInfoList({pattern}, QDir::Files)) {
        RecoveryFile f{info.absoluteFilePath(), {}, {}, info.lastModified(), {}};
        try {
            const RecoveredDocument doc = readRecoveryFile(f.path, registry);
            f.originalPath = doc.originalPath;
            const auto name = doc.graph.meta.find("name");
            if (name != doc.graph.meta.end() && name->is_string())
                f.name = QString::fromStdString(name->get<std::string>());
        } catch (const std::exception& e) {
            f.problem = QString::fromStdString(e.what());
        }
        files.append(std::move(f));
    }
    std::stable_sort(files.begin(), files.end(), [](const RecoveryFile& a, const RecoveryFile& b) {
        return a.written > b.written;
    });
    return files;
}

}  // namespace sluice
