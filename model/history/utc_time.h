// UTC timestamps for the run history: ISO-8601 text with milliseconds
// ("2026-11-28T02:36:05.123Z") and the compact form run ids start with
// ("20261128T023605.123Z"), which sorts in time order as plain text.
#pragma once

#include <chrono>
#include <string>

namespace sluice::history {

std::string isoUtc(std::chrono::system_clock::time_point time);
std::string compactUtc(std::chrono::system_clock::time_point time);

}  // namespace sluice::history
