// Reading column-name and list parameters inside node run() functions, with
// errors that name the parameter, the column and the columns there are.
//
// - columnList(params, "columns"): the names of a Columns parameter.
// - requireColumn(table, name, "column"): the column, or a NodeError such as
//   "parameter 'column': column 'age' not found in the input table
//   (columns: a, b)".
// - splitList("a, b,,c"): comma-separated items, each trimmed of blanks;
//   empty items are kept only when keepEmpty (so "x," can mean {"x", ""}).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/table.h"

// A namespace of their own: other node families may well want helpers with
// these obvious names.
namespace sluice::node_params {

std::vector<std::string> columnList(const nlohmann::json& params, const std::string& name);

const Column& requireColumn(const Table& table, const std::string& column, std::string_view param);
void requireColumns(const Table& table, const std::vector<std::string>& columns,
                    std::string_view param);

std::vector<std::string> splitList(std::string_view text, bool keepEmpty = false);

std::string joinNames(const std::vector<std::string>& names);

}  // namespace sluice::node_params
