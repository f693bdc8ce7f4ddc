#include "app/file_controller.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

#include "app/crash_handler.h"
#include "app/document.h"
#include "app/example_pipelines.h"
#include "app/recent_files.h"
#include "export/python_export.h"

namespace sluice {
namespace {

const QString kPipelineFilter = QObject::tr("Sluice pipelines (*.sluice);;All files (*)");

bool isPipelineUrl(const QUrl& url) {
    return url.isLocalFile() &&
           url.toLocalFile().endsWith(QStringLiteral(".sluice"), Qt::CaseInsensitive);
}

}  // namespace

FileController::FileController(Document* document, QWidget* dialogParent, QObject* parent)
    : QObject(parent), document_(document), dialogParent_(dialogParent) {
    recoveryTimer_.setInterval(kRecoveryIntervalMs);
    connect(&recoveryTimer_, &QTimer::timeout, this, &FileController::writeRecoveryCopy);
    recoveryTimer_.start();
}

QString FileController::standardRecoveryDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/recovery");
}

QString FileController::recoveryDirectory() const {
    return recoveryDirectory_.isEmpty() ? standardRecoveryDirectory() : recoveryDirectory_;
}

QString FileController::baseDirectory() const {
    const QString path = document_->filePath();
    return path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
}

void FileController::newFile() {
    if (!maybeSave())
        return;
    emit aboutToReplace();
    document_->newDocument();
    emit replaced();
    emit statusMessage(tr("New pipeline"), 4000);
}

void FileController::openDialog() {
    if (!maybeSave())
        return;
    QString start = QFileInfo(document_->filePath()).absolutePath();
    if (document_->filePath().isEmpty())
        start = QDir::homePath();
    const QString path =
        QFileDialog::getOpenFileName(dialogParent_, tr("Open pipeline"), start, kPipelineFilter);
    if (!path.isEmpty())
        openFile(path);
}

bool FileController::openFile(const QString& path, bool quiet) {
    requestedPipeline_ = path;
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    emit aboutToReplace();
    const FileResult result = document_->open(path);
    if (!result.ok()) {
        const QString message = tr("Could not open %1: %2").arg(shown, result.error);
        emit statusMessage(message, 0);
        emit logLine(tr("Open"), message, RunLog::Severity::Error);
        if (!quiet)
            QMessageBox::warning(dialogParent_, tr("Open pipeline"), message);
        return false;
    }
    emit replaced();
    RecentFiles::add(path);
    for (const QString& warning : result.warnings)
        emit logLine(QFileInfo(path).fileName(), warning, RunLog::Severity::Warning);
    if (!result.warnings.isEmpty()) {
        const QString summary = tr("Opened %1 with %n problem(s): see the run log", nullptr,
                                   static_cast<int>(result.warnings.size()))
                                    .arg(shown);
        emit statusMessage(summary, 0);
        if (!quiet)
            QMessageBox::information(dialogParent_, tr("Open pipeline"),
                                     summary + QStringLiteral("\n\n") +
                                         result.warnings.mid(0, 12).join(QLatin1Char('\n')));
    } else {
        emit statusMessage(tr("Opened %1").arg(shown), 6000);
    }
    emit opened(path);
    return true;
}

bool FileController::openAsking(const QString& path) {
    return maybeSave() && openFile(path);
}

bool FileController::save() {
    if (document_->filePath().isEmpty())
        return saveAs();
    const FileResult result = document_->save();
    if (!result.ok()) {
        QMessageBox::warning(dialogParent_, tr("Save pipeline"),
                             tr("The pipeline was not saved: %1\n\nYour work is still open; "
                                "try Save As to another folder.")
                                 .arg(result.error));
        return false;
    }
    RecentFiles::add(document_->filePath());
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(document_->filePath())), 5000);
    return true;
}

