// Reading CSV files into Tables.
//
// Contract:
// - Detects what the options leave unset: delimiter (',', ';', tab, '|',
//   runs of spaces), header row, decimal comma; a UTF-8 byte-order mark and
//   "\r\n" / "\n" / "\r" line ends are always handled.
// - Infers each column's kind: numeric when every present value is a number;
//   otherwise categorical or text (see CsvReadOptions::maxCategoricalLevels).
//   Roles: numeric and categorical columns are features, text columns meta.
// - Every problem is a CsvError naming file, line and column and saying what
//   was expected: missing or unreadable file, empty file, binary or
//   non-UTF-8 content, unbalanced quotes, wrong field counts (unless padded),
//   numbers too large for a double, non-numbers in a forced numeric column,
//   forced kinds naming unknown columns. Recoverable oddities (duplicate or
//   empty header names, padded rows) become warnings in the result.
// - Large files are memory-mapped and parsed on several threads; the result
//   is identical whatever the thread count.
#pragma once

#include <string>

#include "io/csv_error.h"
#include "io/csv_options.h"

namespace sluice {

CsvReadResult readCsvFile(const std::string& path, const CsvReadOptions& options = {});
// `name` stands in for the file name in messages.
CsvReadResult readCsvText(std::string text, const CsvReadOptions& options = {},
                          std::string name = "<text>");

}  // namespace sluice
