// Recovery copies: the unsaved state of a document written to a folder every
// so often, so that a crash or a power cut loses at most the last minute.
//
// A recovery file is an ordinary pipeline file (same writer, same tolerant
// reader) named "<name>-<tag>.sluice-recovery", where <tag> tells documents
// with the same name apart. Its meta records the file the document belongs to
// under kRecoveryOfKey ("" for a document never saved); the key is removed
// again when the copy is read back. Path parameters are written exactly as the
// Graph holds them, so the copy does not depend on where it lives.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <stdexcept>
#include <vector>

#include "graph/graph.h"
#include "nodes/node_registry.h"
#include "pipeline_io/pipeline_file.h"

namespace sluice {

inline constexpr char kRecoverySuffix[] = ".sluice-recovery";
inline constexpr char kRecoveryOfKey[] = "recovery_of";

// A recovery file found in a folder, for the start-up offer.
struct RecoveryFile {
    QString path;
    QString originalPath;  // empty for a document that was never saved
    QString name;          // the pipeline's meta "name", else empty
    QDateTime written;     // the file's modification time
    QString problem;       // why the file cannot be read; empty when it can
};

// The file name (without folder) for a document called `name` with `tag`;
// characters unsafe in file names are replaced.
QString recoveryFileName(const QString& name, const QString& tag);

// Writes `graph`, recording `originalPath`, atomically to `path` (creating its
// folder). Throws PipelineFileError with a message naming the path and reason.
void writeRecoveryFile(const Graph& graph, const QString& originalPath, const QString& path,
                       const NodeRegistry& registry = builtinNodes());

struct RecoveredDocument {
    Graph graph;  // without kRecoveryOfKey in its meta
    QString originalPath;
    std::vector<PipelineWarning> warnings;
};

// Reads a recovery file. Throws PipelineFileError with a clear message for a
// file that is missing, unreadable or not a pipeline.
RecoveredDocument readRecoveryFile(const QString& path,
                                   const NodeRegistry& registry = builtinNodes());

// Every recovery file in `dir`, newest first; unreadable ones are listed too,
// with their problem, so the user can be told and the file discarded.
QList<RecoveryFile> listRecoveryFiles(const QString& dir,
                                      const NodeRegistry& registry = builtinNodes());

}  // namespace sluice
