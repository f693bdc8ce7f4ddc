// FileController: the File menu of a window for its one Document: new, open,
// save, save as, export as Python, the Open Recent and Examples menus, dropped
// pipeline files, and the recovery copies of unsaved work. MainWindow creates
// it, wires its actions, menus and drops to it and shows what it reports; the
// controller knows no other part of the window.
//
// Contract:
// - Unsaved changes: newFile(), openDialog(), openAsking() (drops) and the
//   entries of the Recent and Examples menus first ask maybeSave(): Save
//   (saves, as save() does), Discard, or Cancel, which (like a failed save)
//   does nothing more. openFile() itself never asks.
// - Replacing the document: every new and every open, even one that will
//   fail, first emits aboutToReplace() (the window stops its run). A
//   successful one then emits replaced() (past results and badges are
//   obsolete); an open then lists the loader's warnings, sets the status and
//   emits opened(path) last. A failed open leaves the Document as it was
//   (Document::open) and says why: in the status, as an Error log line and,
//   unless quiet, in a message box. openFile() never throws.
// - requestedPipeline() is the path given to the last openFile(), loaded or
//   not.
// - Saving: save() of a document without a file is saveAs(). A failed save
//   or save as shows a message box, returns false and leaves the document
//   open and modified; a cancelled file dialog returns false quietly. A
//   successful save as emits savedAs(path): relative paths now resolve
//   against another folder. A name chosen without suffix gets ".sluice"
//   (save as) or ".py" (export).
// - Successful opens, saves and saves as put the file first in RecentFiles.
// - exportPythonDialog() writes a script and changes nothing in the Document
//   (no undo step); a node that cannot be exported is a message box and no
//   file.
// - Recovery: every recoveryInterval() (1 minute) a modified document is
//   copied to recoveryDirectory() (Document::writeRecoveryCopy); a failure
//   is a Warning log line. offerRecovery() (after start-up) goes through the
//   copies found there, newest first: a damaged one is a Warning log line and
//   is deleted; for the others it asks whether to restore: Yes restores that
//   one and stops, No deletes it and goes on. Before that it tells of each
//   crash report written there since the last start (crash_handler.h).
// - What the user should read comes as statusMessage(text, timeoutMs) (0:
//   until replaced) and logLine(source, text, severity). Dialogs and message
//   boxes are modal, on dialogParent.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include "views/run_log.h"

class QMenu;
class QMimeData;
class QWidget;

namespace sluice {

class Document;

class FileController : public QObject {
    Q_OBJECT

public:
    static constexpr int kRecoveryIntervalMs = 60'000;

    // `document` must outlive the controller; `dialogParent` (may be null)
    // is the parent of the dialogs and message boxes.
    FileController(Document* document, QWidget* dialogParent, QObject* parent = nullptr);

    Document* document() const { return document_; }
    // The folder relative paths resolve against: the file's folder, empty
    // while the pipeline was never saved.
    QString baseDirectory() const;

    // --- File menu ---
    void newFile();
    // Asks for a pipeline file (starting in the current file's folder) and
    // opens it.
    void openDialog();
    bool openFile(const QString& path, bool quiet = false);
    // maybeSave(), then openFile(path) with message boxes.
    bool openAsking(const QString& path);
    QString requestedPipeline() const { return requestedPipeline_; }
    bool save();
    bool saveAs();
    void exportPythonDialog();
    // True when the document may be replaced: unmodified, saved, or the user
    // discarded the changes; false if they cancelled or the save failed.
    bool maybeSave();

    // --- Menus (filled anew on each call) ---
    // The recent files (RecentFiles), each opening its file, and "Clear
    // list"; "No recent pipelines" (disabled) when there is none.
    void rebuildRecentMenu(QMenu* menu);
    // The bundled examples (example_pipelines.h), each opening its file;
    // "No examples installed" (disabled) when there is none.
    void rebuildExamplesMenu(QMenu* menu);

    // --- Dropped files ---
    // The local path of the first *.sluice file among the dropped URLs,
    // else empty.
    static QString droppedPipeline(const QMimeData* mime);

    // --- Recovery ---
    // Where recovery copies live by default (QStandardPaths app data,
    // "recovery").
    static QString standardRecoveryDirectory();
    // standardRecoveryDirectory() (as it is when used) unless set.
    QString recoveryDirectory() const;
    void setRecoveryDirectory(const QString& dir) { recoveryDirectory_ = dir; }
    int recoveryInterval() const { return recoveryTimer_.interval(); }
    void setRecoveryInterval(int ms) { recoveryTimer_.setInterval(ms); }
    // Copies the document to recoveryDirectory() if it is modified.
    void writeRecoveryCopy();
    void offerRecovery();

signals:
    void statusMessage(const QString& text, int timeoutMs);
    // Lines for the run log (source: what the line is about, e.g. "Open").
    void logLine(const QString& source, const QString& text, sluice::RunLog::Severity severity);
    void aboutToReplace();
    void replaced();
    void opened(const QString& path);
    void savedAs(const QString& path);

private:
    Document* document_;
    QWidget* dialogParent_;
    QString requestedPipeline_;
    QString recoveryDirectory_;  // empty: the standard one
    QTimer recoveryTimer_;
};

}  // namespace sluice
