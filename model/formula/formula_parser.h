// The Formula language's syntax: parsing an expression over a table's
// columns into a tree (the Formula and Select rows nodes, issue 18).
//
// Syntax:
// - Literals: numbers (3, 2.5, 1e-3), text in single or double quotes
//   ('north', "it's"; a quote doubled inside stands for itself), true,
//   false, missing.
// - Columns: a bare name (income, age_2) or any name in backquotes
//   (`monthly income`).
// - Operators, loosest first: or (||); and (&&); not (!); comparisons
//   == != < <= > >=; + -; * / %; unary -; ** (or ^, right to left).
//   Parentheses group.
// - Calls: name(arguments), the functions formula_eval.h lists.
//
// Contract: parseFormula() returns the tree or throws FormulaError with the
// 0-based character offset of the problem and what was expected there
// ("expected a value after '+'"), also when operands nest deeper than 256
// levels. It checks syntax only: names of columns
// and functions, and types, are checked when evaluating.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::formula {

class FormulaError : public std::runtime_error {
public:
    FormulaError(std::size_t position, const std::string& what)
        : std::runtime_error(what), position_(position) {}
    // 0-based offset into the expression's text.
    std::size_t position() const { return position_; }

private:
    std::size_t position_;
};

struct Expr {
    enum class Kind { Number, Text, Bool, Missing, Column, Unary, Binary, Call };
    Kind kind = Kind::Missing;
    std::size_t position = 0;  // where it starts in the text
    double number = 0;         // Number; Bool as 0 / 1
    std::string name;          // Text's value, Column's name, operator, function
    std::vector<Expr> args;    // operands or arguments
};

Expr parseFormula(std::string_view text);

// "'<text>' at character N: <what>" for an error in `text` (N from 1).
std::string describeFormulaError(std::string_view text, const FormulaError& error);

}  // namespace sluice::formula
