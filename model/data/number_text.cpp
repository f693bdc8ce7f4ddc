#include "data/number_text.h"

#include <charconv>
#include <cmath>

namespace sluice {

void appendNumber(std::string& out, double value) {
    if (std::isnan(value))
        return;
    if (std::isinf(value)) {
        out += value > 0 ? "inf" : "-inf";
        return;
    }
    char buf[32];
    auto result = std::to_chars(buf, buf + sizeof buf, value);  // shortest round-trip form
    out.append(buf, result.ptr);
}

std::string formatNumber(double value) {
    std::string s;
    appendNumber(s, value);
    return s;
}

}  // namespace sluice
