// AtomicFileWriter: writes a file so that readers (and the user, after a
// crash or a full disk) see either the old file whole or the new one whole.
//
// Contract: the bytes go to a temporary file beside the target; commit()
// flushes them to disk and renames the temporary over the target. Any
// failure throws std::runtime_error naming the path and the reason, and
// leaves the previous file untouched; an uncommitted writer deletes its
// temporary file when destroyed.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace sluice {

class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::string path);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    [[noreturn]] void fail(const std::string& why);

    std::string path_;
    std::string tempPath_;
    std::FILE* file_ = nullptr;
    bool committed_ = false;
};

}  // namespace sluice
