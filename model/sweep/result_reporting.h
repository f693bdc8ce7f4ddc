// A node catalog whose nodes also announce their scores: every type of a
// base registry, wrapped so that after a run that outputs Results it sends
// each metric as a streamed metric point "result:NAME" (step 0).
//
// Why: the engine's events carry only a text summary of a node's outputs,
// and a sweep wants every combination's numbers in its table the moment the
// combination's score node finishes, not when the whole sweep ends. The
// wrapped types keep the base types' ids, ports and parameters, so cache keys
// and results are identical; only the extra metric points differ.
#pragma once

#include <memory>

#include "nodes/node_registry.h"

namespace sluice::sweep {

// The returned registry refers to `base`'s types: `base` must outlive it.
std::unique_ptr<NodeRegistry> withResultReporting(const NodeRegistry& base);

}  // namespace sluice::sweep
