// The CSV record tokenizer shared by dialect sniffing, counting and parsing.
// Internal to model/io; inline because it is the innermost loop of reading.
//
// Rules (RFC 4180 plus what real files need):
// - A field whose first non-blank character is '"' is quoted: it runs to the
//   next lone '"'; "" inside stands for one quote; delimiters and line breaks
//   inside are data. After the closing quote only blanks may precede the
//   delimiter or line end.
// - An unquoted field runs to the delimiter or line end; a '"' inside it is a
//   plain character; surrounding spaces and tabs are trimmed.
// - Lines end with "\n", "\r\n" or "\r". Lines holding only blanks are
//   skipped.
// - With whitespace runs as the delimiter, any run of spaces and tabs
//   separates fields and leading or trailing blanks make no field.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace sluice::csv {

struct Format {
    char delimiter = ',';
    bool whitespaceRuns = false;

    // Blanks are trimmed and make blank lines; a tab is data when it is the
    // delimiter, so a line of tabs is a row of empty fields, not a blank line.
    bool isBlank(char c) const { return c == ' ' || (c == '\t' && delimiter != '\t'); }
};

struct RawField {
    const char* begin;  // content, without surrounding quotes or blanks
    const char* end;
    bool quoted;
    bool escaped;  // holds "" pairs still to collapse

    std::string_view view() const { return {begin, static_cast<std::size_t>(end - begin)}; }
};

enum class TokenStatus { Ok, UnclosedQuote, TextAfterQuote };

inline const char* describeTokenProblem(TokenStatus status) {
    return status == TokenStatus::UnclosedQuote
               ? "a quoted field starts here but its closing quote never comes"
               : "unexpected text after a closing quote (a quote inside a quoted field must be "
                 "doubled: \"\")";
}

inline bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

// The field's value with "" collapsed (quoted fields only need it).
inline std::string unescape(const RawField& f) {
    if (!f.escaped)
        return std::string(f.view());
    std::string out;
    out.reserve(static_cast<std::size_t>(f.end - f.begin));
    for (const char* c = f.begin; c < f.end; ++c) {
        out.push_back(*c);
        if (*c == '"' && c + 1 < f.end && c[1] == '"')
            ++c;
    }
    return out;
}

// Skips lines holding only blanks; returns the start of the next record, or
// `end` when none is left.
inline const char* skipBlankLines(const char* p, const char* end, const Format& fmt) {
    for (;;) {
        const char* q = p;
        while (q < end && fmt.isBlank(*q))
            ++q;
        if (q == end)
            return end;
        if (!isLineEnd(*q))
            return p;
        p = q + 1;
    }
}

// Reads the record at or after `p` (blank lines first are skipped), calling
// onField(index, const RawField&) for each field, and leaves `p` after its
// line end. fieldCount is 0 when only blank lines were left. On a bad quote,
// errorAt points at the offending character and the status says which.
template <class OnField>
inline TokenStatus readRecord(const char*& p, const char* end, const Format& fmt, OnField&& onField,
                              std::size_t& fieldCount, const char*& errorAt) {
    p = skipBlankLines(p, end, fmt);
    fieldCount = 0;
    if (p == end)
        return TokenStatus::Ok;
    const char delim = fmt.delimiter;
    if (fmt.whitespaceRuns) {
        while (p < end && fmt.isBlank(*p))
            ++p;
    }
    std::size_t index = 0;
    for (;;) {
        const char* q = p;
        while (q < end && fmt.isBlank(*q) && *q != delim)
            ++q;
        if (q < end && *q == '"') {
            const char* c = q + 1;
            bool escaped = false;
            const char* close;
            for (;;) {
                close = static_cast<const char*>(
                    std::memchr(c, '"', static_cast<std::size_t>(end - c)));
                if (!close) {
                    errorAt = q;
                    return TokenStatus::UnclosedQuote;
                }
                if (close + 1 < end && close[1] == '"') {
                    escaped = true;
                    c = close + 2;
                    continue;
                }
                break;
            }
            p = close + 1;
            if (!fmt.whitespaceRuns) {
                while (p < end && fmt.isBlank(*p))
                    ++p;
            }
            if (p < end && !isLineEnd(*p) && *p != delim && !fmt.isBlank(*p)) {
                errorAt = p;
                return TokenStatus::TextAfterQuote;
            }
            onField(index, RawField{q + 1, close, true, escaped});
        } else {
            const char* c = p;
            if (fmt.whitespaceRuns) {
                while (c < end && !fmt.isBlank(*c) && !isLineEnd(*c))
                    ++c;
            } else {
                while (c < end && *c != delim && !isLineEnd(*c))
                    ++c;
            }
            const char* b = p;
            const char* e = c;
            while (b < e && fmt.isBlank(*b))
                ++b;
            while (e > b && fmt.isBlank(e[-1]))
                --e;
            onField(index, RawField{b, e, false, false});
            p = c;
        }
        ++index;
        if (p >= end)
            break;
        if (fmt.whitespaceRuns) {
            while (p < end && fmt.isBlank(*p))
                ++p;
            if (p >= end)
                break;
            if (!isLineEnd(*p))
                continue;
        } else if (*p == delim) {
            ++p;
            continue;
        }
        // Line end: "\r\n", "\n" or "\r".
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            ++p;
        ++p;
        break;
    }
    fieldCount = index;
    return TokenStatus::Ok;
}

}  // namespace sluice::csv
