// Document's file side: new, open, save, and recovery copies.
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "app/document.h"
#include "pipeline_io/pipeline_file.h"

namespace sluice {
namespace {

// Model messages are clauses ("cannot open 'x': no such file"); dialogs and
// the status bar want sentences.
QString sentence(const std::string& clause) {
    QString s = QString::fromStdString(clause);
    if (!s.isEmpty() && s[0].isLower())
        s[0] = s[0].toUpper();
    if (!s.isEmpty() && !s.endsWith(u'.') && !s.endsWith(u'!') && !s.endsWith(u'?'))
        s += u'.';
    return s;
}

QStringList messages(const std::vector<PipelineWarning>& warnings) {
    QStringList list;
    for (const auto& w : warnings)
        list << sentence(w.message);
    return list;
}

QString absolute(const QString& path) {
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

}  // namespace

void Document::reset(Graph graph, const QString& path, bool modified) {
    graph_ = std::move(graph);
    const bool pathChanged = path != path_;
    path_ = path;
    // clear() makes the stack clean (announcing it if it was not), so the
    // modified flag follows; resetClean() then marks a restored copy unsaved.
    undoStack_->clear();
    if (modified)
        undoStack_->resetClean();
    emit graphReset();
    if (pathChanged)
        emit filePathChanged(path_);
}

void Document::newDocument() {
    removeRecoveryCopy();
    reset(Graph{}, {}, false);
}

FileResult Document::open(const QString& path) {
    PipelineLoadResult loaded;
    try {
        loaded = loadPipeline(path.toStdString(), registry_);
    } catch (const std::exception& e) {
        return {sentence(e.what()), {}};
    }
    removeRecoveryCopy();
    reset(std::move(loaded.graph), absolute(path), false);
    return {{}, messages(loaded.warnings)};
}

FileResult Document::save() {
    if (path_.isEmpty())
        return {tr("This pipeline has not been saved yet; choose a file with Save As."), {}};
    return saveTo(path_);
}

FileResult Document::saveAs(const QString& path) {
    return saveTo(absolute(path));
}

FileResult Document::saveTo(const QString& path) {
    try {
        savePipeline(graph_, path.toStdString(), registry_);
    } catch (const std::exception& e) {
        return {sentence(e.what()), {}};
    }
    undoStack_->setClean();
    removeRecoveryCopy();  // everything it held is in the file now
    if (path != path_) {
        path_ = path;
        emit filePathChanged(path_);
    }
    return {};
}

QString Document::displayName() const {
    const auto name = graph_.meta.find("name");
    if (name != graph_.meta.end() && name->is_string() && !name->get<std::string>().empty())
        return QString::fromStdString(name->get<std::string>());
    if (!path_.isEmpty())
        return QFileInfo(path_).completeBaseName();
    return tr("Untitled");
}

FileResult Document::writeRecoveryCopy(const QString& dir) {
    const QString path = QDir(dir).absoluteFilePath(recoveryFileName(displayName(), recoveryTag_));
    try {
        writeRecoveryFile(graph_, path_, path, registry_);
    } catch (const std::exception& e) {
        return {sentence(e.what()), {}};
    }
    // The name follows displayName(): drop the copy written under an older one.
    if (!recoveryPath_.isEmpty() && recoveryPath_ != path)
        QFile::remove(recoveryPath_);
    recoveryPath_ = path;
    return {};
}

void Document::removeRecoveryCopy() {
    if (!recoveryPath_.isEmpty())
        QFile::remove(recoveryPath_);
    recoveryPath_.clear();
}

QList<RecoveryFile> Document::findRecoveryFiles(const QString& dir) {
    return listRecoveryFiles(dir);
}

FileResult Document::restoreFrom(const QString& recoveryPath) {
    RecoveredDocument recovered;
    try {
        recovered = readRecoveryFile(recoveryPath, registry_);
    } catch (const std::exception& e) {
        return {tr("The recovery file cannot be restored: %1").arg(sentence(e.what())), {}};
    }
    const QString adopted = absolute(recoveryPath);
    if (recoveryPath_ != adopted)
        removeRecoveryCopy();
    // The copy stays on disk until the document is saved: another crash
    // before then must still find it.
    recoveryPath_ = adopted;
    reset(std::move(recovered.graph), absolute(recovered.originalPath), true);
    return {{}, messages(recovered.warnings)};
}

}  // namespace sluice
