#include "engine/cache_key.h"

#include <filesystem>
#include <system_error>

#include "util/stable_hash.h"

namespace sluice::engine {

std::string nodeKey(const std::string& type, const nlohmann::json& fullParams,
                    const InputKeys& inputs) {
    StableHash hash;
    hash.field(type).field(fullParams.dump());
    for (const auto& [port, key] : inputs)  // std::map: ports in a fixed order
        hash.field(port).field(key);
    return hash.hex();
}

FileStamp stampFile(const std::string& path) {
    namespace fs = std::filesystem;
    FileStamp stamp;
    stamp.path = path;
    std::error_code error;
    const auto status = fs::status(path, error);
    if (!error && fs::is_regular_file(status)) {
        stamp.exists = true;
        stamp.size = fs::file_size(path, error);
        const auto time = fs::last_write_time(path, error);
        stamp.modifiedNs =
            std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
    }
    return stamp;
}

FileStamps stampFiles(const NodeType& type, const nlohmann::json& fullParams,
                      const std::string& baseDirectory) {
    FileStamps stamps;
    RunContext resolver;
    resolver.baseDirectory = baseDirectory;
    for (const auto& spec : type.info().params) {
        if (spec.kind != ParamKind::Path)
            continue;
        const auto it = fullParams.find(spec.name);
        if (it == fullParams.end() || !it->is_string() || it->get<std::string>().empty())
            continue;
        stamps.push_back(stampFile(resolver.resolvePath(it->get<std::string>())));
    }
    return stamps;
}

std::string outputKey(const std::string& nodeKey, const FileStamps& stamps) {
    StableHash hash;
    hash.field(nodeKey);
    for (const auto& s : stamps)
        hash.field(s.path)
            .field(s.exists ? "1" : "0")
            .field(std::to_string(s.size))
            .field(std::to_string(s.modifiedNs));
    return hash.hex();
}

}  // namespace sluice::engine
