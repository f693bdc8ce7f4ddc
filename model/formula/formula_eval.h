// Evaluating a Formula expression (formula_parser.h) over a table, a whole
// column at a time, not row by row.
//
// Values have one of four types: number, bool, text and date. A numeric
// column is numbers, a categorical or text column is text, a datetime
// column is dates. Missing propagates: an operation with a missing operand
// is missing, except where said below.
//
// - Arithmetic + - * / % ** on numbers (+ also joins two texts); x / 0, and
//   any result that would be infinite, is missing (no learner takes infinity).
// - Comparisons: numbers with numbers, texts with texts (byte order), dates
//   with dates or with a date in quotes ('2024-03-01'); other mixes are a
//   type error, and so is arithmetic on dates.
// - and / or / not on bools, three-valued as in SQL: false and missing is
//   false, true or missing is true.
// - if(c, a, b): a where c is true, b where false, missing where c is;
//   a and b of one type. coalesce(a, b, ...): the first present value.
//   is_missing(x): a bool, never missing.
// - Math: log (natural; missing for x <= 0), exp, sqrt (missing for x < 0),
//   abs, pow(x, y), round(x[, digits]) (halves to even, as numpy), floor, ceil,
//   min(a, b, ...), max(a, b, ...) (missing if any is), clip(x, lo, hi).
// - Text: lower, upper (ASCII letters), trim (ASCII blanks), len,
//   contains(s, part), starts_with(s, p),
//   ends_with(s, p), replace(s, old, new) (every occurrence), substr(s,
//   start[, length]) (start from 0), concat(a, b, ...) (numbers as shown),
//   regex_match(s, pattern) (the whole text; ECMAScript syntax, on bytes;
//   texts up to 10,000 bytes),
//   regex_extract(s, pattern[, group]) (the first match's group, missing
//   when none), text(x) and number(s) (missing when it does not read; a
//   date gives its seconds since 1970).
// - Dates: date(s[, format]) (ISO 8601, or a strptime-like format as the
//   CSV reader's), days_between(a, b) and seconds_between(a, b) (b - a),
//   add_days(d, n), add_seconds(d, n), and the parts year, quarter, month,
//   day, hour, minute, weekday (Monday 0), day_of_year.
//
// Contract: evaluateFormula throws FormulaError at the position of the
// sub-expression at fault for an unknown column (listing the columns) or
// function, a wrong number of arguments, a type mismatch ("'+' needs
// numbers or texts on both sides, found number and text") and a bad regular
// expression. formulaColumn turns a value into a column: numbers numeric,
// bools numeric 0 / 1, dates datetime, texts categorical when they repeat
// (as the CSV reader decides, at most 1,000 levels), else text. A bare
// `missing` takes the type its place asks for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/table.h"
#include "formula/formula_parser.h"

namespace sluice::formula {

struct Value {
    enum class Type { Number, Bool, Text, Date };
    Type type = Type::Number;
    // A constant holds one value, used for every row.
    bool constant = false;
    std::vector<double> numbers;        // Number, Bool (0 / 1), Date (seconds); NaN missing
    std::vector<std::string> texts;     // Text
    std::vector<std::uint8_t> missing;  // Text: 1 where missing

    std::size_t size() const { return type == Type::Text ? texts.size() : numbers.size(); }
    // The index of row r's value (0 for a constant).
    std::size_t at(std::size_t r) const { return constant ? 0 : r; }
    bool isMissing(std::size_t r) const {
        return type == Type::Text ? missing[at(r)] != 0 : numbers[at(r)] != numbers[at(r)];
    }
};

std::string_view typeName(Value::Type type);

Value evaluateFormula(const Expr& expr, const Table& table);

Column formulaColumn(const Value& value, const std::string& name, std::size_t rows);

// The function names the language knows, for messages and completion.
const std::vector<std::string>& formulaFunctionNames();

}  // namespace sluice::formula
