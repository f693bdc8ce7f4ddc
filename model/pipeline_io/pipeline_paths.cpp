#include "pipeline_io/pipeline_paths.h"

#include <filesystem>

namespace sluice {

namespace fs = std::filesystem;

std::string pathForFile(const std::string& path, const std::string& baseDirectory) {
    if (path.empty() || baseDirectory.empty())
        return path;
    const fs::path p(path);
    if (!p.is_absolute())
        return p.generic_string();
    const fs::path relative =
        p.lexically_normal().lexically_relative(fs::path(baseDirectory).lexically_normal());
    // Empty when no relative path exists (another root name, e.g. drive).
    return relative.empty() ? p.generic_string() : relative.generic_string();
}

std::string pathFromFile(const std::string& stored, const std::string& baseDirectory) {
    if (stored.empty() || baseDirectory.empty())
        return stored;
    const fs::path p(stored);
    if (p.is_absolute())
        return stored;
    return (fs::path(baseDirectory) / p).lexically_normal().string();
}

nlohmann::json convertPathParams(const NodeType* type, const nlohmann::json& params,
                                 const std::string& baseDirectory,
                                 std::string (*convert)(const std::string&, const std::string&)) {
    nlohmann::json out = params;
    if (!type || !out.is_object())
        return out;
    for (const auto& spec : type->info().params) {
        if (spec.kind != ParamKind::Path)
            continue;
        const auto it = out.find(spec.name);
        if (it != out.end() && it->is_string())
            *it = convert(it->get<std::string>(), baseDirectory);
    }
    return out;
}

}  // namespace sluice
