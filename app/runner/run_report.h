// The results file of a run (sluice-run --json OUT.json).
//
// Format "sluice.run", version 1 (object keys sorted, as nlohmann writes them):
//   {"format": "sluice.run", "version": 1,
//    "pipeline": {"path": absolute path, "name": meta.name or "",
//                 "sha256": hex digest of the file's bytes},
//    "warnings": [what loading the file reported],
//    "run_to": node id (only with --run-to),
//    "status": "ok" | "failed" | "cancelled",   (cancelled wins over failed)
//    "seconds": wall time of the run,
//    "parameters": {node id: params as run: after --set, defaults filled;
//                   every node of the pipeline, run or not},
//    "nodes": {node id: {   (the nodes the run covered)
//        "type", "title",
//        "status": engine::statusName: "done" | "failed" | "skipped" | "cancelled",
//        "seconds", "cached", "message" (failure or skip reason, else ""),
//        "metrics": {name: value}: the last streamed value of each metric,
//                   then the metrics of every Results output (a name both
//                   have, or two outputs share, is kept as "port.name"),
//        "outputs": {port: {"type": "table", "rows", "columns", "column_names"}
//                       | {"type": "model" | "learner" | ..., "text": describe()}}}}}
// Numbers that are not finite are written as null.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "graph/graph.h"
#include "nodes/node_registry.h"

namespace sluice::runner {

inline constexpr int kRunReportVersion = 1;

struct RunReportInput {
    std::string pipelinePath;
    std::string pipelineSha256;
    std::vector<std::string> warnings;
    const Graph* graph = nullptr;  // as run (after --set)
    const engine::RunResult* result = nullptr;
    std::optional<std::string> runTo;
    const NodeRegistry* registry = nullptr;  // builtinNodes() when null
};

// "ok", "failed" or "cancelled".
std::string runStatus(const engine::RunResult& result);
// What the report says about one output value.
nlohmann::json outputJson(const PortValue& value);

nlohmann::json buildRunReport(const RunReportInput& input);
// Atomic (atomic_file.h); throws std::runtime_error naming the path.
void writeRunReport(const nlohmann::json& report, const std::string& path);

}  // namespace sluice::runner
