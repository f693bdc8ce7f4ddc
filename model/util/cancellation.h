// Cancellation that reaches code with no context to pass it through.
//
// The engine points each worker at the run's cancellation flag with a
// CancelScope. Every parallelFor (and anything calling
// throwIfCancellationRequested) is then a cancellation point: histogram
// binning, CSV chunks, k-NN blocks and the like stop within one item of
// cancel() even though they never saw a FitContext. Outside a scope nothing
// is ever cancelled. Helper threads of parallelFor inherit the caller's flag.
#pragma once

#include <atomic>
#include <stdexcept>

namespace sluice {

// Thrown at a cancellation point; ml::FitCancelled derives from it.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
    explicit Cancelled(const char* what) : std::runtime_error(what) {}
};

// The calling thread's flag (nullptr outside any scope).
const std::atomic<bool>* currentCancelFlag();

inline bool cancellationRequested() {
    const std::atomic<bool>* flag = currentCancelFlag();
    return flag && flag->load(std::memory_order_relaxed);
}

inline void throwIfCancellationRequested() {
    if (cancellationRequested())
        throw Cancelled();
}

class CancelScope {
public:
    explicit CancelScope(const std::atomic<bool>* flag);
    ~CancelScope();
    CancelScope(const CancelScope&) = delete;
    CancelScope& operator=(const CancelScope&) = delete;

private:
    const std::atomic<bool>* previous_;
};

}  // namespace sluice
