// Exact text-to-double parsing for CSV fields.
//
// Built on std::from_chars (libstdc++ 12 implements it with the Eisel-Lemire
// fast path and exact fallback, so it is both fast and correctly rounded:
// no need for another number library). Accepts an optional leading '+' or
// '-', decimals, exponents, "inf" and "nan" (any case); the whole field must
// be consumed. With decimalComma, "3,14" reads as 3.14 and a '.' is refused.
#pragma once

#include <string_view>

namespace sluice {

enum class NumberParse {
    Ok,
    NotANumber,  // the text is not a number at all
    Overflow,    // a number too large in magnitude for a double
};

NumberParse parseNumber(std::string_view text, bool decimalComma, double& value);

// True when the field reads as a number (including overflowing ones, which
// are numbers the reader then refuses loudly).
inline bool looksNumeric(std::string_view text, bool decimalComma) {
    double v;
    return parseNumber(text, decimalComma, v) != NumberParse::NotANumber;
}

}  // namespace sluice
