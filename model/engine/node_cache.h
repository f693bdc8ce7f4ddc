// NodeCache: complete node results by node key, shared by the engine's
// workers (every member is thread-safe).
//
// One entry per node id: storing a node's new result drops the one it
// replaces, so the cache holds what the graph last computed and no more.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "engine/cache_key.h"
#include "nodes/port_value.h"

namespace sluice::engine {

struct CacheEntry {
    std::string nodeId;
    std::string nodeKey;
    FileStamps stamps;  // as recorded after the node ran
    std::string outputKey;
    PortValues outputs;
    std::map<std::string, double> metrics;  // last streamed value of each metric
    double seconds = 0.0;                   // how long computing it took
};

class NodeCache {
public:
    // The entry for `nodeKey` if its recorded file stamps equal `current`.
    std::optional<CacheEntry> find(const std::string& nodeKey, const FileStamps& current) const;
    void store(CacheEntry entry);
    void clear();
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, CacheEntry> byKey_;
    std::map<std::string, std::string> keyOfNode_;
};

}  // namespace sluice::engine
