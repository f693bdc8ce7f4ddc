// SHA-256 (FIPS 180-4) as 64 lowercase hex digits, the same as `sha256sum`
// prints: the fingerprint of pipeline files in run reports, and of pipelines,
// input files and model files in the run history.
//
// Contract: Sha256 takes bytes in pieces of any size (update() any number of
// times, then hex() once; update() after hex() throws std::logic_error).
// sha256File() reads the file in blocks, so a file of gigabytes costs no
// more memory than a small one; it throws std::runtime_error naming the path
// when the file cannot be opened or read.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sluice {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string hex();

private:
    void compressBlock(const unsigned char* block);

    std::array<std::uint32_t, 8> state_;
    unsigned char buffer_[64] = {};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes so far
    bool finished_ = false;
};

std::string sha256Hex(std::string_view bytes);

// The digest of the file's bytes and (through `size`, if given) its length.
std::string sha256File(const std::string& path, std::uint64_t* size = nullptr);

}  // namespace sluice
