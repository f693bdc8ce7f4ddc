// StableHash: FNV-1a, 64 bits, over bytes fed in order. The same on every
// platform, build and run, so hashes can live in files and cache keys. Not
// for security: a fast fingerprint for content we produce ourselves.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace sluice {

class StableHash {
public:
    StableHash& add(std::string_view bytes) {
        for (unsigned char c : bytes) {
            h_ ^= c;
            h_ *= 0x100000001b3ULL;
        }
        return *this;
    }
    // A separator that cannot occur in UTF-8 text, so ("ab","c") != ("a","bc").
    StableHash& field(std::string_view bytes) {
        return add(bytes).add(std::string_view("\xff", 1));
    }
    std::uint64_t value() const { return h_; }
    // 16 lower-case hex digits.
    std::string hex() const {
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h_));
        return text;
    }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace sluice
