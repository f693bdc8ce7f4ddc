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
// - Unless --no-history, the run is recorded in the pipeline's history
//   (history/run_history.h, source "sluice-run"), also when it failed, was
//   cancelled or could not start; failing to record only prints a warning.
// - Ends with a summary line ("finished in 1.20 s: 5 done (2 cached), 1
//   failed"), not with --quiet.
#pragma once

#include "app/runner/runner_options.h"

namespace sluice::engine {
class Engine;
}

namespace sluice::runner {

// `engine`: run on this one (its cache kept between calls: --watch), or on
// a new one when null.
int runPipelineCommand(const RunnerOptions& options, engine::Engine* engine = nullptr);

}  // namespace sluice::runner
