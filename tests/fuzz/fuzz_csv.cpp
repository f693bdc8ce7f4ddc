// libFuzzer target: the CSV reader (readCsvText). The first two bytes pick
// reader options (delimiter, header, decimal comma, ragged rows, row and
// level limits, missing tokens, forced kinds (datetime too), threads), so the
// option paths are fuzzed along with the text; the rest is the file's text. The only
// exception the reader may throw is CsvError; anything else (another
// exception, a crash, a sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "io/csv_error.h"
#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sluice::CsvReadOptions options;
    std::size_t skip = 0;
    if (size >= 2) {
        const std::uint8_t a = data[0];
        const std::uint8_t b = data[1];
        skip = 2;
        static constexpr char kDelimiters[] = {',', ';', '\t', '|', sluice::kWhitespaceDelimiter};
        if (a & 0x08)  // else detect
            options.delimiter = kDelimiters[(a & 0x07) % sizeof kDelimiters];
        if (a & 0x10)
            options.header = (a & 0x20) != 0;
        if (a & 0x40)
            options.decimalComma = (a & 0x80) != 0;
        if (b & 0x01)
            options.raggedRows = sluice::RaggedRows::PadAndWarn;
        if (b & 0x02)
            options.maxRows = (b >> 4) + 1u;
        if (b & 0x04)
            options.maxCategoricalLevels = (b >> 4);
        if (b & 0x08)
            options.missingTokens.clear();
        if (b & 0x40) {  // force a kind on a column named in the header, or the first one
            static constexpr sluice::ColumnKind kKinds[] = {
                sluice::ColumnKind::Numeric, sluice::ColumnKind::Categorical,
                sluice::ColumnKind::Text, sluice::ColumnKind::DateTime};
            const sluice::ColumnKind kind = kKinds[(b >> 4) & 0x03];
            options.columnKinds[(b & 0x20) ? "a" : "column_1"] = kind;
        }
        options.threads = 1 + (b >> 7);
    }
    std::string text(reinterpret_cast<const char*>(data) + skip, size - skip);
    try {
        const sluice::CsvReadResult result =
            sluice::readCsvText(std::move(text), options, "fuzz.csv");
        if (!result.table)
            sluice::fuzz::fail("readCsvText returned no table");
    } catch (const sluice::CsvError&) {
        // A documented, user-facing error.
    }
    return 0;
}
