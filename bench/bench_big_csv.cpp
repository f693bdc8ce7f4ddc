// Resource bound: a ~2 GB numeric CSV is read without holding it twice.
//
// Writes a numeric CSV of about SIZE (default 2 GB) to /tmp (streamed, never
// held in memory), reads it once with readCsvFile and prints the wall time
// and the memory, against the file's size and the table's own size.
//
// Usage: bench_big_csv [--gb SIZE] [--path FILE] [--threads N] [--keep]
// Skips (exit 0) when the folder has less than 3 × SIZE free.
//
// How memory is measured, honestly: the reader memory-maps the file, and
// mapped file pages count in the resident set while they are touched, so
// peak RSS (getrusage ru_maxrss, /proc VmHWM) approaches table + file even
// though the file is never copied: those pages are the kernel's page cache,
// shared and dropped under pressure. What the reader itself allocates is
// anonymous memory: RssAnon in /proc/self/status, sampled here every 5 ms
// from another thread (Linux has no peak counter for it). The target is
//   peak RssAnon - RssAnon before the read <= table bytes + 10% of the file.
// The last line is machine-readable:
//   RESULT file_mb=... table_mb=... seconds=... peak_rss_mb=... peak_anon_mb=... ok=0|1
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "io/csv_reader.h"

namespace {

// A field of /proc/self/status in kB ("RssAnon:", "VmHWM:"); -1 if absent.
long statusKb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::size_t n = std::strlen(field);
    while (std::getline(in, line))
        if (line.compare(0, n, field) == 0)
            return std::atol(line.c_str() + n);
    return -1;
}

double mb(double bytes) {
    return bytes / (1024.0 * 1024.0);
}

// Streams rows of 10 numbers (6 decimals, some negative, some integers).
void writeCsv(const std::string& path, std::uint64_t targetBytes, std::uint64_t& rows) {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (!out) {
        std::perror(path.c_str());
        std::exit(1);
    }
    std::string buffer = "id,x1,x2,x3,x4,x5,x6,x7,x8,label\n";
    std::uint64_t written = 0;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> uniform(-1000.0, 1000.0);
    char number[64];
    rows = 0;
    while (written + buffer.size() < targetBytes) {
        const auto end = std::to_chars(number, number + sizeof number, rows).ptr;
        buffer.append(number, end);
        for (int c = 0; c < 8; ++c) {
            buffer += ',';
            const auto e = std::to_chars(number, number + sizeof number, uniform(rng),
                                         std::chars_format::fixed, 6)
                               .ptr;
            buffer.append(number, e);
        }
        buffer += ',';
        buffer += static_cast<char>('0' + rng() % 3);
        buffer += '\n';
        ++rows;
        if (buffer.size() > (1u << 20)) {
            std::fwrite(buffer.data(), 1, buffer.size(), out);
            written += buffer.size();
            buffer.clear();
        }
    }
    std::fwrite(buffer.data(), 1, buffer.size(), out);
    std::fclose(out);
}

}  // namespace

int main(int argc, char** argv) {
    double gb = 2.0;
    std::string path = "/tmp/sluice_bench_big.csv";
    bool keep = false;
    sluice::CsvReadOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--gb" && i + 1 < argc)
            gb = std::atof(argv[++i]);
        else if (flag == "--path" && i + 1 < argc)
            path = argv[++i];
        else if (flag == "--threads" && i + 1 < argc)
            options.threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (flag == "--keep")
            keep = true;
        else {
            std::fprintf(stderr, "usage: %s [--gb SIZE] [--path FILE] [--threads N] [--keep]\n",
                         argv[0]);
            return 2;
        }
    }
    const auto target = static_cast<std::uint64_t>(gb * 1024 * 1024 * 1024);
    const std::string folder = std::filesystem::path(path).parent_path().string();
    struct statvfs fs {};
    if (statvfs(folder.empty() ? "." : folder.c_str(), &fs) == 0) {
        const double freeBytes = double(fs.f_bavail) * double(fs.f_frsize);
        if (freeBytes < 3.0 * double(target)) {
            std::printf("SKIP: %.1f GB free in %s, need %.1f GB\n", freeBytes / 1e9, folder.c_str(),
                        3.0 * double(target) / 1e9);
            return 0;
        }
    }

    std::uint64_t rows = 0;
    if (!keep || !std::filesystem::exists(path)) {
        const auto t0 = std::chrono::steady_clock::now();
        writeCsv(path, target, rows);
        std::printf("wrote %s: %.0f MB, %llu rows, in %.1f s\n", path.c_str(),
                    mb(double(std::filesystem::file_size(path))), (unsigned long long)rows,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const double fileBytes = double(std::filesystem::file_size(path));

    const long anonBefore = statusKb("RssAnon:");
    std::atomic<bool> reading{true};
    std::atomic<long> peakAnon{anonBefore};
    std::thread sampler([&] {
        while (reading.load()) {
            const long now = statusKb("RssAnon:");
            if (now > peakAnon.load())
                peakAnon.store(now);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    const auto t0 = std::chrono::steady_clock::now();
    sluice::CsvReadResult result;
    try {
        result = sluice::readCsvFile(path, options);
    } catch (const std::exception& e) {
        reading = false;
        sampler.join();
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    reading = false;
    sampler.join();
    const long anonAfter = statusKb("RssAnon:");

    double tableBytes = 0;
    for (std::size_t c = 0; c < result.table->columnCount(); ++c)
        tableBytes += double(result.table->column(c).numbers().size()) * sizeof(double);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peakRss = double(usage.ru_maxrss) * 1024.0;  // Linux: kB
    const double anonGrowth = double(peakAnon.load() - anonBefore) * 1024.0;
    const bool ok = anonGrowth <= tableBytes + 0.10 * fileBytes;

    std::printf("file        %8.0f MB  (%zu rows x %zu columns)\n", mb(fileBytes),
                result.table->rowCount(), result.table->columnCount());
    std::printf("table       %8.0f MB  (the numbers, 8 bytes each)\n", mb(tableBytes));
    std::printf("read time   %8.2f s   (%.0f MB/s)\n", seconds, mb(fileBytes) / seconds);
    std::printf("peak RSS    %8.0f MB  (ru_maxrss: includes the mapped file's pages)\n",
                mb(peakRss));
    std::printf("peak anon   %8.0f MB  above the %0.f MB before the read (RssAnon, sampled)\n",
                mb(anonGrowth), mb(double(anonBefore) * 1024.0));
    std::printf("anon after  %8.0f MB  (the table, held)\n",
                mb(double(anonAfter - anonBefore) * 1024.0));
    std::printf("target      peak anon <= table + 10%% of file = %.0f MB: %s\n",
                mb(tableBytes + 0.10 * fileBytes), ok ? "met" : "NOT met");
    std::printf(
        "RESULT file_mb=%.0f table_mb=%.0f seconds=%.2f peak_rss_mb=%.0f peak_anon_mb=%.0f "
        "ok=%d\n",
        mb(fileBytes), mb(tableBytes), seconds, mb(peakRss), mb(anonGrowth), ok ? 1 : 0);
    if (!keep)
        std::filesystem::remove(path);
    return 0;
}
