#include "app/window_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

#include "resources/sluice_resources.h"

namespace sluice {
namespace {

QAction* make(QWidget* window, const QString& text, const char* name,
              QList<QKeySequence> keys = {}) {
    auto* action = new QAction(text, window);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcuts(keys);
    // Shortcuts work wherever focus is in the window (docks included), but the
    // widgets that handle the key themselves (text fields: Ctrl+C, Delete)
    // get it first.
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

// A platform's standard binding, or `fallback` where it defines none (Qt's
// offscreen platform and some desktops have no Quit or Delete key).
QList<QKeySequence> standard(QKeySequence::StandardKey key, QKeySequence fallback) {
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        keys << fallback;
    return keys;
}

}  // namespace

WindowActions::WindowActions(QWidget* window) {
    using K = QKeySequence;
    newFile =
        make(window, QObject::tr("&New"), "newAction", standard(K::New, K(Qt::CTRL | Qt::Key_N)));
    open = make(window, QObject::tr("&Open…"), "openAction",
                standard(K::Open, K(Qt::CTRL | Qt::Key_O)));
    openRecent = new QMenu(QObject::tr("Open &Recent"), window);
    openRecent->setObjectName(QStringLiteral("recentMenu"));
    examples = new QMenu(QObject::tr("&Examples"), window);
    examples->setObjectName(QStringLiteral("examplesMenu"));
    save = make(window, QObject::tr("&Save"), "saveAction",
                standard(K::Save, K(Qt::CTRL | Qt::Key_S)));
    saveAs = make(window, QObject::tr("Save &As…"), "saveAsAction",
                  standard(K::SaveAs, K(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    exportPython = make(window, QObject::tr("Export as &Python…"), "exportPythonAction");
    exportPython->setStatusTip(
        QObject::tr("Write the pipeline as a Python script using pandas and scikit-learn"));
    quit = make(window, QObject::tr("&Quit"), "quitAction",
                standard(K::Quit, K(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);

    undo = make(window, QObject::tr("&Undo"), "undoAction",
                standard(K::Undo, K(Qt::CTRL | Qt::Key_Z)));
    redo = make(window, QObject::tr("&Redo"), "redoAction",
                standard(K::Redo, K(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    cut = make(window, QObject::tr("Cu&t"), "cutAction", standard(K::Cut, K(Qt::CTRL | Qt::Key_X)));
    copy = make(window, QObject::tr("&Copy"), "copyAction",
                standard(K::Copy, K(Qt::CTRL | Qt::Key_C)));
    paste = make(window, QObject::tr("&Paste"), "pasteAction",
                 standard(K::Paste, K(Qt::CTRL | Qt::Key_V)));
    duplicate =
        make(window, QObject::tr("D&uplicate"), "duplicateAction", {K(Qt::CTRL | Qt::Key_D)});
    deleteSelection = make(window, QObject::tr("&Delete"), "deleteAction",
                           standard(K::Delete, K(Qt::Key_Delete)));
    selectAll = make(window, QObject::tr("Select &All"), "selectAllAction",
                     standard(K::SelectAll, K(Qt::CTRL | Qt::Key_A)));

    zoomIn = make(window, QObject::tr("Zoom &In"), "zoomInAction",
                  standard(K::ZoomIn, K(Qt::CTRL | Qt::Key_Plus)));
    zoomOut = make(window, QObject::tr("Zoom &Out"), "zoomOutAction",
                   standard(K::ZoomOut, K(Qt::CTRL | Qt::Key_Minus)));
    zoomFit =
        make(window, QObject::tr("&Fit to Window"), "zoomFitAction", {K(Qt::CTRL | Qt::Key_0)});
    snapToGrid = make(window, QObject::tr("&Snap to Grid"), "snapAction", {});
    snapToGrid->setCheckable(true);
    minimap = make(window, QObject::tr("&Minimap"), "minimapAction", {K(Qt::CTRL | Qt::Key_M)});
    minimap->setCheckable(true);

    run = make(window, QObject::tr("&Run"), "runAction", {K(Qt::Key_F5)});
    runToSelected =
        make(window, QObject::tr("Run to &Selected"), "runToAction", {K(Qt::CTRL | Qt::Key_F5)});
    stop = make(window, QObject::tr("S&top"), "stopAction", {K(Qt::SHIFT | Qt::Key_F5)});
    watchInputs = make(window, QObject::tr("&Watch Input Files"), "watchInputsAction",
                       {K(Qt::CTRL | Qt::ALT | Qt::Key_W)});
    watchInputs->setCheckable(true);
    watchInputs->setStatusTip(
        QObject::tr("Run the pipeline again whenever a file it reads changes"));
    watchInterval = make(window, QObject::tr("Watch &Interval…"), "watchIntervalAction");

    userGuide = make(window, QObject::tr("&User Guide"), "userGuideAction",
                     standard(K::HelpContents, K(Qt::Key_F1)));
    shortcuts = make(window, QObject::tr("&Keyboard Shortcuts"), "shortcutsAction");
    about = make(window, QObject::tr("&About Sluice"), "aboutAction");
    about->setMenuRole(QAction::AboutRole);
    aboutQt = make(window, QObject::tr("About &Qt"), "aboutQtAction");
    aboutQt->setMenuRole(QAction::AboutQtRole);

    refreshIcons(window);
}

void WindowActions::refreshIcons(QWidget* window) {
    const QColor ink = window->palette().color(QPalette::ButtonText);
    const std::pair<QAction*, const char*> icons[] = {{newFile, "new"},
                                                      {open, "open"},
                                                      {save, "save"},
                                                      {undo, "undo"},
                                                      {redo, "redo"},
                                                      {run, "run"},
                                                      {runToSelected, "run-to"},
                                                      {stop, "stop"},
                                                      {zoomIn, "zoom-in"},
                                                      {zoomOut, "zoom-out"},
                                                      {zoomFit, "zoom-fit"},
                                                      {deleteSelection, "delete"},
                                                      {duplicate, "duplicate"}};
    for (const auto& [action, name] : icons)
        action->setIcon(resources::actionIcon(QString::fromLatin1(name), ink));
}

}  // namespace sluice
