#include "app/run_event_queue.h"

namespace sluice {

void RunEventQueue::onEvent(const engine::RunEvent& event) {
    std::lock_guard lock(mutex_);
    pending_.events.push_back(event);
}

void RunEventQueue::finish(RunEnding ending) {
    std::lock_guard lock(mutex_);
    pending_.ending = std::move(ending);
}

RunEventQueue::Batch RunEventQueue::take() {
    Batch batch;
    std::lock_guard lock(mutex_);
    std::swap(batch, pending_);
    return batch;
}

void RunEventQueue::clear() {
    std::lock_guard lock(mutex_);
    pending_ = {};
}

}  // namespace sluice
