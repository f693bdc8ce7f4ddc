#include "io/csv_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "io/csv_assemble.h"
#include "io/csv_chunk_parser.h"
#include "io/csv_dialect.h"
#include "io/number_parse.h"
#include "io/text_source.h"
#include "util/parallel_for.h"

namespace sluice {
namespace {

using namespace csv;

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr std::size_t kSampleRecords = 200;
constexpr std::size_t kParallelMinBytes = std::size_t{4} << 20;
constexpr std::size_t kChunksPerThread = 4;  // small chunks even out uneven rows

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

class Reader {
public:
    Reader(TextSource source, const CsvReadOptions& options)
        : source_(std::move(source)), options_(options) {}

    CsvReadResult run();

private:
    [[noreturn]] void fail(std::size_t offset, std::size_t column,
                           const std::string& problem) const;
    [[noreturn]] void failWhole(const std::string& problem) const {
        throw CsvError(source_.name(), 0, 0, {}, problem);
    }
    void checkText(std::size_t from, std::size_t to, bool toleratesCutEnd) const;
    void failInvalidText(std::size_t offset, bool isNul) const;

    void readHeader(const char*& p);
    void planColumns(const char* dataStart);
    std::vector<Chunk> splitForParsing(const char* dataStart, unsigned threads);
    std::unique_ptr<ParseOutput> parse(std::vector<Chunk>& chunks, unsigned threads);
    void addRaggedWarnings(const std::vector<Chunk>& chunks);

    const char* begin() const { return source_.text().data(); }
    const char* end() const { return begin() + source_.text().size(); }

