#include "io/number_parse.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace sluice {
namespace {

// Distinguishes overflow from underflow, which from_chars reports alike.
NumberParse classifyOutOfRange(std::string_view text, double& value) {
    const std::string copy(text);
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (std::isinf(v))
        return NumberParse::Overflow;
    value = v;  // underflow: the nearest double (0 or subnormal) is the right answer
    return NumberParse::Ok;
}

// Clinger's fast path: a decimal with at most 15 significant digits and a
// power of ten within 1e22 is an exact double times (or over) an exact
// double, and one IEEE operation rounds that correctly. Nearly every number
// in real CSV files takes this path; the rest go to std::from_chars.
bool parseSimpleDecimal(std::string_view text, char point, double& value) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char* p = text.data();
    const char* end = p + text.size();
    bool negative = false;
    if (p < end && (*p == '-' || *p == '+'))
        negative = *p++ == '-';
    std::uint64_t mantissa = 0;
    int digits = 0, exponent = 0;
    bool any = false;
    for (; p < end && static_cast<unsigned>(*p - '0') < 10; ++p, any = true) {
        mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
        digits += mantissa != 0;
    }
    if (p < end && *p == point) {
        for (++p; p < end && static_cast<unsigned>(*p - '0') < 10; ++p, any = true) {
            mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
            digits += mantissa != 0;
            --exponent;
        }
    }
    if (!any || digits > 15)
        return false;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negativeExp = false;
        if (p < end && (*p == '-' || *p == '+'))
            negativeExp = *p++ == '-';
        int e = 0, expDigits = 0;
        for (; p < end && static_cast<unsigned>(*p - '0') < 10 && expDigits < 4; ++p, ++expDigits)
            e = e * 10 + (*p - '0');
        if (expDigits == 0)
            return false;
        exponent += negativeExp ? -e : e;
    }
    if (p != end || exponent < -22 || exponent > 22)
        return false;
    double v = static_cast<double>(mantissa);
    v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
    value = negative ? -v : v;
    return true;
}

}  // namespace

NumberParse parseNumber(std::string_view text, bool decimalComma, double& value) {
    if (text.empty())
        return NumberParse::NotANumber;
    if (parseSimpleDecimal(text, decimalComma ? ',' : '.', value))
        return NumberParse::Ok;
    std::string_view digits = text;
    if (digits.front() == '+') {
        digits.remove_prefix(1);
        if (digits.empty() || digits.front() == '-' || digits.front() == '+')
            return NumberParse::NotANumber;
    }

    char buffer[64];
    if (decimalComma) {
        if (digits.size() >= sizeof buffer)
            return NumberParse::NotANumber;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            const char c = digits[i];
            if (c == '.')
                return NumberParse::NotANumber;
            buffer[i] = c == ',' ? '.' : c;
        }
        digits = std::string_view(buffer, digits.size());
    }

    const char* first = digits.data();
    const char* last = first + digits.size();
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ptr != last)
        return NumberParse::NotANumber;
    if (ec == std::errc::result_out_of_range)
        return classifyOutOfRange(digits, value);
    if (ec != std::errc())
        return NumberParse::NotANumber;
    return NumberParse::Ok;
}

}  // namespace sluice
