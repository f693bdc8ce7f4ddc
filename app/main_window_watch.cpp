// MainWindow: Run > Watch Input Files and Run > Watch Interval…
// The watch is opt-in and lasts for the session; the interval is a setting.
// Watched runs are recorded in the run history with the source "watch".
#include <QAction>
#include <QInputDialog>
#include <QSettings>
#include <QStatusBar>

#include "app/document.h"
#include "app/main_window.h"
#include "app/pipeline_watcher.h"
#include "app/run_controller.h"
#include "app/window_actions.h"
#include "views/run_log.h"

namespace sluice {
namespace {

const QString kIntervalKey = QStringLiteral("watch/minIntervalSeconds");
constexpr int kDefaultIntervalSeconds = 5;

int savedIntervalSeconds() {
    return QSettings().value(kIntervalKey, kDefaultIntervalSeconds).toInt();
}

}  // namespace

void MainWindow::connectWatcher() {
    watcher_ = new PipelineWatcher(this);
    watcher_->setMinimumInterval(std::chrono::seconds(savedIntervalSeconds()));
    const WindowActions& a = *actions_;
    connect(a.watchInputs, &QAction::toggled, this, &MainWindow::setWatching);
    connect(a.watchInterval, &QAction::triggered, this, &MainWindow::askWatchInterval);
    // Every run, watched or not, reads the files as they are now.
    connect(runner_, &RunController::runStarted, this,
            [this] { watcher_->runStarted(document_->graph(), baseDirectory()); });
    connect(watcher_, &PipelineWatcher::rerunDue, this, [this](const QString& changed) {
        if (runner_->isRunning())
            return;  // asked again after this run (its start is the new baseline)
        log_->appendLine(tr("Watch"), tr("%1 changed: running again").arg(changed));
        // Recorded in the history as a "watch" run; the runs after it as usual.
        const QString pipeline = runner_->historyPipeline();
        runner_->setHistory(pipeline, QStringLiteral("watch"));
        runPipeline();
        runner_->setHistory(pipeline);
    });
    // Another pipeline reads other files.
    connect(document_, &Document::filePathChanged, this, [this] {
        if (watcher_->isWatching())
            watcher_->setWatching(true, document_->graph(), baseDirectory());
    });
}

void MainWindow::setWatching(bool on) {
    watcher_->setWatching(on, document_->graph(), baseDirectory());
    if (!on) {
        statusBar()->showMessage(tr("Stopped watching the input files"), 8000);
        return;
    }
    const int files = static_cast<int>(watcher_->files().size());
    const int seconds = static_cast<int>(watcher_->minimumInterval().count() / 1000);
    statusBar()->showMessage(
        files == 0 ? tr("Watching, but this pipeline reads no file yet (add a Read CSV node)")
                   : tr("Watching %n input file(s): a change runs the pipeline again "
                        "(at most once every %1 s)",
                        nullptr, files)
                         .arg(seconds),
        10000);
}

void MainWindow::askWatchInterval() {
    bool ok = false;
    const int seconds =
        QInputDialog::getInt(this, tr("Watch Interval"),
                             tr("Run a watched pipeline again at most once every (seconds):"),
                             savedIntervalSeconds(), 1, 24 * 3600, 1, &ok);
    if (!ok)
        return;
    QSettings().setValue(kIntervalKey, seconds);
    watcher_->setMinimumInterval(std::chrono::seconds(seconds));
}

}  // namespace sluice
