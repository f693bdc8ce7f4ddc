// Dates and times as Sluice holds them: seconds since 1970-01-01 00:00:00
// UTC in a double (a DateTime column's values; NaN is missing), read from
// and written as ISO 8601 text.
//
// Contract:
// - parseIsoDateTime accepts YYYY-MM-DD, optionally followed by 'T' or one
//   space and HH:MM, HH:MM:SS or HH:MM:SS.fff (any number of decimals), and
//   optionally 'Z' or an offset ±HH:MM / ±HHMM, which is taken away so the
//   value is UTC. Fields are checked (month 1-12, the day within its month,
//   hour 0-23...). Nothing else may be in the text. nullopt otherwise.
// - parseDateTimeFormat reads with a strptime-like format: %Y (4 digits),
//   %y (2 digits, 1969-2068 as POSIX), %m, %d, %H, %M, %S (1 or 2 digits),
//   %b / %B (English month names or abbreviations, any case), %% and
//   literal characters; the whole text must match.
// - formatDateTime writes YYYY-MM-DD, then " HH:MM:SS" unless dateOnly, then
//   ".fff" (milliseconds) when the value has a fraction of a second.
// - civil parts (year, month, day, weekday Monday = 0, day of year from 1,
//   hour, minute, second) come from dateParts; the proleptic Gregorian
//   calendar throughout, any year from -9999 to 9999.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice {

inline constexpr double kSecondsPerDay = 86400.0;

std::optional<double> parseIsoDateTime(std::string_view text);
std::optional<double> parseDateTimeFormat(std::string_view text, std::string_view format);

std::string formatDateTime(double seconds, bool dateOnly);

struct DateParts {
    int year = 1970, month = 1, day = 1;
    int weekday = 3;  // Monday = 0 (1970-01-01 was a Thursday)
    int dayOfYear = 1;
    int hour = 0, minute = 0;
    double second = 0;
};

DateParts dateParts(double seconds);

// Seconds at 00:00 UTC of a civil date (month 1-12, day 1-31; not checked).
double secondsOfDate(int year, int month, int day);

// Whether `seconds` is a date Sluice holds: finite, years -9999 to 9999.
// Column::dateTime keeps other values missing; dateParts and formatDateTime
// treat them as 1970-01-01 and "" rather than overflow.
bool isDateInRange(double seconds);

// Whether the value falls on a midnight (no time of day).
bool isMidnight(double seconds);

}  // namespace sluice
