// sluice-run PIPELINE.sluice --sweep NODE.PARAM=VALUES ...: a parameter sweep.
//
// Contract:
// - Loads the pipeline and applies --set as a normal run does, then checks
//   every --sweep (node by id or unique title, parameter, values: see
//   sweep/sweep_axis.h) and the number of combinations; any problem prints
//   "sluice-run: <message>" and returns kExitBadInput before anything runs.
// - Runs every combination in ONE engine run of the expanded graph
//   (sweep/sweep_graph.h): nodes that do not depend on a swept node run once.
//   Each finished combination prints one line to stderr (not with --quiet);
//   Ctrl-C cancels as in a normal run (kExitInterrupted).
// - Prints the results table and the best combination to stdout
//   (sweep_report.h). --json writes the normal run report of the expanded
//   graph with a "sweep" object added.
// - Exit: kExitOk when every combination finished; kExitFailed when one
//   failed (the others' rows still print) or the report cannot be written;
//   kExitBadInput for a --sweep-metric the sweep did not produce (after the
//   table, which lists the metrics).
#pragma once

#include <iosfwd>

#include "app/runner/runner_options.h"

namespace sluice::runner {

int runSweepCommand(const RunnerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sluice::runner
