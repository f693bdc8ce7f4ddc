// The factor every wall-clock bound in a test is multiplied by.
//
// Sanitizer builds set SLUICE_TIME_SCALE (scripts/test-sanitized.sh: their
// code runs several times slower, and they look for memory and thread
// errors, not speed); a slow or shared machine may set it too. A bound
// written as `elapsed < 200 ms * timeScale()` keeps its meaning on a
// normal build and stops flaking elsewhere. Speed targets themselves live
// in bench/, not here.
#pragma once

#include <chrono>
#include <cstdlib>

namespace sluice::testing {

inline double timeScale() {
    const char* text = std::getenv("SLUICE_TIME_SCALE");
    const double scale = text ? std::atof(text) : 1.0;
    return scale > 0 ? scale : 1.0;
}

// `ms` milliseconds, scaled.
inline std::chrono::milliseconds scaledMs(double ms) {
    return std::chrono::milliseconds(static_cast<long long>(ms * timeScale()));
}

}  // namespace sluice::testing
