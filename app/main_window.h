#pragma once

#include <QMainWindow>
#include <QPointF>
#include <QPointer>
#include <QRectF>

#include <memory>
#include <optional>

class QMenu;

namespace sluice {

class AboutDialog;
class CanvasView;
class ChartFeed;
class ColumnPeek;
class Document;
class FileController;
class GraphScene;
class Inspector;
class NodeLibrary;
class OutputPreview;
class PipelineWatcher;
class SweepDialog;
class UserGuideDialog;
class RunController;
class RunLog;
class RunsPanel;
class TrainingChartsPanel;
struct NodeBadge;
struct WindowActions;

// The application window: the pipeline canvas in the middle, the node
// library (left), the inspector (right), the run log and the live training
// charts (bottom, side by side) as docks,
// menus and a toolbar with standard shortcuts, and a status bar.
//
// It wires parts that know nothing of each other: every edit goes from the
// canvas, library or inspector to the Document as an undo command; the
// RunController runs a copy of the Graph on worker threads and its badges
// go to the scene; the FileController does the File menu, dropped files and
// recovery copies. Dock layout and geometry persist in QSettings. Closing
// with unsaved changes asks first; an unsaved pipeline is copied for
// recovery every minute.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    CanvasView* canvas() const { return canvas_; }
    GraphScene* scene() const { return scene_; }
    Document* document() const { return document_; }
    RunController* runner() const { return runner_; }
    // New, open, save, export, Recent, Examples, drops and recovery.
    FileController* files() const { return files_; }
    NodeLibrary* library() const { return library_; }
    Inspector* inspector() const { return inspector_; }
    RunLog* runLog() const { return log_; }
    // The Charts dock's content: live training curves.
    TrainingChartsPanel* charts() const { return charts_; }
    // The Runs dock's content: the pipeline's recorded runs.
    RunsPanel* runsPanel() const { return runs_; }
    PipelineWatcher* watcher() const { return watcher_; }
    const WindowActions& actions() const { return *actions_; }

    // Opens a pipeline file (command line, Examples, Recent, a dropped
    // file). A file that fails to load leaves the current pipeline as it
    // was; the reason and any loader warnings are shown in the log, the
    // status bar and (unless `quiet`) a message box. Never throws.
    bool openFile(const QString& path, bool quiet = false);
    // The file given to the last openFile(), loaded or not.
    QString requestedPipeline() const;
    // Kept for main(): openFile with messages in the status bar only.
    void requestPipeline(const QString& path) { openFile(path, true); }

    // Where recovery copies live (QStandardPaths app data, "recovery").
    static QString recoveryDirectory();
    // After start-up: if a previous session left recovery copies, offers to
    // restore the newest (the others stay until restored or discarded).
    void offerRecovery();

    // The preview window of the last double-clicked node, if open.
    OutputPreview* preview() const;

    // The menu a right-click on node `id` opens (the node is selected by
    // then): Show output, Run to here, Clear training chart (when it has
    // one), Cut, Copy, Duplicate, Delete. The caller owns it.
    QMenu* createNodeMenu(const QString& id);

public slots:
    void showAbout();
    void runPipeline();
    void runToSelected();
    void stopRun();
    void showOutputs(const QString& nodeId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createDocks();
    void createRunsDock();  // main_window_runs.cpp
    void createMenusAndToolbar();
    void connectDocument();
    void connectRunner();
    // Run > Watch Input Files (main_window_watch.cpp).
    void connectWatcher();
    void setWatching(bool on);
    void askWatchInterval();
    // Run > Sweep... (main_window_sweep.cpp): one dialog, reused.
    void openSweepDialog();
    void updateTitle();
    void updateActions();
    void scheduleBadgeRefresh();
    QString baseDirectory() const;
    QString nodeLabel(const QString& id) const;

    // The File menu and drops to files_ and what it reports to the window
    // (main_window_files.cpp).
    void connectFiles();

    // Clipboard (main_window_edit.cpp).
    void copySelection();
    void cutSelection();
    void pasteClipboard();
    void duplicateSelection();
    void selectAll();
    void selectNodes(const std::vector<std::string>& ids);
    void addNodeAt(const QString& typeId, QPointF scenePos);

    Document* document_;
    GraphScene* scene_;
    CanvasView* canvas_;
    RunController* runner_;
    FileController* files_;
    NodeLibrary* library_ = nullptr;
    Inspector* inspector_ = nullptr;
    RunLog* log_ = nullptr;
    TrainingChartsPanel* charts_ = nullptr;
    RunsPanel* runs_ = nullptr;
    ChartFeed* chartFeed_ = nullptr;
    PipelineWatcher* watcher_ = nullptr;
    std::unique_ptr<WindowActions> actions_;
    std::unique_ptr<ColumnPeek> peek_;  // columns before a run
    QPointer<AboutDialog> about_;
    QPointer<SweepDialog> sweep_;
    QPointer<UserGuideDialog> guide_;
    QPointer<OutputPreview> preview_;
    // Where a paste not at the pointer goes: the first place below the
    // copied nodes (their position rectangle) that no card covers.
    QPointF freePlaceBelow(const QRectF& copied) const;
    // Pastes in a row at one place cascade (pasteClipboard).
    static constexpr qreal kPasteGap = 40.0;
    static constexpr int kMaxPasteSteps = 100;
    std::optional<QPointF> lastPasteAnchor_;
    int pasteCount_ = 0;
    bool badgeRefreshPending_ = false;
};

}  // namespace sluice
