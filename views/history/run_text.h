// How the Runs panel writes a recorded run's fields: local start time,
// duration, key metrics, changed parameters and JSON values, short enough
// for a table cell.
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include "history/run_record.h"

namespace sluice::runtext {

// "2026-11-28 03:36:05" in local time; the ISO text itself if unreadable.
QString localTime(const std::string& isoUtc);
// "850 ms", "2.40 s", "1 min 05 s".
QString duration(double seconds);
// A parameter value: text without quotes, numbers shortest, null as "—".
QString value(const nlohmann::json& v);
// A metric value with 4 significant digits; "—" for NaN.
QString number(double v);
// "accuracy 0.9556, f1_macro 0.9554": the scores of Results outputs (not
// streamed training metrics), at most `limit`, node-prefixed where two
// nodes share a name.
QString keyMetrics(const history::RunRecord& run, int limit = 3);
// "max_iter 100 → 300, seed 1 → 2"; "first run" with no previous run.
QString changes(const history::RunRecord& run, int limit = 3);
// One change, "Logistic regression · max_iter: 100 → 300".
QString change(const history::RunRecord& run, const history::ParamChange& c);
// The node's title in the run (its id if untitled).
QString nodeName(const history::RunRecord& run, const std::string& node);
// A parameter of `node` as the inspector labels it ("Trees" for
// n_estimators); its key when the node's type or the parameter is unknown.
QString paramName(const history::RunRecord& run, const std::string& node, const std::string& param);

}  // namespace sluice::runtext
