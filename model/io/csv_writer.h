// Writing Tables as CSV, so that readCsv* reads back an equal table.
//
// Contract:
// - Numbers in shortest round-trip form ("0.1", "1e+300", "inf"); missing
//   values as empty fields (as "NA" in a one-column table, where an empty
//   line would be skipped).
// - Categorical levels and text are quoted when they must be: empty strings,
//   delimiters, quotes, line breaks, surrounding blanks, and values that
//   would read back as missing ("NA", "?", ...). Quotes inside are doubled.
// - Kinds are not stored in CSV: a text column of numbers-as-text reads back
//   numeric unless the reader is told the kind (CsvReadOptions::columnKinds).
// - writeCsvFile is atomic (see atomic_file.h).
#pragma once

#include <ostream>
#include <string>

#include "data/table.h"

namespace sluice {

struct CsvWriteOptions {
    char delimiter = ',';  // ',', ';', '\t' or '|'
    bool header = true;
    bool crlf = false;
};

void writeCsv(const Table& table, std::ostream& out, const CsvWriteOptions& options = {});
std::string writeCsvString(const Table& table, const CsvWriteOptions& options = {});
// Throws std::runtime_error naming the path when it cannot be written.
void writeCsvFile(const Table& table, const std::string& path, const CsvWriteOptions& options = {});

}  // namespace sluice
