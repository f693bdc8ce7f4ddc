// The parameter diff between two runs: what the history shows as "changed
// params" and what Restore parameters undoes.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "history/run_record.h"

namespace sluice::history {

// Changes from `before` to `after`, both RunRecord::parameters objects
// ({node: {"type", "title", "params"}}). Nodes in the order of `after`'s keys
// (sorted ids), then removed nodes; params sorted by name. A node whose
// type changed counts as removed and added. Values compare as JSON, so 1 and
// 1.0 are equal.
std::vector<ParamChange> diffParameters(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace sluice::history
