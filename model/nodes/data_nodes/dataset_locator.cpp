#include "nodes/data_nodes/dataset_locator.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "nodes/node_type.h"

namespace sluice {

std::vector<std::string> datasetSearchDirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("SLUICE_DATASETS_DIR"); env && *env)
        dirs.emplace_back(env);
#ifdef SLUICE_DATASETS_DIR
    dirs.emplace_back(SLUICE_DATASETS_DIR);
#endif
#ifdef __linux__
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        dirs.push_back((exe.parent_path() / ".." / "share" / "sluice" / "datasets")
                           .lexically_normal()
                           .string());
#endif
#ifdef SLUICE_SOURCE_DATASETS_DIR
    // Last: a build that is not installed (a developer's, or a new user's
    // first try) reads the datasets where the source tree keeps them.
    if (std::error_code ec; std::filesystem::is_directory(SLUICE_SOURCE_DATASETS_DIR, ec))
        dirs.emplace_back(SLUICE_SOURCE_DATASETS_DIR);
#endif
    return dirs;
}

std::string findDatasetFile(const std::string& name) {
    const auto dirs = datasetSearchDirs();
    std::string looked;
    for (const auto& dir : dirs) {
        const auto file = std::filesystem::path(dir) / (name + ".csv");
        std::error_code ec;
        if (std::filesystem::is_regular_file(file, ec))
            return file.string();
        looked += (looked.empty() ? "" : ", ") + dir;
    }
    throw NodeError("example dataset '" + name + "' not found; looked in: " +
                    (looked.empty() ? std::string("nowhere (no candidate folders)") : looked) +
                    ". Set SLUICE_DATASETS_DIR to the folder holding " + name + ".csv.");
}

}  // namespace sluice
