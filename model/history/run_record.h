// RunRecord: what the run history keeps about one run of a pipeline, and its
// JSON file format.
//
// File format "sluice.run-record", version 1 (kRunRecordVersion). Object
// keys sorted; arrays of plain values on one line (renderPipelineJson), so a
// record stays readable and diffs well:
//   {"format": "sluice.run-record", "version": 1,
//    "id": "20261128T023605.123Z-3fa2"  (UTC start time + 4 hex digits; the
//          file is <id>.json, so names sort oldest to newest),
//    "started": "2026-11-28T02:36:05.123Z", "ended": ..., (UTC ISO-8601)
//    "seconds": wall time from start to end,
//    "source": "gui" | "sluice-run" | "watch" | "sweep" (any short word),
//    "status": "ok" | "failed" | "cancelled" | "error" (the run could not
//              start, e.g. a bad run-to node; "error" holds why),
//    "error": "", "run_to": node id or null,
//    "pipeline": {"name": meta name, "file": file name,
//                 "sha256": of the canonical pipeline JSON (pipelineToText:
//                           the pipeline exactly as run, paths relative)},
//    "parameters": {node id: {"type", "title", "params": defaults filled,
//                             path parameters relative to the pipeline}},
//    "previous": id of the run the diff is against, or null (first run),
//    "changes": [{"node", "param", "old", "new"}]: parameters that differ
//               from the previous run; a missing value is null, and param ""
//               means the node itself came (old null) or went (new null),
//               with its type as the value,
//    "inputs": [{"node", "param", "path", "size", "sha256", "modified",
//                "error", "changed_during_run"}]: files read by data nodes,
//    "produced": [{"node", "param", "path", "size", "sha256", "kind": "model"
//                  | "table", "error"}]: files written by nodes that finished,
//    "nodes": [{"id", "type", "title", "status" (engine::statusName, or
//               "not run"), "seconds", "cached", "message", "key"}],
//    "metrics": [{"node", "output", "name", "value"}]: every score of every
//               Results output (output = port), and the last value of each
//               streamed training metric (output ""),
//    "curves": [{"node", "name", "steps": [...], "values": [...]}]: every
//              streamed training metric point, sorted by step,
//    "context": {...}: free-form, for the caller (a sweep's combination, the
//               file change that triggered a watch run)}
// Numbers that are not finite are written as null and read back as NaN.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice::history {

inline constexpr const char* kRunRecordFormat = "sluice.run-record";
inline constexpr int kRunRecordVersion = 1;

// A record that cannot be read, written or understood; the message names the
// file and the reason.
class HistoryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ParamChange {
    std::string node;
    std::string param;  // "" = the node came or went
    nlohmann::json oldValue;
    nlohmann::json newValue;
    bool operator==(const ParamChange&) const = default;
};

struct FileRecord {
    std::string node;
    std::string param;
    std::string path;  // as the pipeline stores it (relative to the pipeline's folder)
    std::uint64_t size = 0;
    std::string sha256;    // empty when it could not be read (see error)
    std::string modified;  // UTC ISO-8601 modification time
    std::string kind;      // produced files: "model" or "table"
    std::string error;
    bool changedDuringRun = false;  // inputs: size or time changed while the run went
};

struct NodeRecord {
    std::string id;
    std::string type;
    std::string title;
    std::string status;  // "done", "failed", "skipped", "cancelled", "not run"
    double seconds = 0.0;
    bool cached = false;
    std::string message;
    std::string key;  // the engine's cache key
};

struct MetricRecord {
    std::string node;
    std::string output;  // Results port; "" = last value of a streamed metric
    std::string name;
    double value = 0.0;
};

struct CurveRecord {
    std::string node;
    std::string name;
    std::vector<int> steps;
    std::vector<double> values;
};

struct RunRecord {
    std::string id;
    std::string started;
    std::string ended;
    double seconds = 0.0;
    std::string source;
    std::string status;
    std::string error;
    std::optional<std::string> runTo;
    std::string pipelineName;
    std::string pipelineFile;
    std::string pipelineSha256;
    nlohmann::json parameters = nlohmann::json::object();
    std::optional<std::string> previous;
    std::vector<ParamChange> changes;
    std::vector<FileRecord> inputs;
    std::vector<FileRecord> produced;
    std::vector<NodeRecord> nodes;
    std::vector<MetricRecord> metrics;
    std::vector<CurveRecord> curves;
    nlohmann::json context = nlohmann::json::object();

    const NodeRecord* node(const std::string& id) const;
    // A metric by node, output and name; nullptr if the run has none.
    const MetricRecord* metric(const std::string& node, const std::string& output,
                               const std::string& name) const;
    // The node's params as recorded (null if the node was not in the pipeline).
    nlohmann::json paramsOf(const std::string& node) const;
};

nlohmann::json toJson(const RunRecord& record);
// Throws HistoryError (naming `name`, usually the file) for a document that
// is not a run record, has a newer version, or has a field of the wrong type.
RunRecord recordFromJson(const nlohmann::json& document, const std::string& name);

// The file text: renderPipelineJson(toJson(record)).
std::string recordToText(const RunRecord& record);

}  // namespace sluice::history
