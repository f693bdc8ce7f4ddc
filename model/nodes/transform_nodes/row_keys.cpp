#include "nodes/transform_nodes/row_keys.h"

#include <cstdint>
#include <cstring>

#include "nodes/column_params.h"

namespace sluice {
namespace {

template <class T>
void appendBytes(std::string& out, T value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    out.append(bytes, sizeof value);
}

}  // namespace

RowKeys::RowKeys(const Table& table, const std::vector<std::string>& names,
                 std::string_view param) {
    for (const auto& name : names)
        columns_.push_back(&node_params::requireColumn(table, name, param));
}

bool RowKeys::key(std::size_t row, std::string& out, bool missingMatches) const {
    out.clear();
    for (const Column* c : columns_) {
        // Each part starts with a tag, so a missing value, a number and a
        // text can never run together into the same bytes.
        if (c->isMissing(row)) {
            if (!missingMatches)
                return false;
            out.push_back('m');
            continue;
        }
        if (c->kind() == ColumnKind::Numeric) {
            double v = c->numbers()[row];
            if (v == 0)
                v = 0;  // -0 and 0 are one key
            out.push_back('n');
            appendBytes(out, v);
        } else {
            const std::string& text = c->kind() == ColumnKind::Categorical
                                          ? c->levels()[static_cast<std::size_t>(c->codes()[row])]
                                          : c->texts()[row];
            out.push_back('t');
            appendBytes(out, static_cast<std::uint32_t>(text.size()));
            out.append(text);
        }
    }
    return true;
}

}  // namespace sluice
