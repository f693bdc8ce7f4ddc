// Turns parsed chunks into a Table: settles each column's kind, merges the
// chunks' dictionaries into one level list (in order of first appearance in
// the file, so the result does not depend on the thread count) and packs the
// numeric columns side by side in one block; text columns whose values are
// all dates become DateTime (CsvReadOptions::parseDates). Internal to
// model/io.
#pragma once

#include <vector>

#include "data/table.h"
#include "io/csv_chunk_parser.h"
#include "io/csv_options.h"

namespace sluice::csv {

TablePtr assembleTable(const ParsePlan& plan, ParseOutput& out, std::vector<Chunk>& chunks,
                       const CsvReadOptions& options, std::vector<std::string>& warnings);

}  // namespace sluice::csv
