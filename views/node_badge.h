#pragma once

#include <QString>

namespace sluice {

// What a node shows about its last or current run. The canvas draws it; the
// run controller (app/) produces it from engine events and the cache.
struct NodeBadge {
    enum class State {
        Idle,   // never ran
        Stale,  // ran, but parameters or inputs changed since
        Queued,
        Running,  // progress in [0, 1], text
        Done,     // seconds, cached
        Failed,   // message
        Skipped,  // message: which upstream node failed
        Cancelled,
    };
    State state = State::Idle;
    double progress = 0.0;
    QString text;  // progress text while running
    double seconds = 0.0;
    bool cached = false;
    QString message;  // failure or skip reason (tooltip and log)

    bool operator==(const NodeBadge&) const = default;
};

}  // namespace sluice
