#include "io/csv_chunk_parser.h"

#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "io/csv_dialect.h"
#include "io/number_parse.h"

namespace sluice::csv {

ParseOutput::ParseOutput(const ParsePlan& plan, std::size_t rows)
    : rows_(rows), block_(std::make_shared<NumericBlock>()) {
    block_->rows = rows;
    block_->values.resize(rows * plan.numericStartCount);
    codes_.resize(plan.columns.size());
    switched_ = std::make_unique<std::atomic<bool>[]>(plan.columns.size());
    for (std::size_t j = 0; j < plan.columns.size(); ++j) {
        switched_[j].store(false);
        if (!plan.columns[j].startAsNumber)
            codes_[j] = std::make_unique<std::vector<std::int32_t>>(rows);
    }
}

std::int32_t* ParseOutput::codes(std::size_t column) {
    std::lock_guard lock(mutex_);
    auto& slot = codes_[column];
    if (!slot)
        slot = std::make_unique<std::vector<std::int32_t>>(rows_);
    return slot->data();
}

std::int32_t LocalDictionary::intern(std::string_view value) {
    if (auto it = index.find(value); it != index.end())
        return it->second;
    const auto code = static_cast<std::int32_t>(levels.size());
    levels.emplace_back(value);
    index.emplace(levels.back(), code);
    return code;
}

namespace {

// Offset of the first '"', '\n' or '\r' in the 16 bytes at p, or 16.
inline unsigned firstSpecialIn16(const char* p) {
#ifdef __SSE2__
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    return mask ? static_cast<unsigned>(__builtin_ctz(mask)) : 16u;
#else
    for (unsigned i = 0; i < 16; ++i)
        if (p[i] == '"' || p[i] == '\n' || p[i] == '\r')
            return i;
    return 16u;
#endif
}

}  // namespace

std::size_t countRecordsFast(const char* p, const char* end, const Format& format) {
    std::size_t records = 0;
    bool inQuotes = false;
    bool content = false;
    while (p < end) {
        if (inQuotes) {
            const void* q = std::memchr(p, '"', static_cast<std::size_t>(end - p));
            if (!q)
                break;  // an unclosed quote: the parse reports it
            p = static_cast<const char*>(q) + 1;
            inQuotes = false;
            continue;
        }
        // Inside a line that already has content only quotes and line ends
        // matter, so skip ordinary bytes sixteen at a time.
        if (content && end - p >= 16) {
            const unsigned skip = firstSpecialIn16(p);
            p += skip;
            if (skip == 16)
                continue;
        }
        const char c = *p++;
        if (c == '"') {
            inQuotes = true;
            content = true;
        } else if (isLineEnd(c)) {
            records += content;
            content = false;
        } else if (!content && !format.isBlank(c)) {
            content = true;
        }
    }
    return records + (content ? 1 : 0);
}

std::size_t countRecordsExact(const char* begin, const char* end, const Format& format,
                              std::size_t maxRecords, const char*& stop) {
    std::size_t records = 0;
    const char* p = begin;
    stop = begin;
    while (maxRecords == 0 || records < maxRecords) {
        std::size_t fields = 0;
        const char* errorAt = nullptr;
        const auto status = readRecord(
            p, end, format, [](std::size_t, const RawField&) {}, fields, errorAt);
        if (status != TokenStatus::Ok) {
            // Count the broken record too: the parse meets it and reports it.
            ++records;
            stop = end;
            break;
        }
        if (fields == 0)
            break;
        ++records;
        stop = p;
    }
    return records;
}

namespace {

constexpr std::size_t kRaggedKept = 20;

std::int32_t stringCode(LocalDictionary& dict, const RawField& f,
                        const std::vector<std::string>& missing) {
    if (!f.quoted && isMissingToken(f.view(), missing))
        return Column::kMissingCode;
    if (f.escaped)
        return dict.intern(unescape(f));
    return dict.intern(f.view());
}

std::string quoteForMessage(std::string_view s) {
    constexpr std::size_t kMax = 40;
    if (s.size() > kMax)
        return "'" + std::string(s.substr(0, kMax)) + "...'";
    return "'" + std::string(s) + "'";
}

// Reads the first `rows` records of a chunk and feeds field `column` of each
// to the chunk's dictionary for that column.
void rescanAsStrings(const ParsePlan& plan, ParseOutput& out, Chunk& chunk, std::size_t column,
                     std::size_t rows, const char* textEnd) {
    std::int32_t* codes = out.codes(column) + chunk.rowBegin;
    LocalDictionary& dict = chunk.dictionaries[column];
    const char* p = chunk.begin;
    for (std::size_t r = 0; r < rows; ++r) {
        std::size_t fields = 0;
        const char* errorAt = nullptr;
        codes[r] = Column::kMissingCode;  // short rows stay missing
        readRecord(
            p, textEnd, plan.format,
            [&](std::size_t index, const RawField& f) {
                if (index == column)
                    codes[r] = stringCode(dict, f, *plan.missingTokens);
            },
            fields, errorAt);
    }
    chunk.stringMode[column] = 1;
}

}  // namespace

void parseChunk(const ParsePlan& plan, ParseOutput& out, Chunk& chunk, const char* textBegin,
                const char* textEnd) {
    const std::size_t ncols = plan.columns.size();
    const auto& missing = *plan.missingTokens;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    chunk.stringMode.assign(ncols, 0);
    chunk.dictionaries.assign(ncols, {});
    std::vector<double*> numbers(ncols, nullptr);
    std::vector<std::int32_t*> codes(ncols, nullptr);
    for (std::size_t j = 0; j < ncols; ++j) {
        if (plan.columns[j].startAsNumber) {
            numbers[j] = out.numbers(plan.columns[j].blockIndex) + chunk.rowBegin;
        } else {
            chunk.stringMode[j] = 1;
            codes[j] = out.codes(j) + chunk.rowBegin;
        }
    }

    const char* p = chunk.begin;
    std::size_t row = 0;
    auto fail = [&](std::size_t offset, std::size_t column, std::string problem) {
        if (!chunk.failure)
            chunk.failure = ParseFailure{offset, column, std::move(problem)};
    };

    auto onField = [&](std::size_t j, const RawField& f) {
        if (j >= ncols || chunk.failure)
            return;
        if (!chunk.stringMode[j]) {
            double v;
            if (f.quoted && f.begin == f.end) {
                numbers[j][row] = nan;  // "" in a numeric column: missing
                return;
            }
            if (!plan.numericMissingTokens.empty() && !f.quoted &&
                isMissingToken(f.view(), plan.numericMissingTokens)) {
                numbers[j][row] = nan;
                return;
            }
            const auto parsed = parseNumber(f.view(), plan.decimalComma, v);
            if (parsed == NumberParse::Ok) {
                numbers[j][row] = v;
                return;
            }
            if (parsed == NumberParse::Overflow) {
                fail(static_cast<std::size_t>(f.begin - textBegin), j + 1,
                     "the number " + quoteForMessage(f.view()) +
                         " is too large for a double (the largest is about 1.8e308)");
                return;
            }
            if (!f.quoted && isMissingToken(f.view(), missing)) {
                numbers[j][row] = nan;
                return;
            }
            if (plan.columns[j].numberRequired) {
                fail(static_cast<std::size_t>(f.begin - textBegin), j + 1,
                     "expected a number (the column is set to numeric), found " +
                         quoteForMessage(unescape(f)));
                return;
            }
            // Not a number: from here on this column is text in every chunk.
            out.markSwitched(j);
            codes[j] = out.codes(j) + chunk.rowBegin;
            rescanAsStrings(plan, out, chunk, j, row, textEnd);
        }
        codes[j][row] = stringCode(chunk.dictionaries[j], f, missing);
    };

    while (row < chunk.rowCount) {
        p = skipBlankLines(p, textEnd, plan.format);
        const char* recordStart = p;
        std::size_t fields = 0;
        const char* errorAt = nullptr;
        const auto status = readRecord(p, textEnd, plan.format, onField, fields, errorAt);
        if (status != TokenStatus::Ok) {
            fail(static_cast<std::size_t>(errorAt - textBegin), 0, describeTokenProblem(status));
            return;
        }
        if (chunk.failure)
            return;
        if (fields == 0) {
            chunk.boundaryMismatch = true;  // fewer records than counted
            return;
        }
        if (fields != ncols) {
            if (plan.ragged == RaggedRows::Fail) {
                fail(static_cast<std::size_t>(recordStart - textBegin), 0,
                     "this row has " + std::to_string(fields) + " fields but the " + "table has " +
                         std::to_string(ncols) +
                         " columns (set ragged rows to 'pad' to fill or cut such rows)");
                return;
            }
            if (chunk.ragged.size() < kRaggedKept)
                chunk.ragged.push_back({static_cast<std::size_t>(recordStart - textBegin), fields});
            ++chunk.raggedTotal;
            for (std::size_t j = fields; j < ncols; ++j) {
                if (chunk.stringMode[j]) {
                    codes[j][row] = Column::kMissingCode;
                } else {
                    numbers[j][row] = nan;
                }
            }
        }
        ++row;
    }
    // The last record must end where the next chunk begins (blank lines aside).
    if (skipBlankLines(p, textEnd, plan.format) != skipBlankLines(chunk.end, textEnd, plan.format))
        chunk.boundaryMismatch = true;
}

void parseColumnAsStrings(const ParsePlan& plan, ParseOutput& out, Chunk& chunk, std::size_t column,
                          const char* textEnd) {
    rescanAsStrings(plan, out, chunk, column, chunk.rowCount, textEnd);
}

}  // namespace sluice::csv
