#include "app/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>

#include "app/about_dialog.h"
#include "app/chart_feed.h"
#include "app/column_peek.h"
#include "app/crash_handler.h"
#include "app/document.h"
#include "app/file_controller.h"
#include "app/run_controller.h"
#include "app/shortcuts_dialog.h"
#include "app/user_guide_dialog.h"
#include "app/window_actions.h"
#include "resources/sluice_resources.h"
#include "views/canvas/graph_scene.h"
#include "views/canvas_view.h"
#include "views/charts/training_charts_panel.h"
#include "views/inspector.h"
#include "views/node_badge.h"
#include "views/node_library.h"
#include "views/preview/output_preview.h"
#include "views/run_log.h"

namespace sluice {
namespace {

QDockWidget* dock(QMainWindow* window, const QString& title, const char* name, QWidget* content,
                  Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, window);
    d->setObjectName(QString::fromLatin1(name));  // saveState() needs names
    d->setWidget(content);
    window->addDockWidget(area, d);
    return d;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new Document(this)),
      scene_(new GraphScene(document_, this)),
      canvas_(new CanvasView(this)),
      runner_(new RunController(builtinNodes(), this)),
      files_(new FileController(document_, this, this)) {
    setWindowIcon(resources::appIcon());
    setAcceptDrops(true);
    canvas_->setGraphScene(scene_);
    canvas_->viewport()->installEventFilter(this);  // node types dropped from the library
    setCentralWidget(canvas_);
    actions_ = std::make_unique<WindowActions>(this);
    peek_ = std::make_unique<ColumnPeek>(document_->registry());
    createDocks();
    createMenusAndToolbar();
    connectFiles();
    connectDocument();
    connectRunner();
    connectWatcher();
    statusBar()->showMessage(tr("Ready"));

    // 1280x800 suits the canvas and three docks, but never start larger than
    // the screen (small laptops, scaled displays).
    QSize size(1280, 800);
    if (const QScreen* screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
    // First start: a narrow library, a roomy inspector, and under the canvas
    // the log and the charts as tabs, tall enough for a chart.
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("logDock"))}, {250}, Qt::Vertical);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("libraryDock")),
                 findChild<QDockWidget*>(QStringLiteral("inspectorDock"))},
                {220, 300}, Qt::Horizontal);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // The log is the front tab until a node trains (ChartFeed). Tabs
        // exist once the window is laid out, hence the deferred call.
        if (auto* log = findChild<QDockWidget*>(QStringLiteral("logDock")))
            QTimer::singleShot(0, log, &QDockWidget::raise);
    }

    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() {
    // Children die in creation order: without this, the undo stack clearing
    // itself in the Document's destructor would call updateActions() on a
    // scene that is already gone, and late badges would reach it too.
    document_->undoStack()->disconnect(this);
    document_->disconnect(this);
    // peek_ goes before the child widgets: the inspector must not ask it.
    inspector_->setColumnProvider({});
    runner_->disconnect();
    scene_->disconnect(this);
}

OutputPreview* MainWindow::preview() const {
    return preview_;
}

