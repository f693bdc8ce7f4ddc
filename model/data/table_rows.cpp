#include "data/table_rows.h"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace sluice {
namespace {

Column categoricalRows(const Column& c, const std::vector<std::size_t>& rows) {
    const auto codes = c.codes();
    std::vector<std::int32_t> picked(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        picked[i] = codes[rows[i]];
    return Column::categorical(c.name(), std::move(picked), c.levels(), c.role());
}

Column textRows(const Column& c, const std::vector<std::size_t>& rows) {
    const auto& texts = c.texts();
    std::vector<std::string> picked(rows.size());
    std::vector<bool> missing(rows.size(), false);
    bool anyMissing = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        picked[i] = texts[rows[i]];
        missing[i] = c.isMissing(rows[i]);
        anyMissing = anyMissing || missing[i];
    }
    // An empty mask means "nothing missing": no need to store one.
    return Column::text(c.name(), std::move(picked),
                        anyMissing ? std::move(missing) : std::vector<bool>{}, c.role());
}

}  // namespace

TablePtr takeRows(const Table& table, const std::vector<std::size_t>& rows) {
    const std::size_t n = rows.size();
    for (std::size_t r : rows)
        if (r >= table.rowCount())
            throw std::out_of_range("row " + std::to_string(r) + " of a table with " +
                                    std::to_string(table.rowCount()) + " rows");

    // One block for every numeric column, in table order: the layout the
    // CSV reader gives, which lets Eigen map the result without a copy.
    std::size_t numericCount = 0;
    for (const Column& c : table.columns())
        if (c.kind() == ColumnKind::Numeric)
            ++numericCount;
    auto block = std::make_shared<NumericBlock>();
    block->rows = n;
    block->values.resize(numericCount * n);
    std::size_t k = 0;
    for (const Column& c : table.columns()) {
        if (c.kind() != ColumnKind::Numeric)
            continue;
        const auto values = c.numbers();
        double* dest = block->values.data() + k++ * n;
        for (std::size_t i = 0; i < n; ++i)
            dest[i] = values[rows[i]];
    }
    const std::shared_ptr<const NumericBlock> shared = std::move(block);

    std::vector<Column> out;
    out.reserve(table.columnCount());
    k = 0;
    for (const Column& c : table.columns()) {
        switch (c.kind()) {
            case ColumnKind::Numeric:
                out.push_back(Column::numericInBlock(c.name(), shared, k++, c.role()));
                break;
            case ColumnKind::Categorical:
                out.push_back(categoricalRows(c, rows));
                break;
            case ColumnKind::Text:
                out.push_back(textRows(c, rows));
                break;
            case ColumnKind::DateTime: {
                std::vector<double> seconds(n);
                const auto from = c.seconds();
                for (std::size_t i = 0; i < n; ++i)
                    seconds[i] = from[rows[i]];
                out.push_back(Column::dateTime(c.name(), std::move(seconds), c.role()));
                break;
            }
        }
    }
    return Table::make(std::move(out));
}

Column gatherRows(const Column& c, const std::vector<std::size_t>& rows, std::string name) {
    const std::size_t n = rows.size();
    switch (c.kind()) {
        case ColumnKind::Numeric:
        case ColumnKind::DateTime: {
            std::vector<double> values(n, std::numeric_limits<double>::quiet_NaN());
            const auto numbers = c.doubles();
            for (std::size_t i = 0; i < n; ++i)
                if (rows[i] != kNoRow)
                    values[i] = numbers[rows[i]];
            return Column::ofDoubles(c.kind(), std::move(name), std::move(values), c.role());
        }
        case ColumnKind::Categorical: {
            std::vector<std::int32_t> codes(n, Column::kMissingCode);
            const auto source = c.codes();
            for (std::size_t i = 0; i < n; ++i)
                if (rows[i] != kNoRow)
                    codes[i] = source[rows[i]];
            return Column::categorical(std::move(name), std::move(codes), c.levels(), c.role());
        }
        case ColumnKind::Text: {
            std::vector<std::string> values(n);
            std::vector<bool> missing(n, true);
            for (std::size_t i = 0; i < n; ++i)
                if (rows[i] != kNoRow && !c.isMissing(rows[i])) {
                    values[i] = c.texts()[rows[i]];
                    missing[i] = false;
                }
            return Column::text(std::move(name), std::move(values), std::move(missing), c.role());
        }
    }
    return c;
}

}  // namespace sluice
