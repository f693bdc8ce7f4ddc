// MainWindow: the File menu, dropped files and recovery copies, wired to the
// window's FileController (file_controller.h), which does the work.
#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>

#include "app/document.h"
#include "app/file_controller.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas_view.h"
#include "views/preview/output_preview.h"
#include "views/run_log.h"

namespace sluice {

void MainWindow::connectFiles() {
    const WindowActions& a = *actions_;
    connect(a.newFile, &QAction::triggered, files_, &FileController::newFile);
    connect(a.open, &QAction::triggered, files_, &FileController::openDialog);
    connect(a.save, &QAction::triggered, files_, &FileController::save);
    connect(a.saveAs, &QAction::triggered, files_, &FileController::saveAs);
    connect(a.exportPython, &QAction::triggered, files_, &FileController::exportPythonDialog);
    connect(a.openRecent, &QMenu::aboutToShow, files_,
            [this] { files_->rebuildRecentMenu(actions_->openRecent); });
    files_->rebuildRecentMenu(a.openRecent);
    files_->rebuildExamplesMenu(a.examples);

    connect(files_, &FileController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(files_, &FileController::logLine, log_, &RunLog::appendLine);
    // The run's graph is about to go; its results and badges once it went.
    connect(files_, &FileController::aboutToReplace, runner_, &RunController::stop);
    // Nothing of the old pipeline may stay on screen: its results, badges,
    // log lines and preview window all describe nodes that are gone.
    connect(files_, &FileController::replaced, this, [this] {
        runner_->forgetResults();
        scene_->clearBadges();
        log_->clearLog();
        if (preview_)
            preview_->close();
    });
    connect(files_, &FileController::opened, this, [this] {
        // Once the window has its final size (it may not be shown yet).
        QTimer::singleShot(0, canvas_, &CanvasView::showReadably);
    });
    // Relative paths now resolve against the new folder.
    connect(files_, &FileController::savedAs, this, &MainWindow::scheduleBadgeRefresh);
    // Save As names an untitled pipeline: the title follows the file.
    connect(document_, &Document::filePathChanged, this, &MainWindow::updateTitle);
}

bool MainWindow::openFile(const QString& path, bool quiet) {
    return files_->openFile(path, quiet);
}

QString MainWindow::requestedPipeline() const {
    return files_->requestedPipeline();
}

QString MainWindow::recoveryDirectory() {
    return FileController::standardRecoveryDirectory();
}

void MainWindow::offerRecovery() {
    files_->offerRecovery();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!FileController::droppedPipeline(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = FileController::droppedPipeline(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    files_->openAsking(path);
}

}  // namespace sluice
