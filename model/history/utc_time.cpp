#include "history/utc_time.h"

#include <cstdio>
#include <ctime>

namespace sluice::history {
namespace {

std::string format(std::chrono::system_clock::time_point time, const char* pattern) {
    using namespace std::chrono;
    const auto ms = time_point_cast<milliseconds>(time);
    long long millis = ms.time_since_epoch().count() % 1000;
    std::time_t seconds =
        system_clock::to_time_t(time_point_cast<system_clock::duration>(ms - milliseconds(millis)));
    if (millis < 0) {  // before 1970: to_time_t rounds the other way
        millis += 1000;
        seconds -= 1;
    }
    std::tm parts{};
#ifdef _WIN32
    gmtime_s(&parts, &seconds);
#else
    gmtime_r(&seconds, &parts);
#endif
    char text[40];
    std::snprintf(text, sizeof text, pattern, parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                  parts.tm_hour, parts.tm_min, parts.tm_sec, static_cast<int>(millis));
    return text;
}

}  // namespace

std::string isoUtc(std::chrono::system_clock::time_point time) {
    return format(time, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ");
}

std::string compactUtc(std::chrono::system_clock::time_point time) {
    return format(time, "%04d%02d%02dT%02d%02d%02d.%03dZ");
}

}  // namespace sluice::history
