#include "data/date_time.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace sluice {
namespace {

// Days from 1970-01-01 to a civil date, and back: the standard era-based
// conversion (400-year cycles of 146097 days, years starting in March so
// the leap day comes last).
long long daysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civilFromDays(long long z, int& year, int& month, int& day) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(y + (month <= 2));
}

bool isLeap(long long y) {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int daysInMonth(long long y, int m) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

// Reads exactly `count` digits (or 1 to `count` when !exact) at `at`.
bool readDigits(std::string_view s, std::size_t& at, int count, bool exact, int& out) {
    int n = 0, value = 0;
    while (n < count && at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) {
        value = value * 10 + (s[at] - '0');
        ++at;
        ++n;
    }
    out = value;
    return exact ? n == count : n > 0;
}

struct Fields {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
    double second = 0;
    int offsetMinutes = 0;
};

std::optional<double> toSeconds(const Fields& f) {
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month) ||
        f.hour > 23 || f.minute > 59 || f.second >= 60 || f.year < -9999 || f.year > 9999)
        return std::nullopt;
    return secondsOfDate(f.year, f.month, f.day) + f.hour * 3600.0 + f.minute * 60.0 + f.second -
           f.offsetMinutes * 60.0;
}

const std::array<const char*, 12> kMonthNames = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};

}  // namespace

double secondsOfDate(int year, int month, int day) {
    return static_cast<double>(
               daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) *
           kSecondsPerDay;
}

std::optional<double> parseIsoDateTime(std::string_view s) {
    Fields f;
    std::size_t at = 0;
    const bool negativeYear = !s.empty() && s[0] == '-';
    if (negativeYear)
        ++at;
    if (!readDigits(s, at, 4, true, f.year) || at >= s.size() || s[at++] != '-' ||
        !readDigits(s, at, 2, true, f.month) || at >= s.size() || s[at++] != '-' ||
        !readDigits(s, at, 2, true, f.day))
        return std::nullopt;
    if (negativeYear)
        f.year = -f.year;
    if (at < s.size() && (s[at] == 'T' || s[at] == ' ')) {
        ++at;
        if (!readDigits(s, at, 2, true, f.hour) || at >= s.size() || s[at++] != ':' ||
            !readDigits(s, at, 2, true, f.minute))
            return std::nullopt;
        if (at < s.size() && s[at] == ':') {
            ++at;
            int whole = 0;
            if (!readDigits(s, at, 2, true, whole))
                return std::nullopt;
            f.second = whole;
            if (at < s.size() && s[at] == '.') {
                ++at;
                double scale = 0.1;
                const std::size_t start = at;
                for (; at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]));
                     ++at, scale /= 10)
                    f.second += (s[at] - '0') * scale;
                if (at == start)
                    return std::nullopt;
            }
        }
        if (at < s.size() && s[at] == 'Z') {
            ++at;
        } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
            const int sign = s[at++] == '-' ? -1 : 1;
            int hours = 0, minutes = 0;
            if (!readDigits(s, at, 2, true, hours))
                return std::nullopt;
            if (at < s.size() && s[at] == ':')
                ++at;
            if (!readDigits(s, at, 2, true, minutes) || hours > 23 || minutes > 59)
                return std::nullopt;
            f.offsetMinutes = sign * (hours * 60 + minutes);
        }
    }
    if (at != s.size())
        return std::nullopt;
    return toSeconds(f);
}

