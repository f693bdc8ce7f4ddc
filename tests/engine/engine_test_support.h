// Helpers shared by the engine tests: an observer that records every event.
#pragma once

#include <cstdlib>
#include <functional>
#include <mutex>
#include <vector>

#include "engine/engine.h"

namespace sluice::testing {

// Factor for timing bounds: sanitizer builds set SLUICE_TIME_SCALE (their
// code runs slower; they look for memory errors, not speed).
inline double timeScale() {
    const char* text = std::getenv("SLUICE_TIME_SCALE");
    const double scale = text ? std::atof(text) : 1.0;
    return scale > 0 ? scale : 1.0;
}

class RecordingObserver : public engine::RunObserver {
public:
    void onEvent(const engine::RunEvent& event) override {
        std::lock_guard lock(mutex);
        if (++concurrent > 1)
            overlapped = true;
        events.push_back(event);
        if (onEach)
            onEach(event);
        --concurrent;
    }
    std::vector<engine::RunEvent> of(const std::string& node) const {
        std::vector<engine::RunEvent> out;
        for (const auto& e : events)
            if (e.node == node)
                out.push_back(e);
        return out;
    }
    int count(engine::RunEvent::Kind kind) const {
        int n = 0;
        for (const auto& e : events)
            n += e.kind == kind;
        return n;
    }

    std::mutex mutex;
    int concurrent = 0;
    bool overlapped = false;
    std::vector<engine::RunEvent> events;
    std::function<void(const engine::RunEvent&)> onEach;
};

}  // namespace sluice::testing
