// The clipboard format for copied nodes, so that copy and paste work between
// windows, between Sluice processes and through any text editor:
//
//   {"format": "sluice.clipboard", "version": 1,
//    "nodes": [...], "edges": [...]}
//
// Nodes and edges are written exactly as in .sluice files (pipeline_file.h),
// through the same writer and the same tolerant reader, so both formats agree
// by construction. Edges are only those between the copied nodes. Path
// parameters are kept as they are in the Graph (absolute once loaded), since a
// clipboard has no folder of its own.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice {

inline constexpr std::string_view kClipboardFormatName = "sluice.clipboard";
inline constexpr int kClipboardFormatVersion = 1;

// Clipboard text that is not copied nodes; the message is a sentence for the
// status bar.
class ClipboardError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The text for the nodes `ids` of `graph` (in graph order; unknown ids are
// skipped) and the edges between them. Throws ClipboardError when the graph
// holds text that is not valid UTF-8.
std::string clipboardText(const Graph& graph, const std::vector<std::string>& ids,
                          const NodeRegistry& registry = builtinNodes());

// What was copied, as a Graph with the clipboard's own ids (unique, but not
// yet fresh in any document) and no meta. Whatever the pipeline reader can
// repair is repaired (warnings are dropped: a paste keeps what loads); text
// that is not JSON, not a clipboard, from a newer version or without any node
// throws ClipboardError.
Graph graphFromClipboard(std::string_view text, const NodeRegistry& registry = builtinNodes());

}  // namespace sluice
