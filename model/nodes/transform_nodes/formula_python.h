// The Formula language in an exported Python script: an expression tree
// (formula_parser.h) as pandas code over a data frame, with the helpers it
// calls, so that the script computes what formula_eval.h does: missing
// propagating, three-valued and/or (pandas' nullable booleans), x / 0
// missing, rounding halves to even, texts of categories.
//
// Contract: formulaPython(expr, "df") is one Python expression giving a
// pandas Series over df's rows; formulaPythonHelpers() is the code of the
// fx_* functions it calls (defined once per script). formulaPythonColumn()
// wraps a result as Sluice stores it (true/false as 1.0 / 0.0).
#pragma once

#include <string>

#include "formula/formula_parser.h"

namespace sluice::formula {

std::string formulaPython(const Expr& expr, const std::string& frame);
std::string formulaPythonHelpers();

}  // namespace sluice::formula
