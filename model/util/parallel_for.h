// parallelFor: runs fn(i) for i in [0, n) on up to `threads` threads, each
// taking the next index as it finishes one. The first exception thrown by
// any fn is rethrown on the caller's thread after all threads have stopped.
// Small and dependency-free on purpose: the engine's pool comes later and
// model/io must not wait for it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sluice {

inline unsigned defaultThreadCount() {
    return std::max(1u, std::thread::hardware_concurrency());
}

template <class Fn>
void parallelFor(std::size_t n, unsigned threads, Fn&& fn) {
    if (n == 0)
        return;
    threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), n));
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error)
                    error = std::current_exception();
                next.store(n);  // stop handing out work
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

}  // namespace sluice
