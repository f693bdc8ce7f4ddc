#include "app/main_window.h"

#include "app/about_dialog.h"
#include "resources/sluice_resources.h"
#include "views/canvas_view.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>

namespace sluice {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), canvas_(new CanvasView(this)) {
    setWindowTitle(tr("Sluice"));
    setWindowIcon(resources::appIcon());
    setCentralWidget(canvas_);
    createMenus();
    statusBar()->showMessage(tr("Ready"));

    // 1200x800 suits the canvas plus the panels to come, but never start larger
    // than the screen (small laptops, scaled displays).
    QSize size(1200, 800);
    if (const QScreen* screen = this->screen()) {
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    }
    resize(size);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    // closeAllWindows, not quit(): windows get a closeEvent, where unsaved
    // pipelines will be able to veto.
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    // The platform's Quit key where it has one (Ctrl+Q on Linux, Cmd+Q on macOS).
    // Windows and Qt's offscreen platform define none; Ctrl+Q is what other
    // cross-platform apps use there, and it keeps the action testable.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) {
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    }
    quit->setShortcuts(quitKeys);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* about = help->addAction(tr("&About Sluice"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
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

void MainWindow::requestPipeline(const QString& path) {
    requestedPipeline_ = path;
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    QString message;
    if (!info.exists()) {
        message = tr("Pipeline file not found: %1").arg(shown);
    } else if (!info.isFile() || !info.isReadable()) {
        message = tr("Cannot read pipeline file: %1").arg(shown);
    } else {
        message = tr("Pipelines open in a later version; %1 was not loaded.").arg(shown);
    }
    statusBar()->showMessage(message);
}

}  // namespace sluice
