// Resident memory, threads and open file descriptors of a process, from
// /proc (Linux): what the soak harnesses watch for leaks.
#pragma once

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sluice::bench {

struct ProcessStats {
    long rssKb = 0;
    long heapKb = 0;  // in use by malloc (all arenas; this process only)
    int threads = 0;
    int fds = 0;
};

inline ProcessStats processStats(const std::string& pid = "self") {
    ProcessStats stats;
    if (std::FILE* f = std::fopen(("/proc/" + pid + "/status").c_str(), "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            if (!std::strncmp(line, "VmRSS:", 6))
                stats.rssKb = std::atol(line + 6);
            else if (!std::strncmp(line, "Threads:", 8))
                stats.threads = std::atoi(line + 8);
        }
        std::fclose(f);
    }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    if (pid == "self")
        stats.heapKb = static_cast<long>(mallinfo2().uordblks / 1024);
#endif
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc/" + pid + "/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        ++stats.fds;
    return stats;
}

}  // namespace sluice::bench
