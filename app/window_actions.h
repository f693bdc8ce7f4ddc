#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace sluice {

// Every action of the main window, created once with its text, standard
// shortcut, icon and object name (tests find actions by name). MainWindow
// connects them and builds the menus and toolbar from them; this class only
// makes them, so the shortcut table reads in one place.
struct WindowActions {
    explicit WindowActions(QWidget* window);

    // File
    QAction* newFile;
    QAction* open;
    QMenu* openRecent;
    QMenu* examples;
    QAction* save;
    QAction* saveAs;
    QAction* exportPython;
    QAction* quit;
    // Edit
    QAction* undo;
    QAction* redo;
    QAction* cut;
    QAction* copy;
    QAction* paste;
    QAction* duplicate;
    QAction* deleteSelection;
    QAction* selectAll;
    // View
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* zoomFit;
    QAction* snapToGrid;
    QAction* minimap;
    // Run
    QAction* run;
    QAction* runToSelected;
    QAction* stop;
    QAction* watchInputs;    // checkable: re-run when input files change
    QAction* watchInterval;  // asks for the minimum seconds between watched runs
    // Help
    QAction* userGuide;  // Help > User Guide (F1)
    QAction* shortcuts;  // Help > Keyboard Shortcuts
    QAction* about;
    QAction* aboutQt;

    // Re-renders the icons in the window's current palette (light/dark switch).
    void refreshIcons(QWidget* window);
};

}  // namespace sluice
