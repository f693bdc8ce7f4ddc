// What sluice-run prints and writes for a sweep (--sweep): the results
// table, the best combination, and the "sweep" object of the --json report.
//
// Table: one row per combination: "#", each axis (named by its parameter),
// "status", the chosen metric, then up to kExtraColumns more metrics of the
// same node; failed and skipped rows show their reason after the table.
// The best row is marked '*'.
//
// JSON "sweep" object:
//   {"mode": "grid" | "random", "seed" (random only), "axes": [{"node",
//    "param", "values": [...]}], "metric": column or null, "goal": "max" |
//    "min" | null, "best": 1-based row number or null,
//    "rows": [{"values": {"node.param": value}, "status", "message",
//              "seconds", "metrics": {column: value (null if not finite)}}]}
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sweep/sweep_result.h"

namespace sluice::runner {

inline constexpr std::size_t kExtraColumns = 3;

// A metric value as the table shows it: 4 significant digits, "-" if not finite.
std::string formatMetric(double value);

std::string sweepTable(const sweep::SweepResult& result, const sweep::SweepGraph& plan,
                       const std::optional<sweep::MetricChoice>& metric,
                       std::optional<std::size_t> best);

// "best: n_neighbors=7 (row 4): score.accuracy 0.974 (higher is better)"
std::string bestLine(const sweep::SweepResult& result, const sweep::SweepGraph& plan,
                     const sweep::MetricChoice& metric, std::size_t best);

nlohmann::json sweepJson(const sweep::SweepResult& result, const sweep::SweepSpec& spec,
                         const std::optional<sweep::MetricChoice>& metric,
                         std::optional<std::size_t> best);

}  // namespace sluice::runner
