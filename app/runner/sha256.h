// SHA-256 (FIPS 180-4) of a byte string as 64 lowercase hex digits, the
// same as `sha256sum` prints: the pipeline file's fingerprint in run reports.
#pragma once

#include <string>
#include <string_view>

namespace sluice::runner {

std::string sha256Hex(std::string_view bytes);

}  // namespace sluice::runner
