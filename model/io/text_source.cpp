#include "io/text_source.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "io/csv_error.h"

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define SLUICE_HAVE_MMAP 1
#endif

namespace sluice {
namespace {

[[noreturn]] void failOpen(const std::string& path, const std::string& why) {
    throw CsvError(path, 0, 0, {}, "cannot read the file: " + why);
}

}  // namespace

TextSource TextSource::fromString(std::string text, std::string name) {
    TextSource s;
    s.name_ = std::move(name);
    s.owned_ = std::move(text);
    s.data_ = s.owned_.data();
    s.size_ = s.owned_.size();
    return s;
}

TextSource TextSource::openFile(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        failOpen(path, "no such file");
    if (fs::is_directory(status))
        failOpen(path, "it is a folder, not a file");

    TextSource s;
    s.name_ = path;
#ifdef SLUICE_HAVE_MMAP
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        failOpen(path, std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        failOpen(path, std::strerror(err));
    }
    if (st.st_size > 0 && S_ISREG(st.st_mode)) {
        void* m =
            ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            ::madvise(m, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
            s.mapping_ = m;
            s.mappingSize_ = static_cast<std::size_t>(st.st_size);
            s.data_ = static_cast<const char*>(m);
            s.size_ = s.mappingSize_;
        }
    }
    ::close(fd);
    if (s.mapping_)
        return s;
#endif
    // Fallback (no mmap, pipes, special files): read it whole.
    std::ifstream in(path, std::ios::binary);
    if (!in)
        failOpen(path, "permission denied or unreadable");
    s.owned_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad())
        failOpen(path, "read error");
    s.data_ = s.owned_.data();
    s.size_ = s.owned_.size();
    return s;
}

TextSource::TextSource(TextSource&& o) noexcept {
    *this = std::move(o);
}

TextSource& TextSource::operator=(TextSource&& o) noexcept {
    if (this == &o)
        return *this;
#ifdef SLUICE_HAVE_MMAP
    if (mapping_)
        ::munmap(mapping_, mappingSize_);
#endif
    name_ = std::move(o.name_);
    owned_ = std::move(o.owned_);
    mapping_ = o.mapping_;
    mappingSize_ = o.mappingSize_;
    size_ = o.size_;
    data_ = mapping_ ? static_cast<const char*>(mapping_) : owned_.data();
    o.mapping_ = nullptr;
    o.mappingSize_ = 0;
    o.data_ = nullptr;
    o.size_ = 0;
    return *this;
}

TextSource::~TextSource() {
#ifdef SLUICE_HAVE_MMAP
    if (mapping_)
        ::munmap(mapping_, mappingSize_);
#endif
}

void TextSource::release(std::size_t from, std::size_t to) const {
#ifdef SLUICE_HAVE_MMAP
    if (!mapping_ || to <= from)
        return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t begin = (from + page - 1) / page * page;  // whole pages inside the range
    const std::size_t end = std::min(to, mappingSize_) / page * page;
    if (end > begin)
        ::madvise(static_cast<char*>(mapping_) + begin, end - begin, MADV_DONTNEED);
#else
    (void)from;
    (void)to;
#endif
}

std::size_t findInvalidText(std::string_view text, bool& isNul) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path: eight plain ASCII bytes (no high bit, no zero byte) at once.
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            const std::uint64_t high = w & 0x8080808080808080ULL;
            const std::uint64_t zero = (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
            if ((high | zero) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c == 0) {
            isNul = true;
            return i;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        // Multi-byte sequence: lead byte gives the length; reject overlongs,
        // surrogates and code points above U+10FFFF.
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            isNul = false;
            return i;
        }
        if (i + len > n) {
            isNul = false;
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                isNul = false;
                return i;
            }
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            isNul = false;
            return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

std::size_t lineOfOffset(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
        } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
            ++line;
        }
    }
    return line;
}

}  // namespace sluice
