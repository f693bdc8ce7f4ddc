#include "app/runner/memory_limit.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <limits>

#include "app/runner/runner_options.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#define SLUICE_HAS_RLIMIT 1
#endif

namespace sluice::runner {

std::uint64_t parseMemorySize(const std::string& text) {
    const auto bad = [&] {
        return UsageError("--memory-limit needs a size such as 512M or 2G (at least 16M), not '" +
                          text + "'");
    };
    std::uint64_t n = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, n);
    if (text.empty() || ec != std::errc() || ptr == begin)
        throw bad();
    std::string suffix(ptr, end);
    for (char& c : suffix)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (suffix.size() > 1 && (suffix.ends_with("IB")))
        suffix.resize(suffix.size() - 2);
    else if (suffix.size() > 1 && suffix.back() == 'B')
        suffix.pop_back();
    int shift = 0;
    if (suffix.empty() || suffix == "B")
        shift = 0;
    else if (suffix == "K")
        shift = 10;
    else if (suffix == "M")
        shift = 20;
    else if (suffix == "G")
        shift = 30;
    else if (suffix == "T")
        shift = 40;
    else
        throw bad();
    if (n > (std::numeric_limits<std::uint64_t>::max() >> shift))
        throw bad();
    const std::uint64_t bytes = n << shift;
    if (bytes < (std::uint64_t(16) << 20))
        throw bad();
    return bytes;
}

std::string applyMemoryLimit(std::uint64_t bytes) {
#ifdef SLUICE_HAS_RLIMIT
    rlimit limit{};
    if (::getrlimit(RLIMIT_AS, &limit) != 0)
        return std::string("warning   --memory-limit not applied: ") + std::strerror(errno);
    rlim_t wanted = static_cast<rlim_t>(bytes);
    if (limit.rlim_max != RLIM_INFINITY && wanted > limit.rlim_max)
        wanted = limit.rlim_max;  // an unprivileged process cannot raise the hard limit
    limit.rlim_cur = wanted;
    if (::setrlimit(RLIMIT_AS, &limit) != 0)
        return std::string("warning   --memory-limit not applied: ") + std::strerror(errno);
    return {};
#else
    (void)bytes;
    return "warning   --memory-limit is not supported on this system; running without a limit";
#endif
}

}  // namespace sluice::runner
