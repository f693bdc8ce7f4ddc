#include "io/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace sluice {

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
    std::random_device rd;
    tempPath_ = path_ + ".tmp-" + std::to_string(rd() % 1000000);
    file_ = std::fopen(tempPath_.c_str(), "wb");
    if (!file_)
        fail(std::strerror(errno));
}

AtomicFileWriter::~AtomicFileWriter() {
    if (file_)
        std::fclose(file_);
    if (!committed_ && !tempPath_.empty()) {
        std::error_code ec;
        std::filesystem::remove(tempPath_, ec);
    }
}

void AtomicFileWriter::fail(const std::string& why) {
    throw std::runtime_error("cannot save '" + path_ + "': " + why +
                             " (any previous version of the file is unchanged)");
}

void AtomicFileWriter::write(std::string_view bytes) {
    if (bytes.empty())
        return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        fail(std::strerror(errno));
}

void AtomicFileWriter::commit() {
    if (std::fflush(file_) != 0)
        fail(std::strerror(errno));
#if defined(__unix__) || defined(__APPLE__)
    if (::fsync(::fileno(file_)) != 0)
        fail(std::strerror(errno));
#endif
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (closed != 0)
        fail(std::strerror(errno));
    std::error_code ec;
    std::filesystem::rename(tempPath_, path_, ec);
    if (ec)
        fail(ec.message());
    committed_ = true;
}

}  // namespace sluice
