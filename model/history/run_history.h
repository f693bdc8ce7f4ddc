// RunHistory: the recorded runs of one pipeline, one JSON file per run
// (run_record.h) in <pipeline folder>/.sluice-runs/<pipeline file stem>/.
//
// Contract:
// - add() completes a finished record and writes it atomically
//   (atomic_file.h), creating the folder: it gives the record its id (from
//   its start time plus 4 random hex digits, unique in the folder), sets
//   `previous` to the newest readable run already recorded and `changes` to
//   the parameter diff against it, and gives cached nodes that streamed no
//   metrics this time the curves of the newest earlier run of the same node
//   with the same cache key (the curves that produced the cached result).
//   Returns the file's path; throws HistoryError naming the path on failure.
// - list() reads every "<id>.json" in the folder, newest first (by id, i.e.
//   start time). A file that cannot be read or is not a valid record is
//   skipped and named in `warnings` with the reason; a missing folder is an
//   empty history. Temporary files of an unfinished write are ignored.
// - load() reads one run by id; throws HistoryError when it cannot.
// - Runs are kept without a bound: a record is a few kB to a few hundred kB
//   (long training curves), and deleting a user's history is the user's
//   call (delete the files or the folder). Concurrent writers (the GUI and a
//   sluice-run, sweep workers) never overwrite each other's files; the diff
//   is against whichever run finished writing last.
#pragma once

#include <string>
#include <vector>

#include "history/run_record.h"

namespace sluice::history {

// True when the environment says SLUICE_RUN_HISTORY=off: sluice-run and the
// app then record nothing (as with --no-history), e.g. for a CI job or a
// test suite that runs pipelines kept in a source tree.
bool recordingDisabledByEnvironment();

class RunHistory {
public:
    explicit RunHistory(const std::string& pipelinePath);

    // <pipeline folder>/.sluice-runs/<stem>
    static std::string directoryFor(const std::string& pipelinePath);
    const std::string& directory() const { return directory_; }

    std::string add(RunRecord& record) const;

    struct Listing {
        std::vector<RunRecord> runs;  // newest first
        std::vector<std::string> warnings;
    };
    Listing list() const;

    RunRecord load(const std::string& id) const;
    std::string pathOf(const std::string& id) const;

private:
    std::vector<std::string> idsNewestFirst() const;

    std::string directory_;
};

}  // namespace sluice::history
