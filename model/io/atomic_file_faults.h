// Fault injection for AtomicFileWriter, for tests only: makes a write fail
// (a full disk, a read-only file system) or stop the process midway (a crash
// during a save) at a chosen byte, so the "old file whole or new file whole"
// promise can be tested without a real full disk.
//
// Contract:
// - setAtomicFileFault(f): from now on, the AtomicFileWriters of this process
//   together write f.afterBytes more bytes (an empty write counts nothing);
//   the write that would pass that point writes only up to it, flushes what
//   it wrote, then calls f.action if set (which may _exit() or raise
//   SIGKILL: a crash) and otherwise fails with strerror(f.error) as if the
//   system had refused. afterBytes 0 fails the first write and also the
//   opening of the temporary file. The fault fires once and is then cleared.
// - clearAtomicFileFault(): no fault (the default). Thread-safe.
#pragma once

#include <cerrno>
#include <cstdint>
#include <functional>

namespace sluice {

struct AtomicFileFault {
    std::uint64_t afterBytes = 0;
    int error = ENOSPC;
    std::function<void()> action;  // instead of failing: e.g. crash the process
};

void setAtomicFileFault(AtomicFileFault fault);
void clearAtomicFileFault();

}  // namespace sluice
