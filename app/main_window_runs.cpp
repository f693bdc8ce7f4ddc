// MainWindow's Runs dock: the run history of the open pipeline. Runs of a
// saved pipeline are recorded by the RunController; the panel follows the
// document's file and re-reads the history after every recorded run.
#include <QDockWidget>
#include <QStatusBar>

#include "app/document.h"
#include "app/main_window.h"
#include "app/run_controller.h"
#include "views/history/runs_panel.h"

namespace sluice {

void MainWindow::createRunsDock() {
    runs_ = new RunsPanel(document_, this);
    auto* d = new QDockWidget(tr("Runs"), this);
    d->setObjectName(QStringLiteral("runsDock"));  // saveState() needs names
    d->setWidget(runs_);
    addDockWidget(Qt::BottomDockWidgetArea, d);
    if (auto* charts = findChild<QDockWidget*>(QStringLiteral("chartsDock")))
        tabifyDockWidget(charts, d);

    // An unsaved pipeline has no folder to record in: the runner records
    // nothing and the panel says so.
    auto follow = [this](const QString& path) {
        runner_->setHistory(path);
        runs_->setPipelinePath(path);
    };
    connect(document_, &Document::filePathChanged, this, follow);
    connect(runner_, &RunController::runRecorded, runs_, &RunsPanel::refresh);
    connect(runs_, &RunsPanel::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    follow(document_->filePath());
}

}  // namespace sluice