void MainWindow::createDocks() {
    library_ = new NodeLibrary(document_->registry(), this);
    inspector_ = new Inspector(document_, this);
    log_ = new RunLog(this);
    // Library and inspector run the full height; the log sits under the canvas.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    dock(this, tr("Nodes"), "libraryDock", library_, Qt::LeftDockWidgetArea);
    dock(this, tr("Inspector"), "inspectorDock", inspector_, Qt::RightDockWidgetArea);
    QDockWidget* logDock = dock(this, tr("Run log"), "logDock", log_, Qt::BottomDockWidgetArea);
    charts_ = new TrainingChartsPanel(this);
    QDockWidget* chartsDock =
        dock(this, tr("Charts"), "chartsDock", charts_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(logDock, chartsDock);
    createRunsDock();

    connect(library_, &NodeLibrary::nodeChosen, this, [this](const QString& type) {
        addNodeAt(type, canvas_->mapToScene(canvas_->viewport()->rect().center()));
    });
    inspector_->setColumnProvider([this](const std::string& node, const std::string& param) {
        // Column pickers list the columns of the table feeding the node's
        // input that the parameter's name starts with ("right_keys": input
        // "right"), else its first table input; as the last run produced
        // them, or else as a peek at the data shows them (column_peek.h).
        const GraphNode* n = document_->graph().node(node);
        const NodeType* type = n ? document_->registry().find(n->type) : nullptr;
        if (!type)
            return QStringList();
        const auto& inputs = type->info().inputs;
        const auto named = std::find_if(inputs.begin(), inputs.end(), [&](const PortSpec& p) {
            return p.type == PortType::Table && param.rfind(p.name + "_", 0) == 0;
        });
        for (const PortSpec& port : inputs) {
            if (port.type != PortType::Table || (named != inputs.end() && &port != &*named))
                continue;
            const QStringList ran =
                runner_->columnsOf(QString::fromStdString(node), QString::fromStdString(port.name));
            if (!ran.isEmpty())
                return ran;
            return peek_
                ->columns(document_->graph(), {node, port.name}, baseDirectory().toStdString())
                .value_or(QStringList());
        }
        return QStringList();
    });
}

void MainWindow::createMenusAndToolbar() {
    const WindowActions& a = *actions_;
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({a.newFile, a.open});
    file->addMenu(a.openRecent);
    file->addMenu(a.examples);
    file->addSeparator();
    file->addActions({a.save, a.saveAs});
    file->addSeparator();
    file->addAction(a.exportPython);
    file->addSeparator();
    file->addAction(a.quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addActions({a.undo, a.redo});
    edit->addSeparator();
    edit->addActions({a.cut, a.copy, a.paste, a.duplicate, a.deleteSelection});
    edit->addSeparator();
    edit->addAction(a.selectAll);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({a.zoomIn, a.zoomOut, a.zoomFit});
    view->addSeparator();
    view->addActions({a.snapToGrid, a.minimap});
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    run->addActions({a.run, a.runToSelected, a.stop});
    QAction* sweep = run->addAction(tr("S&weep Parameters..."), this, &MainWindow::openSweepDialog);
    sweep->setObjectName(QStringLiteral("sweepAction"));
    sweep->setStatusTip(tr("Run the pipeline over several values of node parameters and compare"));
    run->addSeparator();
    run->addActions({a.watchInputs, a.watchInterval});

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addActions({a.userGuide, a.shortcuts});
    help->addSeparator();
    help->addActions({a.about, a.aboutQt});

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addActions({a.newFile, a.open, a.save});
    bar->addSeparator();
    bar->addActions({a.undo, a.redo});
    bar->addSeparator();
    bar->addActions({a.run, a.runToSelected, a.stop});
    bar->addSeparator();
    bar->addActions({a.zoomIn, a.zoomOut, a.zoomFit});

    // The File actions and menus: connectFiles().

    // closeAllWindows, not quit(): windows get a closeEvent and may veto.
    connect(a.quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);
    connect(a.undo, &QAction::triggered, document_->undoStack(), &QUndoStack::undo);
    connect(a.redo, &QAction::triggered, document_->undoStack(), &QUndoStack::redo);
    connect(a.cut, &QAction::triggered, this, &MainWindow::cutSelection);
    connect(a.copy, &QAction::triggered, this, &MainWindow::copySelection);
    connect(a.paste, &QAction::triggered, this, &MainWindow::pasteClipboard);
    connect(a.duplicate, &QAction::triggered, this, &MainWindow::duplicateSelection);
    connect(a.deleteSelection, &QAction::triggered, scene_, &GraphScene::deleteSelection);
    connect(a.selectAll, &QAction::triggered, this, &MainWindow::selectAll);
    connect(a.zoomIn, &QAction::triggered, canvas_, &CanvasView::zoomIn);
    connect(a.zoomOut, &QAction::triggered, canvas_, &CanvasView::zoomOut);
    connect(a.zoomFit, &QAction::triggered, canvas_, &CanvasView::fitToView);
    connect(a.snapToGrid, &QAction::toggled, scene_, &GraphScene::setSnapToGrid);
    a.minimap->setChecked(canvas_->isMinimapEnabled());
    connect(a.minimap, &QAction::toggled, canvas_, &CanvasView::setMinimapEnabled);
    connect(a.run, &QAction::triggered, this, &MainWindow::runPipeline);
    connect(a.runToSelected, &QAction::triggered, this, &MainWindow::runToSelected);
    connect(a.stop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.userGuide, &QAction::triggered, this, [this] {
        // One guide window: F1 again brings it to the front.
        if (!guide_) {
            guide_ = new UserGuideDialog(this);
            guide_->setAttribute(Qt::WA_DeleteOnClose);
        }
        guide_->show();
        guide_->raise();
        guide_->activateWindow();
    });
    connect(a.shortcuts, &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::connectDocument() {
    QUndoStack* undo = document_->undoStack();
    connect(undo, &QUndoStack::canUndoChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoStack::canRedoChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoStack::undoTextChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoStack::redoTextChanged, this, &MainWindow::updateActions);
    connect(document_, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(scene_, &QGraphicsScene::selectionChanged, this, [this] {
        const auto nodes = scene_->selectedNodeIds();
        inspector_->setNode(nodes.size() == 1 ? QString::fromStdString(nodes.front()) : QString());
        updateActions();
    });
    connect(scene_, &GraphScene::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(scene_, &GraphScene::nodeActivated, this, &MainWindow::showOutputs);
    connect(canvas_, &CanvasView::nodeContextMenuRequested, this,
            [this](const QString& id, QPoint globalPos) {
                updateActions();  // the selection changed to the clicked node
                QMenu* menu = createNodeMenu(id);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(globalPos);
            });
    // Any change may make results stale; one refresh per burst of signals.
    for (auto signal :
         {&GraphDocument::nodeAdded, &GraphDocument::nodeRemoved, &GraphDocument::nodeChanged})
        connect(document_, signal, this, &MainWindow::scheduleBadgeRefresh);
    connect(document_, &GraphDocument::edgesChanged, this, &MainWindow::scheduleBadgeRefresh);
    connect(document_, &GraphDocument::graphReset, this, [this] {
        scheduleBadgeRefresh();
        updateTitle();
        lastPasteAnchor_.reset();
    });
}

void MainWindow::connectRunner() {
    connect(runner_, &RunController::badgeChanged, scene_, &GraphScene::setBadge);
    chartFeed_ = new ChartFeed(runner_, document_, charts_, scene_, this);
    // Training curves come to the front when a node starts learning, unless
    // the user closed the dock (a tab behind the log is hidden, yet "on").
    connect(chartFeed_, &ChartFeed::trainingStarted, this, [this] {
        auto* d = findChild<QDockWidget*>(QStringLiteral("chartsDock"));
        if (d && d->toggleViewAction()->isChecked())
            d->raise();
    });
    connect(runner_, &RunController::logLine, this,
            [this](const QString& id, const QString& text, bool isError) {
                log_->appendLine(nodeLabel(id), text,
                                 isError ? RunLog::Severity::Error : RunLog::Severity::Info);
            });
    connect(runner_, &RunController::runStarted, this, [this] {
        statusBar()->showMessage(tr("Running…"));
        updateActions();
    });
    connect(runner_, &RunController::runFinished, this, [this](bool ok, bool cancelled) {
        statusBar()->showMessage(cancelled ? tr("Run stopped")
                                 : ok      ? tr("Run finished")
                                           : tr("Run finished with errors: see the run log"),
                                 10000);
        updateActions();
        inspector_->refreshColumns();
    });
}

void MainWindow::scheduleBadgeRefresh() {
    if (badgeRefreshPending_)
        return;
    badgeRefreshPending_ = true;
    QTimer::singleShot(0, this, [this] {
        badgeRefreshPending_ = false;
        runner_->refreshBadges(document_->graph(), baseDirectory());
    });
}

QString MainWindow::baseDirectory() const {
    return files_->baseDirectory();
}

QString MainWindow::nodeLabel(const QString& id) const {
    const GraphNode* node = document_->graph().node(id.toStdString());
    if (!node)
        return id;
    return node->title.empty() ? id : QString::fromStdString(node->title);
}

void MainWindow::updateTitle() {
    // "[*]" is where Qt puts the platform's unsaved-changes mark.
    setWindowTitle(tr("%1[*] — Sluice").arg(document_->displayName()));
    setWindowModified(document_->isModified());
    // What a crash report names as open (crash_handler.h).
    const QString path = document_->filePath();
    crash::setPipelineName((path.isEmpty()
                                ? document_->displayName()
                                : QStringLiteral("%1 (%2)").arg(document_->displayName(),
                                                                QDir::toNativeSeparators(path)))
                               .toStdString());
}

void MainWindow::updateActions() {
    const WindowActions& a = *actions_;
    QUndoStack* undo = document_->undoStack();
    a.undo->setEnabled(undo->canUndo());
    a.redo->setEnabled(undo->canRedo());
    a.undo->setText(undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    a.redo->setText(undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
    const bool running = runner_->isRunning();
    const bool oneSelected = scene_->selectedNodeIds().size() == 1;
    a.run->setEnabled(!running);
    a.runToSelected->setEnabled(!running && oneSelected);
    a.stop->setEnabled(running);
}

void MainWindow::runPipeline() {
    if (runner_->isRunning())
        return;
    log_->appendLine(tr("Run"), tr("started"));
    runner_->run(document_->graph(), baseDirectory());
}

void MainWindow::runToSelected() {
    const auto nodes = scene_->selectedNodeIds();
    if (runner_->isRunning() || nodes.size() != 1)
        return;
    log_->appendLine(tr("Run"),
                     tr("started up to %1").arg(nodeLabel(QString::fromStdString(nodes[0]))));
    runner_->run(document_->graph(), baseDirectory(), nodes.front());
}

void MainWindow::stopRun() {
    runner_->stop();
}

void MainWindow::showOutputs(const QString& nodeId) {
    const auto outputs = runner_->outputs(nodeId);
    if (!outputs) {
        statusBar()->showMessage(
            tr("%1 has no results yet: run the pipeline first (F5)").arg(nodeLabel(nodeId)), 8000);
        return;
    }
    if (!preview_) {
        preview_ = new OutputPreview(this);
        preview_->setAttribute(Qt::WA_DeleteOnClose);
    }
    // Results of a node edited since its run are shown, but never as current.
    QString title = nodeLabel(nodeId) + QStringLiteral(" (") + nodeId + QStringLiteral(")");
    if (runner_->badge(nodeId).state == NodeBadge::State::Stale)
        title += tr(" — stale: computed before your last changes");
    preview_->setOutputs(title, *outputs);
    preview_->show();
    preview_->raise();
}

void MainWindow::showAbout() {
    // A closed box may still await deferred deletion, hence the visibility check.
    if (about_ && about_->isVisible()) {
        about_->raise();
        about_->activateWindow();
        return;
    }
    about_ = new AboutDialog(this);
    about_->setAttribute(Qt::WA_DeleteOnClose);
    about_->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!files_->maybeSave()) {
        event->ignore();
        return;
    }
    runner_->stop();
    document_->removeRecoveryCopy();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && actions_)
        actions_->refreshIcons(this);  // light <-> dark
    QMainWindow::changeEvent(event);
}

}  // namespace sluice
