#include "io/csv_dialect.h"

#include <algorithm>
#include <map>

#include "io/number_parse.h"

namespace sluice::csv {

bool isMissingToken(std::string_view field, const std::vector<std::string>& tokens) {
    return std::find(tokens.begin(), tokens.end(), field) != tokens.end();
}

std::vector<SampleRecord> sampleRecords(std::string_view sample, const Format& format,
                                        std::size_t maxRecords) {
    std::vector<SampleRecord> out;
    const char* p = sample.data();
    const char* end = p + sample.size();
    while (out.size() < maxRecords) {
        SampleRecord rec;
        std::size_t count = 0;
        const char* errorAt = nullptr;
        const auto status = readRecord(
            p, end, format,
            [&](std::size_t, const RawField& f) {
                rec.fields.push_back(unescape(f));
                rec.quoted.push_back(f.quoted);
            },
            count, errorAt);
        if (status != TokenStatus::Ok || count == 0)
            break;
        out.push_back(std::move(rec));
    }
    return out;
}

namespace {

constexpr std::size_t kSniffRecords = 50;

// How well a delimiter explains the sample: the share of records that have
// the most common field count, and that count.
struct DelimiterFit {
    double consistency = 0.0;
    std::size_t fields = 0;
};

DelimiterFit fitDelimiter(std::string_view sample, char delimiter) {
    const Format format{delimiter, delimiter == kWhitespaceDelimiter};
    const auto records = sampleRecords(sample, format, kSniffRecords);
    if (records.empty())
        return {};
    std::map<std::size_t, std::size_t> counts;
    for (const auto& r : records)
        ++counts[r.fields.size()];
    const auto mode = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
        return a.second < b.second || (a.second == b.second && a.first < b.first);
    });
    return {static_cast<double>(mode->second) / static_cast<double>(records.size()), mode->first};
}

char detectDelimiter(std::string_view sample) {
    // Preference among equally good fits: a tab, semicolon or pipe that splits
    // every row the same way is deliberate (a ';' file usually has decimal
    // commas, which a ',' split would also find "consistent"); runs of spaces
    // come last because prose-like fields contain spaces.
    const char candidates[] = {'\t', ';', '|', ',', kWhitespaceDelimiter};
    char best = ',';
    DelimiterFit bestFit;
    for (char c : candidates) {
        const DelimiterFit fit = fitDelimiter(sample, c);
        if (fit.fields < 2)
            continue;
        if (fit.consistency > bestFit.consistency + 1e-9) {
            best = c;
            bestFit = fit;
        }
    }
    return best;
}

bool detectDecimalComma(const std::vector<SampleRecord>& records, std::size_t skipFirst) {
    std::size_t commaNumbers = 0, dotNumbers = 0;
    for (std::size_t r = skipFirst; r < records.size(); ++r) {
        for (const auto& field : records[r].fields) {
            double v;
            const bool plain = parseNumber(field, false, v) == NumberParse::Ok;
            if (plain && field.find('.') != std::string::npos)
                ++dotNumbers;
            if (!plain && field.find(',') != std::string::npos &&
                parseNumber(field, true, v) == NumberParse::Ok)
                ++commaNumbers;
        }
    }
    return commaNumbers > 0 && dotNumbers == 0;
}

bool detectHeader(const std::vector<SampleRecord>& records, bool decimalComma,
                  const std::vector<std::string>& missing) {
    if (records.empty())
        return true;
    const SampleRecord& first = records.front();
    auto isNumber = [&](const std::string& s, bool quoted) {
        return !quoted && !s.empty() && looksNumeric(s, decimalComma);
    };
    bool anyNumeric = false;
    for (std::size_t j = 0; j < first.fields.size(); ++j)
        anyNumeric |= isNumber(first.fields[j], first.quoted[j]);
    if (!anyNumeric)
        return true;  // names, not data (what most tools assume too)

    // A text label above a column of numbers is a header even when other
    // names look numeric (years, for instance).
    for (std::size_t j = 0; j < first.fields.size(); ++j) {
        const auto& name = first.fields[j];
        if (isNumber(name, first.quoted[j]) || isMissingToken(name, missing))
            continue;
        bool numbersBelow = false, allNumbers = true;
        for (std::size_t r = 1; r < records.size() && allNumbers; ++r) {
            if (j >= records[r].fields.size())
                continue;
            const auto& v = records[r].fields[j];
            if (isMissingToken(v, missing))
                continue;
            if (looksNumeric(v, decimalComma)) {
                numbersBelow = true;
            } else {
                allNumbers = false;
            }
        }
        if (numbersBelow && allNumbers)
            return true;
    }
    return false;
}

}  // namespace

CsvDialect detectDialect(std::string_view sample, const CsvReadOptions& options) {
    CsvDialect d;
    d.delimiter = options.delimiter ? *options.delimiter : detectDelimiter(sample);
    const auto records = sampleRecords(sample, formatOf(d), kSniffRecords);
    if (options.decimalComma) {
        d.decimalComma = *options.decimalComma;
    } else {
        // With ',' as the delimiter a decimal comma cannot exist unquoted.
        d.decimalComma = d.delimiter != ',' && detectDecimalComma(records, 1);
    }
    d.header = options.header ? *options.header
                              : detectHeader(records, d.decimalComma, options.missingTokens);
    return d;
}

}  // namespace sluice::csv
