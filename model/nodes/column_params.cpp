#include "nodes/column_params.h"

#include "nodes/node_type.h"

namespace sluice::node_params {

std::vector<std::string> columnList(const nlohmann::json& params, const std::string& name) {
    std::vector<std::string> out;
    if (!params.contains(name) || !params[name].is_array())
        return out;
    for (const auto& v : params[name])
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

const Column& requireColumn(const Table& table, const std::string& column, std::string_view param) {
    if (const auto index = table.indexOf(column))
        return table.column(*index);
    throw NodeError("parameter '" + std::string(param) + "': column '" + column +
                    "' not found in the input table (columns: " + joinNames(table.columnNames()) +
                    ")");
}

void requireColumns(const Table& table, const std::vector<std::string>& columns,
                    std::string_view param) {
    for (const auto& c : columns)
        requireColumn(table, c, param);
}

std::vector<std::string> splitList(std::string_view text, bool keepEmpty) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        std::string_view item =
            text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
            item.remove_suffix(1);
        if (keepEmpty || !item.empty())
            out.emplace_back(item);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return out;
}

}  // namespace sluice::node_params
