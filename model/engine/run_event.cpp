#include "engine/run_event.h"

namespace sluice::engine {

std::string_view statusName(NodeStatus status) {
    switch (status) {
        case NodeStatus::Idle:
            return "idle";
        case NodeStatus::Queued:
            return "queued";
        case NodeStatus::Running:
            return "running";
        case NodeStatus::Done:
            return "done";
        case NodeStatus::Failed:
            return "failed";
        case NodeStatus::Skipped:
            return "skipped";
        case NodeStatus::Cancelled:
            return "cancelled";
    }
    return "?";
}

std::string_view kindName(RunEvent::Kind kind) {
    using K = RunEvent::Kind;
    switch (kind) {
        case K::RunStarted:
            return "run_started";
        case K::Queued:
            return "queued";
        case K::Started:
            return "started";
        case K::Progress:
            return "progress";
        case K::Metrics:
            return "metrics";
        case K::Log:
            return "log";
        case K::Finished:
            return "finished";
        case K::Failed:
            return "failed";
        case K::Skipped:
            return "skipped";
        case K::Cancelled:
            return "cancelled";
        case K::RunFinished:
            return "run_finished";
    }
    return "?";
}

std::string withoutNodeLabel(const std::string& node, const std::string& text) {
    const std::string tag = " (" + node + "): ";
    const std::size_t at = text.find(tag);
    return at == std::string::npos ? text : text.substr(at + tag.size());
}

}  // namespace sluice::engine
