#pragma once

#include <QMainWindow>
#include <QPointer>

namespace sluice {

class AboutDialog;
class CanvasView;

/// The application window: the pipeline canvas in the middle, File and Help
/// menus, and a status bar. Only actions that work are shown; File > New, Open
/// and Save arrive with the Document in a later version.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    CanvasView* canvas() const { return canvas_; }

    /// Remembers the pipeline file the user asked for (e.g. on the command
    /// line) and says in the status bar what happened to it. Nothing loads
    /// pipelines yet, so an existing file is only acknowledged; a missing or
    /// unreadable one is reported. Never throws, whatever the path.
    void requestPipeline(const QString& path);

    /// The path given to requestPipeline(), or empty.
    QString requestedPipeline() const { return requestedPipeline_; }

public slots:
    /// Shows the About box without blocking (window-modal, deleted on close);
    /// a second call raises the open one instead of stacking another.
    void showAbout();

private:
    void createMenus();

    CanvasView* canvas_ = nullptr;
    QPointer<AboutDialog> about_;  // the open About box, if any
    QString requestedPipeline_;
};

}  // namespace sluice
