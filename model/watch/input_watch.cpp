#include "watch/input_watch.h"

#include <filesystem>

namespace sluice {

std::vector<std::string> inputFilePaths(const Graph& graph, const NodeRegistry& registry,
                                        const std::string& baseDirectory) {
    std::vector<std::string> paths;
    for (const GraphNode& node : graph.nodes()) {
        const NodeType* type = registry.find(node.type);
        if (type == nullptr || !type->info().inputs.empty())
            continue;
        for (const auto& stamp :
             engine::stampFiles(*type, type->withDefaults(node.params), baseDirectory)) {
            bool seen = false;
            for (const auto& p : paths)
                seen = seen || p == stamp.path;
            if (!seen)
                paths.push_back(stamp.path);
        }
    }
    return paths;
}

InputWatch::InputWatch(std::vector<std::string> paths, Options options, Clock::time_point now)
    : paths_(std::move(paths)), options_(options) {
    baseline_ = stampNow();
    lastSeen_ = baseline_;
    lastSeenSince_ = now;
}

engine::FileStamps InputWatch::stampNow() const {
    engine::FileStamps stamps;
    stamps.reserve(paths_.size());
    for (const auto& path : paths_)
        stamps.push_back(engine::stampFile(path));
    return stamps;
}

void InputWatch::runStarted(Clock::time_point now) {
    baseline_ = stampNow();
    lastSeen_ = baseline_;
    lastSeenSince_ = now;
    lastRun_ = now;
}

std::optional<std::vector<std::string>> InputWatch::poll(Clock::time_point now) {
    const engine::FileStamps current = stampNow();
    if (current != lastSeen_) {
        // Still moving: wait until it has been quiet for `settle`.
        lastSeen_ = current;
        lastSeenSince_ = now;
        return std::nullopt;
    }
    if (current == baseline_ || now - lastSeenSince_ < options_.settle)
        return std::nullopt;
    if (lastRun_ && now - *lastRun_ < options_.minInterval)
        return std::nullopt;
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < current.size(); ++i)
        if (!(current[i] == baseline_[i]))
            changed.push_back(paths_[i]);
    return changed;
}

std::string describeChangedFiles(const std::vector<std::string>& paths) {
    if (paths.empty())
        return "no file";
    std::string text = std::filesystem::path(paths.front()).filename().string();
    if (paths.size() == 2)
        text += " and 1 more file";
    else if (paths.size() > 2)
        text += " and " + std::to_string(paths.size() - 1) + " more files";
    return text;
}

}  // namespace sluice
