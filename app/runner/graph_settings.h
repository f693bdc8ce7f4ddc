// Applying the command line to a loaded pipeline: --set NODE.PARAM=VALUE and
// --run-to NODE.
//
// Contract:
// - NODE is a node id, or else the title of exactly one node (titles match
//   exactly, case included). An unknown name, or a title several nodes share,
//   throws UsageError naming the option and listing the candidates.
// - PARAM must be a parameter of the node's type (a node whose type this
//   build does not know takes no --set). Otherwise UsageError listing the
//   type's parameters.
// - VALUE is read as JSON when it parses ("2", "0.5", "true", "[64,32]",
//   "\"x\"") and as the plain text otherwise; if the JSON reading is not
//   acceptable for the parameter but the plain text is (a numeric-looking
//   file name, a list kept as text), the text is used. The value is then
//   checked with NodeType::paramProblems; a problem with that parameter throws
//   UsageError naming node, parameter and reason. Problems of other
//   parameters (already in the file) are left for the engine to report.
// - A relative path given to a path parameter is taken from `workingDirectory`
//   (the user typed it in a shell) and stored absolute.
// - Settings apply in order; a later one for the same parameter wins.
#pragma once

#include <string>
#include <vector>

#include "app/runner/runner_options.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice::runner {

// The id of the node `name` refers to; `option` ("--set", "--run-to")
// prefixes error messages.
std::string resolveNode(const Graph& graph, const std::string& name, const std::string& option);

void applySettings(Graph& graph, const std::vector<ParamSetting>& settings,
                   const NodeRegistry& registry, const std::string& workingDirectory);

}  // namespace sluice::runner
