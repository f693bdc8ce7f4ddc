#include "io/csv_writer.h"

#include <cmath>
#include <functional>
#include <stdexcept>
#include <string_view>

#include "data/number_text.h"
#include "io/atomic_file.h"
#include "io/csv_options.h"

namespace sluice {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

bool needsQuotes(std::string_view s, char delimiter) {
    if (s.empty())
        return true;  // unquoted empty reads back as missing
    if (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t')
        return true;
    if (s.find_first_of("\"\r\n") != std::string_view::npos)
        return true;
    if (s.find(delimiter) != std::string_view::npos)
        return true;
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'')
        return true;  // header quoting
    static const CsvReadOptions defaults;
    for (const auto& token : defaults.missingTokens)
        if (s == token)
            return true;
    return false;
}

void appendField(std::string& out, std::string_view s, char delimiter) {
    if (!needsQuotes(s, delimiter)) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

// Writes the table in pieces to `emit`, never holding more than about a
// megabyte of text.
void writeRows(const Table& table, const CsvWriteOptions& options,
               const std::function<void(std::string_view)>& emit) {
    const char d = options.delimiter;
    if (d != ',' && d != ';' && d != '\t' && d != '|')
        throw std::invalid_argument(std::string("cannot write CSV with delimiter '") + d +
                                    "'; use ',', ';', tab or '|'");
    const char* lineEnd = options.crlf ? "\r\n" : "\n";
    const bool oneColumn = table.columnCount() == 1;
    std::string buf;
    if (options.header) {
        for (std::size_t j = 0; j < table.columnCount(); ++j) {
            if (j)
                buf += d;
            appendField(buf, table.column(j).name(), d);
        }
        buf += lineEnd;
    }
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        for (std::size_t j = 0; j < table.columnCount(); ++j) {
            if (j)
                buf += d;
            const Column& c = table.column(j);
            if (c.isMissing(r)) {
                if (oneColumn)
                    buf += "NA";
                continue;
            }
            switch (c.kind()) {
                case ColumnKind::Numeric:
                    appendNumber(buf, c.numbers()[r]);
                    break;
                case ColumnKind::Categorical:
                    appendField(buf, c.levels()[static_cast<std::size_t>(c.codes()[r])], d);
                    break;
                case ColumnKind::Text:
                    appendField(buf, c.texts()[r], d);
                    break;
                case ColumnKind::DateTime:
                    buf += c.displayValue(r);  // ISO 8601: never needs quotes
                    break;
            }
        }
        buf += lineEnd;
        if (buf.size() >= kFlushBytes) {
            emit(buf);
            buf.clear();
        }
    }
    emit(buf);
}

}  // namespace

void writeCsv(const Table& table, std::ostream& out, const CsvWriteOptions& options) {
    writeRows(table, options, [&](std::string_view s) {
        out.write(s.data(), static_cast<std::streamsize>(s.size()));
    });
    if (!out)
        throw std::runtime_error("writing CSV failed: the output stream reported an error");
}

std::string writeCsvString(const Table& table, const CsvWriteOptions& options) {
    std::string all;
    writeRows(table, options, [&](std::string_view s) { all += s; });
    return all;
}

void writeCsvFile(const Table& table, const std::string& path, const CsvWriteOptions& options) {
    AtomicFileWriter file(path);
    writeRows(table, options, [&](std::string_view s) { file.write(s); });
    file.commit();
}

}  // namespace sluice
