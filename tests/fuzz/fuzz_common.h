// Shared by the fuzz targets: a finding is reported by aborting, which
// libFuzzer (and the replay runner) turn into a failure with the input saved.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace sluice::fuzz {

[[noreturn]] inline void fail(std::string_view what) {
    std::fprintf(stderr, "FUZZ FINDING: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

}  // namespace sluice::fuzz
