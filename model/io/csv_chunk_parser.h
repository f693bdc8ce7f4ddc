// Parses a range of CSV records (a chunk) straight into the table's final
// storage. Internal to model/io; csv_reader.cpp drives it.
//
// Each chunk knows its first row and row count in advance (counted by
// countRecordsFast), so chunks parse in parallel without merging numbers.
// A column starts in numeric or string mode as planned from a sample. A
// numeric column that meets a field which is neither a number nor a missing
// token switches to string mode: the chunk re-reads that column's earlier
// fields as text, and other chunks convert theirs afterwards
// (parseColumnAsStrings), so the result never depends on how the file was
// split.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/column.h"
#include "io/csv_options.h"
#include "io/csv_tokenizer.h"

namespace sluice::csv {

struct ColumnPlan {
    std::string name;
    bool startAsNumber = true;
    bool numberRequired = false;  // forced numeric: a non-number is an error
    std::optional<ColumnKind> forcedKind;
    std::size_t blockIndex = 0;  // this column's place in the block when startAsNumber
};

struct ParsePlan {
    Format format;
    bool decimalComma = false;
    const std::vector<std::string>* missingTokens = nullptr;
    // The missing tokens that read as numbers (-999, say): checked before a
    // field is parsed as a number, so they stay missing.
    std::vector<std::string> numericMissingTokens;
    RaggedRows ragged = RaggedRows::Fail;
    std::vector<ColumnPlan> columns;
    std::size_t numericStartCount = 0;
};

// Storage every chunk writes into, sized for the whole table.
class ParseOutput {
public:
    ParseOutput(const ParsePlan& plan, std::size_t rows);

    std::size_t rows() const { return rows_; }
    double* numbers(std::size_t blockIndex) { return block_->values.data() + blockIndex * rows_; }
    // The codes array of a string-mode column, created on first use.
    std::int32_t* codes(std::size_t column);
    bool switched(std::size_t column) const { return switched_[column].load(); }
    void markSwitched(std::size_t column) { switched_[column].store(true); }

    std::shared_ptr<NumericBlock>& block() { return block_; }
    std::vector<std::int32_t>& codeArray(std::size_t column) { return *codes_[column]; }

private:
    std::size_t rows_;
    std::shared_ptr<NumericBlock> block_;
    std::vector<std::unique_ptr<std::vector<std::int32_t>>> codes_;
    std::unique_ptr<std::atomic<bool>[]> switched_;
    std::mutex mutex_;
};

// Distinct strings of one column within one chunk, in order of appearance.
struct LocalDictionary {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::vector<std::string> levels;
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> index;

    std::int32_t intern(std::string_view value);
};

struct ParseFailure {
    std::size_t offset = 0;  // byte offset into the whole text
    std::size_t column = 0;  // 1-based field number, 0 when about the row
    std::string problem;
};

struct RaggedRow {
    std::size_t offset;
    std::size_t fields;
};

struct Chunk {
    // A chunk of `rows` records starting at row 0 of the table.
    static Chunk whole(const char* begin, const char* end, std::size_t rows) {
        Chunk c;
        c.begin = begin;
        c.end = end;
        c.rowCount = rows;
        return c;
    }

    const char* begin = nullptr;  // first record
    const char* end = nullptr;    // where the next chunk begins
    std::size_t rowBegin = 0;
    std::size_t rowCount = 0;

    // Filled by parsing.
    std::vector<char> stringMode;  // per column
    std::vector<LocalDictionary> dictionaries;
    std::optional<ParseFailure> failure;
    std::vector<RaggedRow> ragged;  // the first few, for warnings
    std::size_t raggedTotal = 0;
    bool boundaryMismatch = false;  // records did not end where counted
};

// Records in [begin, end) counting every '"' as a quote toggle: exact for
// well-formed files; a stray quote inside an unquoted field makes it wrong,
// which parseChunk detects as a boundary mismatch.
std::size_t countRecordsFast(const char* begin, const char* end, const Format& format);

// Records from `begin` counted with the tokenizer itself, at most maxRecords
// (0 = all). `stop` is left after the last record counted.
std::size_t countRecordsExact(const char* begin, const char* end, const Format& format,
                              std::size_t maxRecords, const char*& stop);

// `textBegin` is the start of the whole text (for failure offsets), `textEnd`
// its end; records are read from chunk.begin on.
void parseChunk(const ParsePlan& plan, ParseOutput& out, Chunk& chunk, const char* textBegin,
                const char* textEnd);

// Converts one column of a chunk that stayed numeric to string mode.
void parseColumnAsStrings(const ParsePlan& plan, ParseOutput& out, Chunk& chunk, std::size_t column,
                          const char* textEnd);

}  // namespace sluice::csv