bool FileController::saveAs() {
    QString start = document_->filePath();
    if (start.isEmpty())
        start = QDir::homePath() + QLatin1Char('/') + document_->displayName() +
                QStringLiteral(".sluice");
    QString path =
        QFileDialog::getSaveFileName(dialogParent_, tr("Save pipeline as"), start, kPipelineFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sluice");
    const FileResult result = document_->saveAs(path);
    if (!result.ok()) {
        QMessageBox::warning(
            dialogParent_, tr("Save pipeline"),
            tr("The pipeline was not saved: %1\n\nYour work is still open.").arg(result.error));
        return false;
    }
    RecentFiles::add(path);
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    emit savedAs(path);
    return true;
}

void FileController::exportPythonDialog() {
    const QString pipeline = document_->filePath();
    const QString folder =
        pipeline.isEmpty() ? QDir::homePath() : QFileInfo(pipeline).absolutePath();
    const QString name =
        pipeline.isEmpty() ? document_->displayName() : QFileInfo(pipeline).completeBaseName();
    QString path =
        QFileDialog::getSaveFileName(dialogParent_, tr("Export as Python"),
                                     folder + QLatin1Char('/') + name + QStringLiteral(".py"),
                                     tr("Python scripts (*.py);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".py");
    PythonExportOptions options;
    options.baseDirectory = baseDirectory().toStdString();  // empty while unsaved
    options.sourceName = QFileInfo(pipeline).fileName().toStdString();
    try {
        exportPythonFile(document_->graph(), options, path.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(
            dialogParent_, tr("Export as Python"),
            tr("The pipeline was not exported: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    emit statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool FileController::maybeSave() {
    if (!document_->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        dialogParent_, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them?").arg(document_->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void FileController::rebuildRecentMenu(QMenu* menu) {
    menu->clear();
    const QStringList files = RecentFiles::list();
    for (const QString& file : files) {
        QAction* action = menu->addAction(QFileInfo(file).fileName());
        action->setToolTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { openAsking(file); });
    }
    if (files.isEmpty())
        menu->addAction(tr("No recent pipelines"))->setEnabled(false);
    else {
        menu->addSeparator();
        connect(menu->addAction(tr("Clear list")), &QAction::triggered, this,
                [] { RecentFiles::clear(); });
    }
}

void FileController::rebuildExamplesMenu(QMenu* menu) {
    menu->clear();
    const auto examples = examplePipelines();
    for (const ExamplePipeline& example : examples) {
        QAction* action = menu->addAction(example.name);
        action->setToolTip(example.description);
        action->setStatusTip(example.description);
        connect(action, &QAction::triggered, this,
                [this, path = example.path] { openAsking(path); });
    }
    menu->setToolTipsVisible(true);
    if (examples.isEmpty())
        menu->addAction(tr("No examples installed"))->setEnabled(false);
}

QString FileController::droppedPipeline(const QMimeData* mime) {
    const auto urls = mime->urls();
    const auto found = std::find_if(urls.begin(), urls.end(), isPipelineUrl);
    return found == urls.end() ? QString() : found->toLocalFile();
}

void FileController::writeRecoveryCopy() {
    if (!document_->isModified())
        return;
    const FileResult result = document_->writeRecoveryCopy(recoveryDirectory());
    if (!result.ok())
        emit logLine(tr("Recovery"), tr("Could not write a recovery copy: %1").arg(result.error),
                     RunLog::Severity::Warning);
}

void FileController::offerRecovery() {
    // First what happened: a crash report written since the last start.
    for (const crash::CrashReport& report : crash::takeNewCrashReports(recoveryDirectory())) {
        const QString where = QDir::toNativeSeparators(report.path);
        const QString text =
            tr("Sluice quit unexpectedly on %1%2.\nCause: %3.\n\nA crash report was saved to:\n%4"
               "\n\nPlease send it to the developers with a few words on what you were doing.")
                .arg(QLocale().toString(report.written, QLocale::ShortFormat),
                     report.pipeline.isEmpty() ? QString()
                                               : tr(", while %1 was open").arg(report.pipeline),
                     report.signal.isEmpty() ? tr("not recorded") : report.signal, where);
        emit logLine(tr("Recovery"), tr("Crash report of the last session: %1").arg(where),
                     RunLog::Severity::Warning);
        QMessageBox box(QMessageBox::Warning, tr("Sluice quit unexpectedly"), text, QMessageBox::Ok,
                        dialogParent_);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
    }
    const QList<RecoveryFile> files = Document::findRecoveryFiles(recoveryDirectory());
    for (const RecoveryFile& file : files) {
        if (!file.problem.isEmpty()) {
            // A corrupt copy cannot be restored: say so once and remove it.
            emit logLine(tr("Recovery"),
                         tr("Ignored a damaged recovery file %1: %2")
                             .arg(QDir::toNativeSeparators(file.path), file.problem),
                         RunLog::Severity::Warning);
            QFile::remove(file.path);
            continue;
        }
        const QString name = !file.name.isEmpty() ? file.name
                             : !file.originalPath.isEmpty()
                                 ? QFileInfo(file.originalPath).fileName()
                                 : tr("an untitled pipeline");
        const auto answer = QMessageBox::question(
            dialogParent_, tr("Restore unsaved work"),
            tr("Sluice closed without saving %1 (last copy %2). Restore it?")
                .arg(name, QLocale().toString(file.written, QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            const FileResult result = document_->restoreFrom(file.path);
            if (!result.ok())
                QMessageBox::warning(dialogParent_, tr("Restore unsaved work"), result.error);
            return;  // one document per window
        }
        QFile::remove(file.path);
    }
}

}  // namespace sluice
