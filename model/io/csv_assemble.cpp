#include "io/csv_assemble.h"

#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "data/category_rule.h"
#include "data/date_time.h"

namespace sluice::csv {
namespace {

struct MergedStrings {
    std::vector<std::string> levels;
    std::size_t present = 0;
};

// Rewrites every chunk's local codes of `column` into global ones.
MergedStrings mergeDictionaries(ParseOutput& out, std::vector<Chunk>& chunks, std::size_t column) {
    MergedStrings merged;
    std::unordered_map<std::string_view, std::int32_t> global;
    std::vector<std::int32_t>& codes = out.codeArray(column);
    for (Chunk& chunk : chunks) {
        LocalDictionary& dict = chunk.dictionaries[column];
        std::vector<std::int32_t> remap(dict.levels.size());
        for (std::size_t i = 0; i < dict.levels.size(); ++i) {
            auto [it, added] = global.try_emplace(dict.levels[i], 0);
            if (added) {
                it->second = static_cast<std::int32_t>(merged.levels.size());
                merged.levels.push_back(dict.levels[i]);
            }
            remap[i] = it->second;
        }
        for (std::size_t r = chunk.rowBegin; r < chunk.rowBegin + chunk.rowCount; ++r) {
            if (codes[r] == Column::kMissingCode)
                continue;
            codes[r] = remap[static_cast<std::size_t>(codes[r])];
            ++merged.present;
        }
    }
    return merged;  // the map's keys view the chunks' dictionaries: it must not outlive them
}

bool keepAsCategorical(const ColumnPlan& plan, const MergedStrings& m, std::size_t maxLevels) {
    if (plan.forcedKind)
        return *plan.forcedKind == ColumnKind::Categorical;
    return textsMakeCategories(m.levels.size(), m.present, maxLevels);
}

Column textColumn(const std::string& name, const std::vector<std::int32_t>& codes,
                  const std::vector<std::string>& levels) {
    std::vector<std::string> values(codes.size());
    std::vector<bool> missing(codes.size(), false);
    bool anyMissing = false;
    for (std::size_t r = 0; r < codes.size(); ++r) {
        if (codes[r] == Column::kMissingCode) {
            missing[r] = true;
            anyMissing = true;
        } else {
            values[r] = levels[static_cast<std::size_t>(codes[r])];
        }
    }
    if (!anyMissing)
        missing.clear();
    return Column::text(name, std::move(values), std::move(missing), ColumnRole::Meta);
}

// The column as dates when every value reads as one (ISO 8601, or the
// options' format), or when it was forced to DateTime (values that are not
// dates then missing, with a warning); nullopt otherwise. Each distinct
// value is read once.
std::optional<Column> asDates(const ColumnPlan& plan, const MergedStrings& m,
                              const std::vector<std::int32_t>& codes, const CsvReadOptions& options,
                              std::vector<std::string>& warnings) {
    const bool forced = plan.forcedKind == ColumnKind::DateTime;
    if (!forced && (plan.forcedKind || !options.parseDates || m.levels.empty()))
        return std::nullopt;
    std::vector<double> levelSeconds(m.levels.size());
    std::size_t failed = 0;
    const std::string* firstFailure = nullptr;
    for (std::size_t l = 0; l < m.levels.size(); ++l) {
        const std::optional<double> v = options.dateFormat.empty()
                                            ? parseIsoDateTime(m.levels[l])
                                            : parseDateTimeFormat(m.levels[l], options.dateFormat);
        if (!v && !forced)
            return std::nullopt;
        if (!v && failed++ == 0)
            firstFailure = &m.levels[l];
        levelSeconds[l] = v.value_or(std::numeric_limits<double>::quiet_NaN());
    }
    if (failed > 0)
        warnings.push_back("column '" + plan.name + "': " + std::to_string(failed) +
                           " distinct values are not dates" +
                           (options.dateFormat.empty() ? " (ISO 8601, such as 2024-03-01)"
                                                       : " in the format " + options.dateFormat) +
                           ", first '" + *firstFailure + "'; read as missing");
    std::vector<double> seconds(codes.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t r = 0; r < codes.size(); ++r)
        if (codes[r] != Column::kMissingCode)
            seconds[r] = levelSeconds[static_cast<std::size_t>(codes[r])];
    return Column::dateTime(plan.name, std::move(seconds));
}

}  // namespace

TablePtr assembleTable(const ParsePlan& plan, ParseOutput& out, std::vector<Chunk>& chunks,
                       const CsvReadOptions& options, std::vector<std::string>& warnings) {
    const std::size_t ncols = plan.columns.size();
    const std::size_t rows = out.rows();

    // Numeric columns that stayed numeric move left over the ones that turned
    // to text, so the survivors sit side by side in one block.
    auto& block = *out.block();
    std::vector<std::size_t> packedIndex(ncols, 0);
    std::size_t packed = 0;
    for (std::size_t j = 0; j < ncols; ++j) {
        const ColumnPlan& c = plan.columns[j];
        if (!c.startAsNumber || out.switched(j))
            continue;
        if (c.blockIndex != packed)
            std::memmove(block.values.data() + packed * rows,
                         block.values.data() + c.blockIndex * rows, rows * sizeof(double));
        packedIndex[j] = packed++;
    }
    block.values.resize(packed * rows);  // no reallocation: shrinking keeps the buffer
    std::shared_ptr<const NumericBlock> shared = out.block();

    std::vector<Column> columns;
    columns.reserve(ncols);
    for (std::size_t j = 0; j < ncols; ++j) {
        const ColumnPlan& c = plan.columns[j];
        if (c.startAsNumber && !out.switched(j)) {
            columns.push_back(Column::numericInBlock(c.name, shared, packedIndex[j]));
            continue;
        }
        MergedStrings merged = mergeDictionaries(out, chunks, j);
        for (Chunk& chunk : chunks)
            chunk.dictionaries[j] = {};  // free as we go
        std::vector<std::int32_t> codes = std::move(out.codeArray(j));
        if (auto dates = asDates(c, merged, codes, options, warnings)) {
            columns.push_back(std::move(*dates));
        } else if (keepAsCategorical(c, merged, options.maxCategoricalLevels)) {
            columns.push_back(
                Column::categorical(c.name, std::move(codes), std::move(merged.levels)));
        } else {
            columns.push_back(textColumn(c.name, codes, merged.levels));
        }
    }
    return Table::make(std::move(columns));
}

}  // namespace sluice::csv
