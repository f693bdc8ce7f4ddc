// Exit codes of sluice-run, shared by all its commands (run, predict,
// export-python, nodes).
//
//   0    success
//   1    the work failed: a node failed, or an output file (--json, -o)
//        could not be written
//   2    bad input: a usage error (unknown option, bad --set, unknown
//        --run-to node, bad --threads, missing argument) or an input file
//        that cannot be used (missing, unreadable, not valid JSON, not a
//        pipeline / model file, a CSV lacking the model's columns); nothing ran
//   130  interrupted (Ctrl-C or SIGTERM) after cancelling the run cleanly
#pragma once

namespace sluice::runner {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInterrupted = 130;

}  // namespace sluice::runner
