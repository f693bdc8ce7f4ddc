// --memory-limit: parses a size ("512M", "2G", "1500000000") and limits the
// process's memory to it.
//
// Contract:
// - parseMemorySize: a whole number with an optional binary suffix K, M, G or
//   T (KiB, MiB, GiB, TiB; case-insensitive, an optional trailing 'B' or
//   "iB"). At least 16 MB (below that the program itself cannot start its
//   threads); throws UsageError naming the text otherwise.
// - applyMemoryLimit: on Linux and macOS sets RLIMIT_AS, which limits the
//   whole process's address space (every thread's stack, the loaded
//   libraries and memory-mapped input files count, not only the tables), so
//   a node that allocates past it gets std::bad_alloc and fails alone.
//   Returns an empty string on success, else a warning to print (the limit
//   could not be set; elsewhere, e.g. Windows, it is not supported and the
//   run goes on without it).
#pragma once

#include <cstdint>
#include <string>

namespace sluice::runner {

std::uint64_t parseMemorySize(const std::string& text);
std::string applyMemoryLimit(std::uint64_t bytes);

}  // namespace sluice::runner
