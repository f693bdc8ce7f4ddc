// sluice-run PIPELINE.sluice --watch [--watch-interval SECONDS]: run, then
// keep watching the pipeline's input files (model/watch/input_watch.h: the
// readers' files, never what the run writes) and the pipeline file itself,
// and run again after each change, at most once per interval (default 5 s).
//
// Contract:
// - The first run is an ordinary run (run_command.h). A pipeline or option
//   that cannot be used (exit code 2) ends the command at once: there is
//   nothing to watch yet.
// - One Engine serves every run, so what a change does not touch comes
//   from its cache. Each run is recorded in the history as a "watch" run
//   (unless --no-history) and prints its own summary; --json is rewritten
//   after each run.
// - A change must be quiet for half a second before it counts (a file
//   still being written is not read half way).
// - Ctrl-C during a run cancels it and ends the watch; while waiting it
//   ends the watch. The exit code is the last run's.
#pragma once

#include "app/runner/runner_options.h"

namespace sluice::runner {

int watchPipelineCommand(const RunnerOptions& options);

}  // namespace sluice::runner
