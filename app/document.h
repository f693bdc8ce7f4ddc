// Document: one open pipeline, i.e. its Graph, its undo history and its file.
//
// Contract:
// - Every edit request is exactly one QUndoCommand on undoStack() that changes
//   the Graph by id (document_commands.h) and announces the change with the
//   GraphDocument signals, after the Graph holds it, on do and on undo. A
//   request that changes nothing (unknown ids, same value) pushes nothing.
// - Refused requests (connection rules, parameter specs, unreadable
//   clipboard) change nothing and return the reason as a sentence for the
//   status bar.
// - isModified() is !undoStack()->isClean(): undoing back to the save point
//   makes the document clean again; modifiedChanged() reports each change.
// - open(), newDocument() and restoreFrom() replace the whole Graph, clear the
//   undo history and emit graphReset(). A failed open or save changes nothing
//   (the document keeps its Graph, path, history and modified flag).
// - Recovery copies: writeRecoveryCopy() saves the current Graph (saved or not)
//   to a per-document file in a folder; a successful save, open or new makes
//   that copy obsolete and deletes it, as does removeRecoveryCopy() (for a
//   clean close). restoreFrom() adopts a recovery file as a modified document
//   belonging to the original path.
// The 1-minute timer and the start-up offer are FileController's
// (file_controller.h).
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/recovery_files.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"
#include "views/graph_document.h"

namespace sluice {

struct EditTarget;  // document_commands.h

// The outcome of a file operation.
struct FileResult {
    QString error;         // empty on success; otherwise a sentence for a message box
    QStringList warnings;  // open / restore: what the loader repaired or dropped
    bool ok() const { return error.isEmpty(); }
};

// The outcome of a paste: the new nodes (for the caller to select), or why
// nothing was pasted.
struct PasteResult {
    std::vector<std::string> nodes;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

class Document : public GraphDocument {
    Q_OBJECT

public:
    // How far duplicate() shifts the copies, in scene units.
    static constexpr QPointF kDuplicateOffset{30, 30};

    explicit Document(QObject* parent = nullptr);
    explicit Document(const NodeRegistry& registry, QObject* parent = nullptr);
    ~Document() override;

    // --- GraphDocument: edits, each one undo step (see graph_document.h) ---
    const Graph& graph() const override { return graph_; }
    const NodeRegistry& registry() const override { return registry_; }
    std::string addNode(const std::string& type, QPointF position) override;
    void removeItems(const std::vector<std::string>& nodes,
                     const std::vector<GraphEdge>& edges) override;
    std::optional<std::string> connectPorts(const Endpoint& from, const Endpoint& to) override;
    std::optional<std::string> whyNotConnect(const Endpoint& from,
                                             const Endpoint& to) const override;
    // Consecutive moves of the same nodes within MoveCommand::kMergeWindow
    // merge into one step (arrow-key nudges).
    void moveNodes(const std::map<std::string, QPointF>& positions) override;
    // Refuses unknown parameters, nodes of unknown types and values the
    // ParamSpec refuses (its reason, prefixed with the parameter's label).
    std::optional<std::string> setParam(const std::string& node, const std::string& name,
                                        const nlohmann::json& value) override;
    void renameNode(const std::string& node, const std::string& title) override;
    // An undo macro: the requests in between undo and redo as one step.
    void beginEditGroup(const QString& text) override { undoStack_->beginMacro(text); }
    void endEditGroup() override { undoStack_->endMacro(); }

    // --- Clipboard (clipboard_format.h) ---
    // The clipboard text for the nodes and the edges between them; empty when
    // none of the ids exists (or the Graph holds invalid UTF-8).
    QString copyNodes(const std::vector<std::string>& ids) const;
    // Pastes with fresh ids, params, titles and internal edges kept, positions
    // shifted by `offset`, as one undo step; selects nothing itself.
    PasteResult pasteNodes(const QString& text, QPointF offset);
    // The rectangle the copied nodes' positions span (their top-left
    // corners), so that pasting at the cursor is pasteNodes(text, cursor -
    // topLeft()); nullopt for junk.
    std::optional<QRectF> clipboardBounds(const QString& text) const;
    // Copy and paste shifted by kDuplicateOffset (without going through text),
    // as one undo step; returns the new ids.
    std::vector<std::string> duplicate(const std::vector<std::string>& ids);

    // --- File ---
    void newDocument();
    // Loads what it can (warnings in the result); on a fatal error the
    // document is untouched and the error returned.
    FileResult open(const QString& path);
    // save() needs a path (else it fails asking for Save As); both write
    // atomically and keep the document modified on failure.
    FileResult save();
    FileResult saveAs(const QString& path);
    QString filePath() const { return path_; }
    // Meta "name", else the file's base name, else "Untitled".
    QString displayName() const;
    bool isModified() const { return !undoStack_->isClean(); }
    QUndoStack* undoStack() const { return undoStack_; }

    // --- Recovery (recovery_files.h) ---
    // Writes the current Graph to this document's recovery file in `dir`.
    FileResult writeRecoveryCopy(const QString& dir);
    // The file the last writeRecoveryCopy() wrote (or restoreFrom() adopted).
    QString recoveryFilePath() const { return recoveryPath_; }
    void removeRecoveryCopy();
    static QList<RecoveryFile> findRecoveryFiles(const QString& dir);
    // Loads a recovery file as a modified document whose filePath() is the
    // original file; a corrupt file leaves the document untouched.
    FileResult restoreFrom(const QString& recoveryPath);

signals:
    void modifiedChanged(bool modified);
    // The path changed (open, save as, new, restore). displayName() can change
    // with it and on graphReset() (a new meta "name"): refresh titles on both.
    void filePathChanged(const QString& path);

private:
    EditTarget target();
    void push(QUndoCommand* command);
    QString nameOf(const std::string& node) const;
    // Adds copies of the nodes and edges of `copies` with fresh ids, shifted
    // by `offset`, as one step named `label`; returns the new ids.
    std::vector<std::string> insertCopies(const Graph& copies, QPointF offset,
                                          const QString& label);
    // Replaces the whole document (open, new, restore).
    void reset(Graph graph, const QString& path, bool modified);
    FileResult saveTo(const QString& path);

    const NodeRegistry& registry_;
    Graph graph_;
    QUndoStack* undoStack_;
    QString path_;
    QString recoveryTag_;   // tells this document's recovery file apart
    QString recoveryPath_;  // the recovery copy on disk, if any
};

}  // namespace sluice
