#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/run_event.h"

namespace sluice {

// How a run on the worker thread ended: the engine's result, or the error
// that kept it from running (a bad runTo, say).
struct RunEnding {
    engine::RunResult result;
    std::string error;
    // Run history: the record's file, or why the run could not be recorded
    // (both empty when the run was not to be recorded).
    std::string recordPath;
    std::string historyError;
};

// The hand-off between a run's worker threads and the GUI thread: the
// engine's observer appends events under a mutex (cheap, so workers never
// wait on the GUI); the GUI thread takes everything queued so far in one
// swap. The ending comes after every event of its run.
class RunEventQueue final : public engine::RunObserver {
public:
    struct Batch {
        std::vector<engine::RunEvent> events;
        std::optional<RunEnding> ending;
    };

    // From any thread.
    void onEvent(const engine::RunEvent& event) override;
    void finish(RunEnding ending);

    // Everything queued since the last take, in arrival order.
    Batch take();
    void clear();

private:
    std::mutex mutex_;
    Batch pending_;
};

}  // namespace sluice
