// MainWindow: new, open, save, export as Python, recent files, examples,
// dropped files and recovery copies.
#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

#include "app/document.h"
#include "app/example_pipelines.h"
#include "app/main_window.h"
#include "app/recent_files.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "export/python_export.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas_view.h"
#include "views/run_log.h"

namespace sluice {
namespace {

const QString kFilter = QObject::tr("Sluice pipelines (*.sluice);;All files (*)");

bool isPipelineUrl(const QUrl& url) {
    return url.isLocalFile() &&
           url.toLocalFile().endsWith(QStringLiteral(".sluice"), Qt::CaseInsensitive);
}

}  // namespace

QString MainWindow::recoveryDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/recovery");
}

void MainWindow::newFile() {
    if (!maybeSave())
        return;
    runner_->stop();
    document_->newDocument();
    runner_->forgetResults();
    scene_->clearBadges();
    statusBar()->showMessage(tr("New pipeline"), 4000);
}

void MainWindow::openDialog() {
    if (!maybeSave())
        return;
    QString start = QFileInfo(document_->filePath()).absolutePath();
    if (document_->filePath().isEmpty())
        start = QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open pipeline"), start, kFilter);
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString& path, bool quiet) {
    requestedPipeline_ = path;
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    runner_->stop();
    const FileResult result = document_->open(path);
    if (!result.ok()) {
        const QString message = tr("Could not open %1: %2").arg(shown, result.error);
        statusBar()->showMessage(message);
        log_->appendLine(tr("Open"), message, RunLog::Severity::Error);
        if (!quiet)
            QMessageBox::warning(this, tr("Open pipeline"), message);
        return false;
    }
    runner_->forgetResults();
    scene_->clearBadges();
    RecentFiles::add(path);
    for (const QString& warning : result.warnings)
        log_->appendLine(QFileInfo(path).fileName(), warning, RunLog::Severity::Warning);
    if (!result.warnings.isEmpty()) {
        const QString summary = tr("Opened %1 with %n problem(s): see the run log", nullptr,
                                   static_cast<int>(result.warnings.size()))
                                    .arg(shown);
        statusBar()->showMessage(summary);
        if (!quiet)
            QMessageBox::information(this, tr("Open pipeline"),
                                     summary + QStringLiteral("\n\n") +
                                         result.warnings.mid(0, 12).join(QLatin1Char('\n')));
    } else {
        statusBar()->showMessage(tr("Opened %1").arg(shown), 6000);
    }
    // Once the window has its final size (it may not be shown yet).
    QTimer::singleShot(0, canvas_, &CanvasView::fitToView);
    return true;
}

bool MainWindow::save() {
    if (document_->filePath().isEmpty())
        return saveAs();
    const FileResult result = document_->save();
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Save pipeline"),
                             tr("The pipeline was not saved: %1\n\nYour work is still open; "
                                "try Save As to another folder.")
                                 .arg(result.error));
        return false;
    }
    RecentFiles::add(document_->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(document_->filePath())),
                             5000);
    return true;
}

bool MainWindow::saveAs() {
    QString start = document_->filePath();
    if (start.isEmpty())
        start = QDir::homePath() + QLatin1Char('/') + document_->displayName() +
                QStringLiteral(".sluice");
    QString path = QFileDialog::getSaveFileName(this, tr("Save pipeline as"), start, kFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sluice");
    const FileResult result = document_->saveAs(path);
    if (!result.ok()) {
        QMessageBox::warning(
            this, tr("Save pipeline"),
            tr("The pipeline was not saved: %1\n\nYour work is still open.").arg(result.error));
        return false;
    }
    RecentFiles::add(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    scheduleBadgeRefresh();  // relative paths now resolve against the new folder
    return true;
}

void MainWindow::exportPythonDialog() {
    const QString pipeline = document_->filePath();
    const QString folder =
        pipeline.isEmpty() ? QDir::homePath() : QFileInfo(pipeline).absolutePath();
    const QString name =
        pipeline.isEmpty() ? document_->displayName() : QFileInfo(pipeline).completeBaseName();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export as Python"), folder + QLatin1Char('/') + name + QStringLiteral(".py"),
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
            this, tr("Export as Python"),
            tr("The pipeline was not exported: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool MainWindow::maybeSave() {
    if (!document_->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them?").arg(document_->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::rebuildRecentMenu() {
    QMenu* menu = actions_->openRecent;
    menu->clear();
    const QStringList files = RecentFiles::list();
    for (const QString& file : files) {
        QAction* action = menu->addAction(QFileInfo(file).fileName());
        action->setToolTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] {
            if (maybeSave())
                openFile(file);
        });
    }
    if (files.isEmpty())
        menu->addAction(tr("No recent pipelines"))->setEnabled(false);
    else {
        menu->addSeparator();
        connect(menu->addAction(tr("Clear list")), &QAction::triggered, this,
                [] { RecentFiles::clear(); });
    }
}

void MainWindow::rebuildExamplesMenu() {
    QMenu* menu = actions_->examples;
    menu->clear();
    const auto examples = examplePipelines();
    for (const ExamplePipeline& example : examples) {
        QAction* action = menu->addAction(example.name);
        action->setToolTip(example.description);
        action->setStatusTip(example.description);
        connect(action, &QAction::triggered, this, [this, path = example.path] {
            if (maybeSave())
                openFile(path);
        });
    }
    menu->setToolTipsVisible(true);
    if (examples.isEmpty())
        menu->addAction(tr("No examples installed"))->setEnabled(false);
}

void MainWindow::writeRecoveryCopy() {
    if (!document_->isModified())
        return;
    const FileResult result = document_->writeRecoveryCopy(recoveryDirectory());
    if (!result.ok())
        log_->appendLine(tr("Recovery"),
                         tr("Could not write a recovery copy: %1").arg(result.error),
                         RunLog::Severity::Warning);
}

void MainWindow::offerRecovery() {
    const QList<RecoveryFile> files = Document::findRecoveryFiles(recoveryDirectory());
    for (const RecoveryFile& file : files) {
        if (!file.problem.isEmpty()) {
            // A corrupt copy cannot be restored: say so once and remove it.
            log_->appendLine(tr("Recovery"),
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
            this, tr("Restore unsaved work"),
            tr("Sluice closed without saving %1 (last copy %2). Restore it?")
                .arg(name, QLocale().toString(file.written, QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            const FileResult result = document_->restoreFrom(file.path);
            if (!result.ok())
                QMessageBox::warning(this, tr("Restore unsaved work"), result.error);
            return;  // one document per window
        }
        QFile::remove(file.path);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), isPipelineUrl))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (isPipelineUrl(url)) {
            event->acceptProposedAction();
            if (maybeSave())
                openFile(url.toLocalFile());
            return;
        }
    }
}

}  // namespace sluice
