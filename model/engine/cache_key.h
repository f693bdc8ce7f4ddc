// Cache keys: what a node's result depends on, as a short hex string.
//
// - nodeKey: the node type, its parameters with defaults filled (canonical
//   JSON), and per connected input port the key of the output feeding it.
//   Title and position do not count: renaming or moving a node keeps its
//   result.
// - FileStamps: for every path parameter, the resolved file's size and
//   modification time (or its absence). Recorded after a node ran; the
//   result is valid only while the stamps still match, so an edited input
//   file or a deleted output file makes the node run again.
// - outputKey: nodeKey plus the stamps: what downstream keys build on, so a
//   changed file also re-runs everything after it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nodes/node_type.h"

namespace sluice::engine {

struct FileStamp {
    std::string path;  // absolute or as resolved against the base directory
    bool exists = false;
    std::uintmax_t size = 0;
    std::int64_t modifiedNs = 0;
    bool operator==(const FileStamp&) const = default;
};
using FileStamps = std::vector<FileStamp>;

// Input port -> the output key feeding it (absent ports are unconnected).
using InputKeys = std::map<std::string, std::string>;

std::string nodeKey(const std::string& type, const nlohmann::json& fullParams,
                    const InputKeys& inputs);
// The stamp of one file as it is now (exists false if it is not a regular file).
FileStamp stampFile(const std::string& path);
FileStamps stampFiles(const NodeType& type, const nlohmann::json& fullParams,
                      const std::string& baseDirectory);
std::string outputKey(const std::string& nodeKey, const FileStamps& stamps);
// What an input port records of the output feeding it: that node's output
// key and port. The one rule shared by runs and Engine::cachedNodes().
inline std::string inputKey(const std::string& upstreamOutputKey, const std::string& port) {
    return upstreamOutputKey + "/" + port;
}

}  // namespace sluice::engine
