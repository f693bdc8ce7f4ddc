#include "app/runner/interrupt.h"

#include <atomic>
#include <csignal>

namespace sluice::runner {
namespace {

std::atomic<int> interrupts{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

void onInterrupt(int signal) {
    interrupts.fetch_add(1, std::memory_order_relaxed);
#ifdef _WIN32
    std::signal(signal, onInterrupt);  // Windows resets the handler on delivery
#else
    (void)signal;
#endif
}

}  // namespace

void installInterruptHandlers() {
#ifdef _WIN32
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
#else
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
#endif
}

int interruptCount() {
    return interrupts.load(std::memory_order_relaxed);
}

}  // namespace sluice::runner
