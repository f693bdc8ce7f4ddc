// The size, modification time and sha256 of a file, as the run history
// records inputs and produced model files.
//
// Contract: statFile() reads no content. fingerprintFile() hashes the file
// unless this process already hashed the same path with the same size and
// modification time (a small thread-safe cache), so re-runs on a big
// unchanged data file cost one stat. Nothing throws: a missing or unreadable
// file comes back with `error` set ("not found", the reason).
#pragma once

#include <cstdint>
#include <string>

namespace sluice::history {

struct FileFingerprint {
    bool exists = false;
    std::uint64_t size = 0;
    std::int64_t ticks = 0;  // modification time in the file clock's ticks
    std::string modified;    // the same as UTC ISO-8601 text
    std::string sha256;      // fingerprintFile() only
    std::string error;
};

FileFingerprint statFile(const std::string& path);
FileFingerprint fingerprintFile(const std::string& path);

}  // namespace sluice::history
