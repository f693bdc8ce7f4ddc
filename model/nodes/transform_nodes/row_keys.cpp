#include "nodes/transform_nodes/row_keys.h"

#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string_view>

#include "nodes/column_params.h"

namespace sluice {
namespace {

std::uint64_t textHash(std::string_view text) {
    return std::hash<std::string_view>{}(text);
}

// splitmix64's finaliser: every input bit reaches every output bit.
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// A present categorical or text value as text.
std::string_view textOf(const Column& c, std::size_t row) {
    return c.kind() == ColumnKind::Categorical
               ? std::string_view(c.levels()[static_cast<std::size_t>(c.codes()[row])])
               : std::string_view(c.texts()[row]);
}

}  // namespace

RowKeys::RowKeys(const Table& table, const std::vector<std::string>& names,
                 std::string_view param) {
    for (const auto& name : names) {
        const Column& c = node_params::requireColumn(table, name, param);
        columns_.push_back(&c);
        std::vector<std::uint64_t> hashes;
        if (c.kind() == ColumnKind::Categorical)
            for (const std::string& level : c.levels())
                hashes.push_back(textHash(level));
        levelHashes_.push_back(std::move(hashes));
    }
}

bool RowKeys::hash(std::size_t row, std::uint64_t& out, bool missingMatches) const {
    std::uint64_t h = 0x243F6A8885A308D3ULL;
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column* c = columns_[k];
        std::uint64_t part;
        if (c->isMissing(row)) {
            if (!missingMatches)
                return false;
            part = 0x9E3779B97F4A7C15ULL;
        } else if (c->holdsDoubles()) {
            double v = c->doubles()[row];
            if (v == 0)
                v = 0;  // -0 and 0 are one key
            std::memcpy(&part, &v, sizeof part);
        } else if (c->kind() == ColumnKind::Categorical) {
            part = levelHashes_[k][static_cast<std::size_t>(c->codes()[row])];
        } else {
            part = textHash(c->texts()[row]);
        }
        h = mix(h ^ part);
    }
    out = h;
    return true;
}

void RowKeys::hashAll(std::size_t rows, std::vector<std::uint64_t>& out,
                      std::vector<std::uint8_t>& missing, bool missingMatches) const {
    out.assign(rows, 0x243F6A8885A308D3ULL);
    missing.assign(rows, 0);
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column& c = *columns_[k];
        // The same parts as hash(), column by column.
        auto add = [&](std::size_t r, std::uint64_t part) { out[r] = mix(out[r] ^ part); };
        auto absent = [&](std::size_t r) {
            if (missingMatches)
                add(r, 0x9E3779B97F4A7C15ULL);
            else
                missing[r] = 1;
        };
        if (c.holdsDoubles()) {
            const std::span<const double> x = c.doubles();
            for (std::size_t r = 0; r < rows; ++r) {
                double v = x[r];
                if (v != v) {
                    absent(r);
                    continue;
                }
                if (v == 0)
                    v = 0;
                std::uint64_t part;
                std::memcpy(&part, &v, sizeof part);
                add(r, part);
            }
        } else if (c.kind() == ColumnKind::Categorical) {
            const std::span<const std::int32_t> codes = c.codes();
            const std::vector<std::uint64_t>& levels = levelHashes_[k];
            for (std::size_t r = 0; r < rows; ++r) {
                if (codes[r] < 0)
                    absent(r);
                else
                    add(r, levels[static_cast<std::size_t>(codes[r])]);
            }
        } else {
            const std::vector<std::string>& texts = c.texts();
            for (std::size_t r = 0; r < rows; ++r) {
                if (c.isMissing(r))
                    absent(r);
                else
                    add(r, textHash(texts[r]));
            }
        }
    }
}

bool RowKeys::equal(std::size_t a, const RowKeys& other, std::size_t b) const {
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column* x = columns_[k];
        const Column* y = other.columns_[k];
        const bool mx = x->isMissing(a), my = y->isMissing(b);
        if (mx || my) {
            if (mx != my)
                return false;
            continue;
        }
        const bool nx = x->holdsDoubles(), ny = y->holdsDoubles();
        if (nx != ny || (nx && x->kind() != y->kind()))
            return false;  // a number never equals a text, nor a date
        if (nx) {
            if (x->doubles()[a] != y->doubles()[b])
                return false;
            continue;
        }
        if (textOf(*x, a) != textOf(*y, b))
            return false;
    }
    return true;
}

}  // namespace sluice
