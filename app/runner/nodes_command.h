// sluice-run nodes [--json]: the node catalog, from the same declarations
// the editor and engine use (model/nodes/node_catalog.h).
//
// Contract: without --json, a readable listing grouped by category: each
// node's id and name, its description, its ports ("in table: Table") and
// its parameters with kind, default, range or choices and help. With
// --json, the catalog JSON (nodeCatalogJson), indented, on `out`. Exits
// kExitOk; nothing is read from disk.
#pragma once

#include <ostream>

#include "app/runner/runner_options.h"

namespace sluice::runner {

int runNodesCommand(const RunnerOptions& options, std::ostream& out);

}  // namespace sluice::runner
