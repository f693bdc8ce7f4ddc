// The Results of the Drift node: kind "drift", one row per column.
//
// table: column, kind, psi, test ("ks" / "chi-square"), statistic, dof
// (chi-square only), p_value, drifted ("yes" / "no"), reference_n and
// current_n (present values), reference_missing and current_missing, note
// (why something was not computed). distributions: each row's column, the
// share of each side's rows per bin (what the PSI and chi-square compared).
// metrics: columns (compared), drifted_columns, max_psi.
#pragma once

#include <vector>

#include "ml/stats/column_drift.h"
#include "nodes/results.h"

namespace sluice {

Results driftResults(const std::vector<ml::ColumnDrift>& columns);

}  // namespace sluice
