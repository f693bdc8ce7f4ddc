#include "history/file_fingerprint.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <tuple>

#include "history/utc_time.h"
#include "util/sha256.h"

namespace sluice::history {
namespace {

namespace fs = std::filesystem;

struct CacheKey {
    std::string path;
    std::uint64_t size;
    std::int64_t ticks;
    bool operator<(const CacheKey& o) const {
        return std::tie(path, size, ticks) < std::tie(o.path, o.size, o.ticks);
    }
};

std::mutex cacheMutex;
std::map<CacheKey, std::string>& cache() {
    static std::map<CacheKey, std::string> hashes;
    return hashes;
}

// Bounds the cache; a desktop session touches a few dozen files.
constexpr std::size_t kMaxCached = 512;

}  // namespace

FileFingerprint statFile(const std::string& path) {
    FileFingerprint f;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        f.error = "not found";
        return f;
    }
    if (!fs::is_regular_file(status)) {
        f.error = "not a file";
        return f;
    }
    f.size = fs::file_size(path, ec);
    if (ec) {
        f.error = ec.message();
        return f;
    }
    const fs::file_time_type time = fs::last_write_time(path, ec);
    if (ec) {
        f.error = ec.message();
        return f;
    }
    f.exists = true;
    f.ticks = static_cast<std::int64_t>(time.time_since_epoch().count());
    // file_clock -> system_clock without C++20's clock_cast (not in every
    // standard library yet): shift by the two clocks' present difference.
    const auto now = std::chrono::system_clock::now();
    const auto fileNow = fs::file_time_type::clock::now();
    f.modified = isoUtc(
        now + std::chrono::duration_cast<std::chrono::system_clock::duration>(time - fileNow));
    return f;
}

FileFingerprint fingerprintFile(const std::string& path) {
    FileFingerprint f = statFile(path);
    if (!f.exists)
        return f;
    const CacheKey key{path, f.size, f.ticks};
    {
        const std::lock_guard lock(cacheMutex);
        if (const auto it = cache().find(key); it != cache().end()) {
            f.sha256 = it->second;
            return f;
        }
    }
    try {
        std::uint64_t size = 0;
        f.sha256 = sha256File(path, &size);
        f.size = size;
    } catch (const std::exception& e) {
        f.error = e.what();
        return f;
    }
    const std::lock_guard lock(cacheMutex);
    if (cache().size() >= kMaxCached)
        cache().clear();
    cache()[key] = f.sha256;
    return f;
}

}  // namespace sluice::history
