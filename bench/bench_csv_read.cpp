// Timed harness for the CSV reader: reads a file several times and prints
// the best time, rows/s, MB/s and the process's peak resident memory.
// Usage: bench_csv_read FILE [--repeat N] [--threads N]
// The last line is machine-readable for run_csv_bench.sh:
//   RESULT seconds=<best> peak_mb=<peak> rows=<rows>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "io/csv_reader.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--repeat N] [--threads N]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    int repeat = 3;
    sluice::CsvReadOptions options;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--repeat")
            repeat = std::atoi(argv[i + 1]);
        if (flag == "--threads")
            options.threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    }
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    double best = 1e300;
    std::size_t rows = 0, cols = 0;
    try {
        for (int r = 0; r < repeat; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto result = sluice::readCsvFile(path, options);
            const double s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            best = std::min(best, s);
            rows = result.table->rowCount();
            cols = result.table->columnCount();
            std::printf("run %d: %.3f s\n", r + 1, s);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    std::printf(
        "sluice: %zu rows x %zu columns, %.1f MB, best %.3f s: %.2f M rows/s, %.0f MB/s, "
        "peak RSS %.0f MB\n",
        rows, cols, mb, best, static_cast<double>(rows) / best / 1e6, mb / best, peakMb);
    std::printf("RESULT seconds=%.4f peak_mb=%.1f rows=%zu\n", best, peakMb, rows);
    return 0;
}
