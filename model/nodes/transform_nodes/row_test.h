// A test of one column's value per row, as Filter rows and Select rows'
// conditions put it: `column operator value`.
//
// Operators (rowTestOperators()): < <= > >= (numeric and date columns; a
// date value is written as ISO 8601, 2024-03-01), == != (any column:
// numbers and dates compared as such, categories and text as text), in /
// not_in (value is a comma-separated set), is_missing / not_missing. A
// missing value fails every test except is_missing (as in SQL).
//
// makeRowTest() throws NodeError when the value is not a number a numeric
// column needs, or the operator needs numbers and the column has none. The
// message starts "parameter 'value': " / "parameter 'operator': ", or, when
// `where` is given (such as "parameter 'conditions', row 2"), with it and
// the field ("..., row 2, value: ").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "data/column.h"

namespace sluice {

const std::vector<std::string>& rowTestOperators();

std::function<bool(std::size_t)> makeRowTest(const Column& column, const std::string& op,
                                             const std::string& value, std::string_view where);

}  // namespace sluice
