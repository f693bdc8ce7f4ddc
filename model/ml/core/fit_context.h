// FitContext: what a learner may talk to while it trains.
//
// - cancelled(): polled between iterations (epochs, trees, sweeps, rounds);
//   throwIfCancelled() turns a raised flag into FitCancelled.
// - progress(fraction, text): fraction in [0, 1].
// - metric(name, step, value): one call per iteration of iterative learners
//   ("train_loss", epoch, 0.31); this stream feeds the live charts.
// - threads: how many threads the learner may use (0 = all cores). Results
//   must not depend on it: same seed, same model.
// Every callback is optional; a default FitContext is silent and never
// cancels.
#pragma once

#include <atomic>
#include <functional>
#include <string_view>

#include "ml/core/ml_errors.h"

namespace sluice::ml {

struct FitContext {
    const std::atomic<bool>* cancelFlag = nullptr;
    std::function<void(double fraction, std::string_view text)> onProgress;
    std::function<void(std::string_view name, int step, double value)> onMetric;
    unsigned threads = 0;

    bool cancelled() const { return cancelFlag && cancelFlag->load(std::memory_order_relaxed); }
    void throwIfCancelled() const {
        if (cancelled())
            throw FitCancelled();
    }
    void progress(double fraction, std::string_view text = {}) const {
        if (onProgress)
            onProgress(fraction, text);
    }
    void metric(std::string_view name, int step, double value) const {
        if (onMetric)
            onMetric(name, step, value);
    }
    unsigned threadCount() const;  // threads, or the core count when 0
};

}  // namespace sluice::ml
