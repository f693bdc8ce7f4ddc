// parallelFor: runs fn(i) for i in [0, n) on the calling thread plus up to
// `threads - 1` helper threads, each taking the next index as it finishes
// one. Helpers come from the calling thread's CpuBudget (cpu_budget.h): on a
// machine whose cores are busy with other engine nodes the loop runs on
// fewer threads, and a helper retires after its current item when the budget
// becomes overdrawn. Callers therefore must not depend on how many threads
// run or which index runs where (results written per index are fine).
// The first exception thrown by any fn is rethrown on the caller's thread
// after all threads have stopped. Inside an engine run (util/cancellation.h)
// every item is a cancellation point: once cancel() is called no new item
// starts and the loop throws sluice::Cancelled.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "util/cancellation.h"
#include "util/cpu_budget.h"

namespace sluice {

inline unsigned defaultThreadCount() {
    return std::max(1u, std::thread::hardware_concurrency());
}

template <class Fn>
void parallelFor(std::size_t n, unsigned threads, Fn&& fn) {
    if (n == 0)
        return;
    const std::size_t wanted = std::min<std::size_t>(std::max(1u, threads), n) - 1;
    CpuBudget& budget = currentBudget();
    const int helpers = wanted ? budget.tryTake(static_cast<int>(wanted)) : 0;

    const std::atomic<bool>* cancelFlag = currentCancelFlag();
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto work = [&](bool helper) {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                if (cancelFlag && cancelFlag->load(std::memory_order_relaxed))
                    throw Cancelled();
                fn(i);
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error)
                    error = std::current_exception();
                next.store(n);  // stop handing out work
            }
            if (helper && budget.overdrawn())
                return;  // another node needs this core; the others finish the loop
        }
    };
    std::vector<std::thread> pool;
    int started = 0;
    try {
        for (; started < helpers; ++started)
            pool.emplace_back([&] {
                BudgetScope scope(&budget);
                CancelScope cancelScope(cancelFlag);
                work(true);
                budget.give(1);
            });
    } catch (...) {
        // No thread to be had: the caller does the work of the missing ones.
    }
    budget.give(helpers - started);
    work(false);
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

}  // namespace sluice
