#include "nodes/evaluate_nodes/drift_results.h"
#include "nodes/results.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sluice {
namespace {

std::vector<double> shares(const std::vector<double>& counts) {
    const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    std::vector<double> out(counts.size(), 0.0);
    if (total > 0)
        for (std::size_t i = 0; i < counts.size(); ++i)
            out[i] = counts[i] / total;
    return out;
}

}  // namespace

Results driftResults(const std::vector<ml::ColumnDrift>& columns) {
    std::vector<std::string> name, kind, test, note;
    std::vector<std::int32_t> drifted;
    std::vector<double> psi, statistic, dof, pValue, refN, curN, refMissing, curMissing;
    Results r;
    r.kind = ResultKind::Drift;
    r.task = "monitoring";
    double compared = 0, flagged = 0, maxPsi = std::nan("");
    for (const auto& c : columns) {
        name.push_back(c.column);
        kind.push_back(c.kind);
        psi.push_back(c.psi);
        test.push_back(c.test);
        statistic.push_back(c.statistic);
        dof.push_back(c.dof);
        pValue.push_back(c.pValue);
        drifted.push_back(c.drifted ? 1 : 0);
        refN.push_back(static_cast<double>(c.referenceCount));
        curN.push_back(static_cast<double>(c.currentCount));
        refMissing.push_back(static_cast<double>(c.referenceMissing));
        curMissing.push_back(static_cast<double>(c.currentMissing));
        note.push_back(c.note);
        if (!c.kind.empty())
            ++compared;
        if (c.drifted)
            ++flagged;
        if (!std::isnan(c.psi))
            maxPsi = std::isnan(maxPsi) ? c.psi : std::max(maxPsi, c.psi);
        r.distributions.push_back(
            {c.column, c.counts.bins, shares(c.counts.reference), shares(c.counts.current)});
    }
    r.table = Table::make({
        Column::text("column", name),
        Column::text("kind", kind),
        Column::numeric("psi", psi),
        Column::text("test", test),
        Column::numeric("statistic", statistic),
        Column::numeric("dof", dof),
        Column::numeric("p_value", pValue),
        Column::categorical("drifted", drifted, {"no", "yes"}),
        Column::numeric("reference_n", refN),
        Column::numeric("current_n", curN),
        Column::numeric("reference_missing", refMissing),
        Column::numeric("current_missing", curMissing),
        Column::text("note", note),
    });
    r.metrics["columns"] = compared;
    r.metrics["drifted_columns"] = flagged;
    if (!std::isnan(maxPsi))
        r.metrics["max_psi"] = maxPsi;
    return r;
}

}  // namespace sluice
