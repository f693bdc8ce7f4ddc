// What "Restore parameters" of a recorded run changes in the pipeline as it
// is now: the parameter edits, and what cannot be restored.
//
// Contract: for every node of `graph` that the run recorded with the same
// type, each recorded parameter whose value differs from the node's present
// value (defaults filled on both sides) becomes one edit; recorded path
// parameters (relative to the pipeline) are made absolute with
// `baseDirectory`, as the editor holds them. Nodes the run had but the
// pipeline no longer has, or has with another type, are listed in `skipped`
// by id; nodes added since the run are left alone. Nothing is edited here.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph.h"
#include "history/run_record.h"
#include "nodes/node_registry.h"

namespace sluice::history {

struct ParamEdit {
    std::string node;
    std::string param;
    nlohmann::json value;
};

struct RestorePlan {
    std::vector<ParamEdit> edits;
    std::vector<std::string> skipped;  // node ids that cannot be restored
};

RestorePlan planRestore(const RunRecord& run, const Graph& graph, const NodeRegistry& registry,
                        const std::string& baseDirectory);

}  // namespace sluice::history