    TextSource source_;
    const CsvReadOptions& options_;
    CsvDialect dialect_;
    ParsePlan plan_;
    std::vector<std::string> names_;
    CsvReadResult result_;
};

void Reader::fail(std::size_t offset, std::size_t column, const std::string& problem) const {
    std::string name;
    if (column > 0 && column <= names_.size())
        name = names_[column - 1];
    throw CsvError(source_.name(), lineOfOffset(source_.text(), offset), column, name, problem);
}

void Reader::failInvalidText(std::size_t offset, bool isNul) const {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(source_.text()[offset]));
    // Binary files (images, spreadsheets) usually fail UTF-8 before their
    // first NUL byte; a NUL anywhere near the start gives them away.
    const std::string_view head = source_.text().substr(0, kSampleBytes);
    if (isNul || head.find('\0') != std::string_view::npos)
        fail(offset, 0,
             "the file holds a NUL byte, so it looks binary, not like CSV text; pick a text file");
    fail(offset, 0,
         std::string("byte ") + hex +
             " is not valid UTF-8; the file may be in Latin-1 or Windows-1252: save it as UTF-8");
}

// Checks [from, to) is text. When the range was cut at an arbitrary point,
// a multi-byte character cut in two at its end is not an error.
void Reader::checkText(std::size_t from, std::size_t to, bool toleratesCutEnd) const {
    bool isNul = false;
    const std::size_t bad = findInvalidText(source_.text().substr(from, to - from), isNul);
    if (bad == std::string_view::npos)
        return;
    if (toleratesCutEnd && !isNul && from + bad + 4 > to)
        return;
    failInvalidText(from + bad, isNul);
}

void Reader::readHeader(const char*& p) {
    const Format format = plan_.format;
    std::vector<std::string> raw;
    if (dialect_.header) {
        std::size_t fields = 0;
        const char* errorAt = nullptr;
        const auto status = readRecord(
            p, end(), format,
            [&](std::size_t, const RawField& f) {
                std::string name = unescape(f);
                // 'name' in single quotes, as some exporters write headers.
                if (!f.quoted && name.size() >= 2 && name.front() == '\'' && name.back() == '\'')
                    name = name.substr(1, name.size() - 2);
                raw.push_back(std::move(name));
            },
            fields, errorAt);
        if (status != TokenStatus::Ok)
            fail(static_cast<std::size_t>(errorAt - begin()), 0, describeTokenProblem(status));
    } else {
        const auto first = sampleRecords(
            std::string_view(p, std::min<std::size_t>(kSampleBytes, end() - p)), format, 1);
        raw.assign(first.empty() ? 1 : first.front().fields.size(), std::string());
    }

    // Renamed columns avoid every name the header spells out, so a later
    // "x_2" keeps its own name when an earlier "x" repeats.
    const std::unordered_set<std::string> written(raw.begin(), raw.end());
    std::unordered_set<std::string> used;
    auto freshName = [&](const std::string& base, int first) {
        std::string name;
        for (int k = first;; ++k) {
            name = base + std::to_string(k);
            if (!used.count(name) && !written.count(name))
                return name;
        }
    };
    for (std::size_t j = 0; j < raw.size(); ++j) {
        std::string name = raw[j];
        if (name.empty()) {
            name = "column_" + std::to_string(j + 1);
            if (used.count(name) || written.count(name))
                name = freshName("column_", 1);
            if (dialect_.header)
                result_.warnings.push_back("column " + std::to_string(j + 1) +
                                           " has no name in the header; it is called '" + name +
                                           "'");
        } else if (used.count(name)) {
            const std::string unique = freshName(name + "_", 2);
            result_.warnings.push_back("column " + std::to_string(j + 1) + " repeats the name '" +
                                       name + "'; it is renamed '" + unique + "'");
            name = unique;
        }
        used.insert(name);
        names_.push_back(std::move(name));
    }
}

void Reader::planColumns(const char* dataStart) {
    const std::size_t ncols = names_.size();
    const auto sample = sampleRecords(
        std::string_view(dataStart, std::min<std::size_t>(kSampleBytes, end() - dataStart)),
        plan_.format, kSampleRecords);
    plan_.columns.resize(ncols);
    for (std::size_t j = 0; j < ncols; ++j) {
        ColumnPlan& c = plan_.columns[j];
        c.name = names_[j];
        for (const auto& rec : sample) {
            if (j >= rec.fields.size())
                continue;
            const std::string& v = rec.fields[j];
            const bool missing =
                rec.quoted[j] ? v.empty() : isMissingToken(v, options_.missingTokens);
            if (!missing && !looksNumeric(v, plan_.decimalComma)) {
                c.startAsNumber = false;
                break;
            }
        }
    }
    for (const auto& [name, kind] : options_.columnKinds) {
        const auto it = std::find(names_.begin(), names_.end(), name);
        if (it == names_.end()) {
            std::string known;
            for (const auto& n : names_)
                known += (known.empty() ? "" : ", ") + n;
            failWhole("a column type is set for '" + name +
                      "', but the file has no such column (columns: " + known + ")");
        }
        ColumnPlan& c = plan_.columns[static_cast<std::size_t>(it - names_.begin())];
        c.forcedKind = kind;
        c.startAsNumber = kind == ColumnKind::Numeric;
        c.numberRequired = kind == ColumnKind::Numeric;
    }
    for (ColumnPlan& c : plan_.columns)
        if (c.startAsNumber)
            c.blockIndex = plan_.numericStartCount++;
}

std::vector<Chunk> Reader::splitForParsing(const char* dataStart, unsigned threads) {
    const Format format = plan_.format;
    const std::size_t from = static_cast<std::size_t>(dataStart - begin());
    const std::size_t size = static_cast<std::size_t>(end() - dataStart);

    if (options_.maxRows > 0) {
        const char* stop = nullptr;
        const std::size_t n = countRecordsExact(dataStart, end(), format, options_.maxRows, stop);
        result_.truncated = skipBlankLines(stop, end(), format) != end();
        checkText(from, static_cast<std::size_t>(stop - begin()), false);
        return {Chunk::whole(dataStart, stop, n)};
    }
    if (threads < 2 || size < kParallelMinBytes) {
        checkText(from, from + size, false);
        return {Chunk::whole(dataStart, end(), countRecordsFast(dataStart, end(), format))};
    }

    // Pass 1, in parallel: validate the text and count quotes in equal slices
    // (cut between characters, never inside one).
    const std::size_t slices = threads * kChunksPerThread;
    std::vector<const char*> cut(slices + 1);
    for (std::size_t i = 0; i <= slices; ++i) {
        const char* c = dataStart + size * i / slices;
        while (c < end() && c > dataStart && isContinuationByte(*c))
            ++c;
        cut[i] = c;
    }
    std::vector<std::size_t> quotes(slices, 0);
    parallelFor(slices, threads, [&](std::size_t i) {
        const auto a = static_cast<std::size_t>(cut[i] - begin());
        const auto b = static_cast<std::size_t>(cut[i + 1] - begin());
        checkText(a, b, false);
        quotes[i] = static_cast<std::size_t>(std::count(cut[i], cut[i + 1], '"'));
    });

    // Each chunk starts after the first line end outside quotes at or after
    // its cut; the quote count so far tells whether the cut is inside quotes.
    std::vector<Chunk> chunks(slices);
    std::size_t quotesBefore = 0;
    const char* previous = dataStart;
    for (std::size_t i = 0; i < slices; ++i) {
        const char* start = dataStart;
        if (i > 0) {
            bool inQuotes = quotesBefore % 2 == 1;
            start = cut[i];
            while (start < end()) {
                const char c = *start++;
                if (c == '"') {
                    inQuotes = !inQuotes;
                } else if (!inQuotes && isLineEnd(c)) {
                    if (c == '\r' && start < end() && *start == '\n')
                        ++start;
                    break;
                }
            }
            start = std::max(start, previous);
        }
        chunks[i].begin = start;
        if (i > 0)
            chunks[i - 1].end = start;
        previous = start;
        quotesBefore += quotes[i];
    }
    chunks.back().end = end();

    // Pass 2, in parallel: count each chunk's records.
    parallelFor(slices, threads, [&](std::size_t i) {
        chunks[i].rowCount = countRecordsFast(chunks[i].begin, chunks[i].end, format);
    });
    std::size_t row = 0;
    for (Chunk& c : chunks) {
        c.rowBegin = row;
        row += c.rowCount;
    }
    return chunks;
}

std::unique_ptr<ParseOutput> Reader::parse(std::vector<Chunk>& chunks, unsigned threads) {
    std::size_t rows = 0;
    for (const Chunk& c : chunks)
        rows += c.rowCount;
    auto out = std::make_unique<ParseOutput>(plan_, rows);
    parallelFor(chunks.size(), threads,
                [&](std::size_t i) { parseChunk(plan_, *out, chunks[i], begin(), end()); });
    return out;
}

void Reader::addRaggedWarnings(const std::vector<Chunk>& chunks) {
    std::size_t total = 0, listed = 0;
    const std::size_t ncols = names_.size();
    for (const Chunk& c : chunks) {
        total += c.raggedTotal;
        for (const RaggedRow& r : c.ragged) {
            if (listed == 20)
                break;
            ++listed;
            result_.warnings.push_back(
                "line " + std::to_string(lineOfOffset(source_.text(), r.offset)) + ": " +
                std::to_string(r.fields) + " fields instead of " + std::to_string(ncols) +
                (r.fields < ncols ? "; padded with missing values" : "; extra fields dropped"));
        }
    }
    if (total > listed)
        result_.warnings.push_back("... and " + std::to_string(total - listed) +
                                   " more rows with the wrong number of fields");
}

CsvReadResult Reader::run() {
    const std::string_view text = source_.text();
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        failWhole("the file is UTF-16 encoded; save it as UTF-8 to read it");
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        start = 3;
        dialect_.byteOrderMark = true;
    }
    if (text.size() == start)
        failWhole("the file is empty (no bytes)");

