#include "engine/node_cache.h"

namespace sluice::engine {

std::optional<CacheEntry> NodeCache::find(const std::string& nodeKey,
                                          const FileStamps& current) const {
    std::lock_guard lock(mutex_);
    const auto it = byKey_.find(nodeKey);
    if (it == byKey_.end() || it->second.stamps != current)
        return std::nullopt;
    return it->second;
}

void NodeCache::store(CacheEntry entry) {
    std::lock_guard lock(mutex_);
    const auto previous = keyOfNode_.find(entry.nodeId);
    if (previous != keyOfNode_.end() && previous->second != entry.nodeKey) {
        // Another node with the same content may share the old key: only drop
        // the entry if it belongs to this node.
        const auto old = byKey_.find(previous->second);
        if (old != byKey_.end() && old->second.nodeId == entry.nodeId)
            byKey_.erase(old);
    }
    keyOfNode_[entry.nodeId] = entry.nodeKey;
    const std::string key = entry.nodeKey;
    byKey_[key] = std::move(entry);
}

void NodeCache::clear() {
    std::lock_guard lock(mutex_);
    byKey_.clear();
    keyOfNode_.clear();
}

std::size_t NodeCache::size() const {
    std::lock_guard lock(mutex_);
    return byKey_.size();
}

}  // namespace sluice::engine
