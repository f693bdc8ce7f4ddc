#include "io/atomic_file.h"

#include "io/atomic_file_faults.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace sluice {
namespace {

std::mutex faultMutex;
std::optional<AtomicFileFault> injectedFault;  // tests only (atomic_file_faults.h)

// How many of `size` bytes may be written before the injected fault, and
// the fault when it fires (cleared then: it fires once).
std::size_t allowedBytes(std::size_t size, std::optional<AtomicFileFault>& fired) {
    std::lock_guard lock(faultMutex);
    if (!injectedFault)
        return size;
    if (injectedFault->afterBytes >= size && injectedFault->afterBytes > 0) {
        injectedFault->afterBytes -= size;
        return size;
    }
    const auto allowed = static_cast<std::size_t>(injectedFault->afterBytes);
    fired = std::move(injectedFault);
    injectedFault.reset();
    return allowed;
}

}  // namespace

void setAtomicFileFault(AtomicFileFault fault) {
    std::lock_guard lock(faultMutex);
    injectedFault = std::move(fault);
}

void clearAtomicFileFault() {
    std::lock_guard lock(faultMutex);
    injectedFault.reset();
}

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
    std::random_device rd;
    tempPath_ = path_ + ".tmp-" + std::to_string(rd() % 1000000);
    {
        std::lock_guard lock(faultMutex);
        if (injectedFault && injectedFault->afterBytes == 0 && !injectedFault->action) {
            const int error = injectedFault->error;
            injectedFault.reset();
            tempPath_.clear();  // nothing was created
            fail(std::strerror(error));
        }
    }
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
    std::optional<AtomicFileFault> fault;
    const std::size_t allowed = allowedBytes(bytes.size(), fault);
    if (std::fwrite(bytes.data(), 1, allowed, file_) != allowed)
        fail(std::strerror(errno));
    if (fault) {
        std::fflush(file_);
        if (fault->action)
            fault->action();
        fail(std::strerror(fault->error));
    }
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
