// `.sluice` pipeline files: a Graph saved as JSON that diffs well in git,
// loaded back with every problem it can survive reported as a warning.
//
// Format (version 1):
//   {"edges": [{"from": [node, port], "to": [node, port]}, ...],
//    "format": "sluice.pipeline",
//    "meta": {"name": ..., "description": ..., ...},
//    "nodes": [{"id", "params": {...}, "position": [x, y], "title", "type"}, ...],
//    "version": 1}
// Written with object keys sorted, nodes and edges in graph order, 2-space
// indentation, arrays of plain values on one line ("position": [0, 0]) and a
// trailing newline; integral numbers are written without a fraction. So
// save -> load -> save is byte-identical.
//
// Paths: a parameter whose ParamSpec kind is Path is stored relative to the
// pipeline file's folder with '/' separators (unless it is on another root,
// e.g. another Windows drive) and made absolute again on load, so a folder
// holding a pipeline and its data can move as a whole. With an empty
// baseDirectory paths are left exactly as they are.
//
// Loading:
// - Fatal (PipelineFileError, with the message): a file that cannot be read,
//   invalid JSON (with line and column), a top level that is no object, a
//   missing or foreign "format", a missing or non-integer "version", and a
//   version newer than kPipelineFormatVersion (both versions named).
// - Everything else is a PipelineWarning naming the node and field, and
//   what can load, loads:
//   * a missing field is replaced by its default (title "", position [0, 0],
//     params {}, meta {}, no nodes / edges); a field of the wrong type too;
//   * a node without a usable "id" gets a fresh one ("n<k>", free in the file);
//   * a duplicate id: the later node is kept under a fresh id; edges naming
//     the id attach to the first node that has it;
//   * a node without a "type" (or a non-object node) is dropped;
//   * a parameter out of range (ParamSpec::problemWith) or unknown to its node
//     type is kept as written, so nothing the user typed is lost; validate()
//     reports it again before a run; an empty text or list (a node not
//     filled in yet) is no warning;
//   * an edge that is malformed, names an unknown node or port, or breaks a
//     connection rule (type mismatch, self-loop, input taken, cycle) is dropped;
//   * unknown fields are ignored.
// - A node type the registry does not know loads as a placeholder: id, type,
//   title, position and params JSON kept exactly (its paths are not touched),
//   its edges kept as far as the known side allows, and saved back unchanged.
//
// Migrations: an older file is migrated forward one version step at a time
// (pipeline_migrations.h) before it is read. Version 0 was the format of the
// first prototype builds:
//   {"sluice_pipeline": 0, "name": ..., "description": ...,
//    "nodes": [{"id", "type", "title", "x", "y", "parameters": {...}}],
//    "edges": [{"source": "node:port", "target": "node:port"}]}
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

inline constexpr std::string_view kPipelineFormatName = "sluice.pipeline";
inline constexpr int kPipelineFormatVersion = 1;

// A file that cannot be read or written as a pipeline at all.
class PipelineFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A problem the loader survived. node is empty for file-wide problems; field
// is the field, parameter or port at fault. message is a whole sentence that
// names both, for the user.
struct PipelineWarning {
    std::string node;
    std::string field;
    std::string message;
};

struct PipelineLoadResult {
    Graph graph;
    std::vector<PipelineWarning> warnings;
};

// The file text of `graph`; path parameters of node types in `registry` are
// written relative to baseDirectory. Throws PipelineFileError if the graph
// holds text that is not valid UTF-8.
std::string pipelineToText(const Graph& graph, const std::string& baseDirectory,
                           const NodeRegistry& registry = builtinNodes());

// Writes atomically (atomic_file.h). Throws PipelineFileError naming the path
// and the reason; a failed save leaves the previous file intact.
void savePipeline(const Graph& graph, const std::string& path,
                  const NodeRegistry& registry = builtinNodes());

// `name` (usually the file path) is used in fatal messages only.
PipelineLoadResult pipelineFromText(std::string_view text, const std::string& baseDirectory,
                                    const NodeRegistry& registry = builtinNodes(),
                                    const std::string& name = "pipeline");

// Relative paths in the file are taken from the file's folder.
PipelineLoadResult loadPipeline(const std::string& path,
                                const NodeRegistry& registry = builtinNodes());

}  // namespace sluice
