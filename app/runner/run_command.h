// sluice-run PIPELINE.sluice ...: load, apply --set and --run-to, run the
// engine with the terminal reporter, write the --json report, and turn the
// outcome into an exit code (exit_codes.h).
//
// Contract:
// - A pipeline file that cannot be loaded, or a bad --set / --run-to, prints
//   "sluice-run: <message>" and returns kExitBadInput before anything runs.
//   Load warnings print as "warning   <message>" (not with --quiet).
// - The engine runs on its own thread; this (the calling) thread polls the
//   interrupt count every 20 ms: the first SIGINT / SIGTERM cancels the run
//   (the report is still written, status "cancelled", exit kExitInterrupted),
//   a second one quits at once with kExitInterrupted.
// - Ends with a summary line ("finished in 1.20 s: 5 done (2 cached), 1
//   failed"), not with --quiet.
#pragma once

#include "app/runner/runner_options.h"

namespace sluice::runner {

int runPipelineCommand(const RunnerOptions& options);

}  // namespace sluice::runner
