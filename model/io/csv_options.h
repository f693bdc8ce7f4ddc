// Options and results of reading CSV files (see csv_reader.h).
//
// Every option that the reader can detect on its own is optional: leave it
// unset to detect, set it to override.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/category_rule.h"
#include "data/table.h"

namespace sluice {

// What to do with a row whose field count differs from the header's.
enum class RaggedRows {
    Fail,        // stop with an error naming the line
    PadAndWarn,  // pad short rows with missing values, drop extra fields, warn
};

// The delimiter value that means "runs of spaces and tabs".
inline constexpr char kWhitespaceDelimiter = ' ';

struct CsvReadOptions {
    // ',', ';', '\t', '|' or kWhitespaceDelimiter; unset = detect.
    std::optional<char> delimiter;
    // Whether the first row holds column names; unset = detect.
    std::optional<bool> header;
    // "3,14" means 3.14; unset = detect (only ever detected with ';', tab,
    // pipe or whitespace delimiters).
    std::optional<bool> decimalComma;
    // Forced kinds by column name (header name, or column_1... without one).
    std::map<std::string, ColumnKind> columnKinds;
    // Unquoted fields equal to one of these are missing. A quoted field is a
    // value, never missing: "NA" in quotes is the text NA.
    std::vector<std::string> missingTokens = {"", "NA", "N/A", "NaN", "null", "?"};
    // Read at most this many data rows (0 = all), e.g. for a preview.
    std::size_t maxRows = 0;
    RaggedRows raggedRows = RaggedRows::Fail;
    // A non-numeric column becomes categorical when it has at most this many
    // distinct values and they repeat (at most 20 distinct, or at most half as
    // many distinct values as present ones); otherwise text.
    std::size_t maxCategoricalLevels = kDefaultMaxLevels;
    // A non-numeric column whose every value reads as a date becomes a
    // DateTime column (data/date_time.h): ISO 8601 dates and timestamps, or,
    // when dateFormat is set (such as "%d/%m/%Y"), values in that format.
    // A column forced to DateTime reads values that are not dates as
    // missing, with a warning naming the column and the first of them.
    bool parseDates = true;
    std::string dateFormat;
    // Worker threads for large files; 0 = one per core.
    unsigned threads = 0;
};

// What the reader detected or was told.
struct CsvDialect {
    char delimiter = ',';
    bool header = true;
    bool decimalComma = false;
    bool byteOrderMark = false;
    bool crlf = false;  // line ends are "\r\n" (else "\n" or "\r")
};

struct CsvReadResult {
    TablePtr table;
    CsvDialect dialect;
    std::vector<std::string> warnings;  // each names the line or column
    bool truncated = false;             // maxRows stopped the read early
};

}  // namespace sluice
