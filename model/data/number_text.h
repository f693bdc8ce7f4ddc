// Shortest round-trip text for doubles: the fewest digits that read back to
// the identical value. Shared by the CSV writer and table display so that what
// the user sees is what a file will hold.
#pragma once

#include <string>

namespace sluice {

// NaN formats as "" (missing), infinities as "inf" / "-inf".
std::string formatNumber(double value);
// Appends to out without allocating a temporary string.
void appendNumber(std::string& out, double value);

}  // namespace sluice
