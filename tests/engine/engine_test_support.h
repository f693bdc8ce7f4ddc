// Helpers shared by the engine tests: an observer that records every event.
#pragma once

#include <cstdlib>
#include <functional>
#include <mutex>
#include <vector>

#include "engine/engine.h"
#include "support/time_scale.h"

namespace sluice::testing {

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
