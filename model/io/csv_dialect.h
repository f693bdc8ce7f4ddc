// Detects how a CSV file is written (delimiter, header row, decimal comma)
// from a sample of its first records. Internal to model/io.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/csv_options.h"
#include "io/csv_tokenizer.h"

namespace sluice::csv {

struct SampleRecord {
    std::vector<std::string> fields;  // unescaped
    std::vector<bool> quoted;
};

// Whole records at the start of `sample`, at most maxRecords; a record cut
// off by the end of the sample is left out.
std::vector<SampleRecord> sampleRecords(std::string_view sample, const Format& format,
                                        std::size_t maxRecords);

// Fills delimiter, header and decimalComma: from the options where set,
// detected from the sample otherwise. `sample` starts at the first record.
CsvDialect detectDialect(std::string_view sample, const CsvReadOptions& options);

inline Format formatOf(const CsvDialect& d) {
    return Format{d.delimiter, d.delimiter == kWhitespaceDelimiter};
}

bool isMissingToken(std::string_view field, const std::vector<std::string>& tokens);

}  // namespace sluice::csv
