// TextSource: the bytes of a text file (memory-mapped where the platform
// allows, read whole otherwise) or of a string, plus the checks every text
// reader needs before parsing: readable, not binary, valid UTF-8.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace sluice {

class TextSource {
public:
    // Throws CsvError naming the path when it is missing, a directory or
    // unreadable.
    static TextSource openFile(const std::string& path);
    static TextSource fromString(std::string text, std::string name = "<text>");

    TextSource(TextSource&&) noexcept;
    TextSource& operator=(TextSource&&) noexcept;
    ~TextSource();

    std::string_view text() const { return {data_, size_}; }
    const std::string& name() const { return name_; }

    // Tells the OS that [from, to) of a mapped file will not be read again soon,
    // so its pages leave this process's resident set (they stay in the page
    // cache and fault back in if touched). No-op for strings.
    void release(std::size_t from, std::size_t to) const;

private:
    TextSource() = default;

    std::string name_;
    std::string owned_;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    void* mapping_ = nullptr;
    std::size_t mappingSize_ = 0;
};

// Offset of the first byte that makes `text` not UTF-8 text: a NUL byte or an
// invalid UTF-8 sequence; std::string_view::npos when the text is clean.
// `isNul` tells which.
std::size_t findInvalidText(std::string_view text, bool& isNul);

// 1-based line of byte `offset`: counts "\n", "\r\n" and lone "\r" endings.
std::size_t lineOfOffset(std::string_view text, std::size_t offset);

}  // namespace sluice