std::optional<double> parseDateTimeFormat(std::string_view s, std::string_view format) {
    Fields f;
    std::size_t at = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size()) {
            if (at >= s.size() || s[at] != format[i])
                return std::nullopt;
            ++at;
            continue;
        }
        const char spec = format[++i];
        int value = 0;
        switch (spec) {
            case 'Y':
                if (!readDigits(s, at, 4, true, f.year))
                    return std::nullopt;
                break;
            case 'y':
                if (!readDigits(s, at, 2, true, value))
                    return std::nullopt;
                f.year = value < 69 ? 2000 + value : 1900 + value;
                break;
            case 'm':
            case 'd':
            case 'H':
            case 'M':
            case 'S':
                if (!readDigits(s, at, 2, false, value))
                    return std::nullopt;
                if (spec == 'm')
                    f.month = value;
                else if (spec == 'd')
                    f.day = value;
                else if (spec == 'H')
                    f.hour = value;
                else if (spec == 'M')
                    f.minute = value;
                else
                    f.second = value;
                break;
            case 'b':
            case 'B': {
                bool found = false;
                for (std::size_t m = 0; m < kMonthNames.size() && !found; ++m) {
                    const std::string_view name = kMonthNames[m];
                    for (const std::size_t length : {name.size(), std::size_t{3}}) {
                        if (at + length > s.size())
                            continue;
                        bool same = true;
                        for (std::size_t k = 0; k < length && same; ++k)
                            same = std::tolower(static_cast<unsigned char>(s[at + k])) == name[k];
                        if (same) {
                            f.month = static_cast<int>(m) + 1;
                            at += length;
                            found = true;
                            break;
                        }
                    }
                }
                if (!found)
                    return std::nullopt;
                break;
            }
            case '%':
                if (at >= s.size() || s[at++] != '%')
                    return std::nullopt;
                break;
            default:
                return std::nullopt;
        }
    }
    if (at != s.size())
        return std::nullopt;
    return toSeconds(f);
}

bool isDateInRange(double seconds) {
    static const double first = secondsOfDate(-9999, 1, 1);
    static const double end = secondsOfDate(10000, 1, 1);
    return seconds >= first && seconds < end;  // false for NaN and infinities
}

DateParts dateParts(double seconds) {
    DateParts p;
    if (!isDateInRange(seconds))
        return p;  // callers keep such values missing; 1970-01-01 rather than overflow
    double days = std::floor(seconds / kSecondsPerDay);
    double inDay = seconds - days * kSecondsPerDay;
    if (inDay >= kSecondsPerDay) {  // a rounding just below midnight
        days += 1;
        inDay = 0;
    } else if (inDay < 0) {
        inDay = 0;
    }
    const auto whole = static_cast<long long>(days);
    civilFromDays(whole, p.year, p.month, p.day);
    p.weekday = static_cast<int>(((whole + 3) % 7 + 7) % 7);  // 1970-01-01: Thursday (3)
    p.dayOfYear = static_cast<int>(whole - daysFromCivil(p.year, 1, 1)) + 1;
    p.hour = static_cast<int>(inDay / 3600);
    p.minute = static_cast<int>((inDay - p.hour * 3600.0) / 60);
    p.second = inDay - p.hour * 3600.0 - p.minute * 60.0;
    return p;
}

bool isMidnight(double seconds) {
    return std::fmod(seconds, kSecondsPerDay) == 0;
}

std::string formatDateTime(double seconds, bool dateOnly) {
    if (!isDateInRange(seconds))
        return {};
    // Milliseconds, rounded once, so 59.9996 s shows as the next minute.
    const double ms = std::round(seconds * 1000);
    const DateParts p = dateParts(std::floor(ms / 1000));
    const int millis = static_cast<int>(ms - std::floor(ms / 1000) * 1000);
    char buffer[48];
    // The sign apart, so year -1 is written -0001, as ISO 8601 and the reader have it.
    const char* sign = p.year < 0 ? "-" : "";
    const int year = p.year < 0 ? -p.year : p.year;
    if (dateOnly) {
        std::snprintf(buffer, sizeof buffer, "%s%04d-%02d-%02d", sign, year, p.month, p.day);
    } else if (millis == 0) {
        std::snprintf(buffer, sizeof buffer, "%s%04d-%02d-%02d %02d:%02d:%02d", sign, year, p.month,
                      p.day, p.hour, p.minute, static_cast<int>(p.second));
    } else {
        std::snprintf(buffer, sizeof buffer, "%s%04d-%02d-%02d %02d:%02d:%02d.%03d", sign, year,
                      p.month, p.day, p.hour, p.minute, static_cast<int>(p.second), millis);
    }
    return buffer;
}

}  // namespace sluice