    const std::string_view sample = text.substr(start, kSampleBytes);
    checkText(start, start + sample.size(), sample.size() < text.size() - start);
    if (text.find_first_not_of(" \t\r\n", start) == std::string_view::npos)
        failWhole("the file is empty (only blank lines)");

    const CsvDialect detected = detectDialect(sample, options_);
    dialect_.delimiter = detected.delimiter;
    dialect_.header = detected.header;
    dialect_.decimalComma = detected.decimalComma;
    const auto firstEnd = sample.find_first_of("\r\n");
    dialect_.crlf = firstEnd != std::string_view::npos && sample.substr(firstEnd, 2) == "\r\n";

    plan_.format = formatOf(dialect_);
    plan_.decimalComma = dialect_.decimalComma;
    plan_.missingTokens = &options_.missingTokens;
    for (const auto& token : options_.missingTokens) {
        double v;
        if (parseNumber(token, dialect_.decimalComma, v) == NumberParse::Ok && !std::isnan(v))
            plan_.numericMissingTokens.push_back(token);
    }
    plan_.ragged = options_.raggedRows;

    const char* p = begin() + start;
    readHeader(p);
    const char* dataStart = p;
    planColumns(dataStart);

    const unsigned threads = options_.threads ? options_.threads : defaultThreadCount();
    std::vector<Chunk> chunks = splitForParsing(dataStart, threads);
    auto out = parse(chunks, threads);

    bool mismatch = false;
    for (const Chunk& c : chunks) {
        if (c.failure)
            fail(c.failure->offset, c.failure->column, c.failure->problem);
        if (c.boundaryMismatch) {
            mismatch = true;
            break;
        }
    }
    if (mismatch) {
        // A '"' inside an unquoted field fooled the fast split: read the file
        // again in one piece, counting with the tokenizer itself.
        const char* stop = nullptr;
        const std::size_t n = countRecordsExact(dataStart, end(), plan_.format, 0, stop);
        chunks = {Chunk::whole(dataStart, end(), n)};
        out = parse(chunks, 1);
        const Chunk& c = chunks.front();
        if (c.failure)
            fail(c.failure->offset, c.failure->column, c.failure->problem);
        if (c.boundaryMismatch)
            failWhole("internal error: the rows could not be counted consistently");
    }

    for (std::size_t j = 0; j < plan_.columns.size(); ++j) {
        if (!out->switched(j))
            continue;
        parallelFor(chunks.size(), threads, [&](std::size_t i) {
            if (!chunks[i].stringMode[j])
                parseColumnAsStrings(plan_, *out, chunks[i], j, end());
        });
    }
    addRaggedWarnings(chunks);
    result_.table = assembleTable(plan_, *out, chunks, options_, result_.warnings);
    result_.dialect = dialect_;
    return std::move(result_);
}

}  // namespace

CsvReadResult readCsvFile(const std::string& path, const CsvReadOptions& options) {
    return Reader(TextSource::openFile(path), options).run();
}

CsvReadResult readCsvText(std::string text, const CsvReadOptions& options, std::string name) {
    return Reader(TextSource::fromString(std::move(text), std::move(name)), options).run();
}

}  // namespace sluice
