// libFuzzer target: the Formula language (issue 18). The input is an
// expression; it is parsed, and when it parses, evaluated over a small table
// with a column of each kind (numbers, categories, text, dates), missing
// values included. The only exception either step may throw is
// FormulaError; anything else (another exception, a crash, a sanitizer
// report) is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "formula/formula_eval.h"
#include "formula/formula_parser.h"
#include "fuzz_common.h"

namespace {

const sluice::Table& fuzzTable() {
    using sluice::Column;
    static const sluice::TablePtr table = sluice::Table::make(
        {Column::numeric("x", {1.5, -2, std::nan(""), 0, 1e308}),
         Column::numeric("n", {3, 0, 7, -1, 2}),
         Column::categorical("c", {0, 1, -1, 0, 1}, {"north", "Süd"}),
         Column::text("t", {"A-17", "", "héllo wörld", "x", "  pad  "},
                      {false, true, false, false, false}, sluice::ColumnRole::Feature),
         Column::dateTime("d", {1709251200, std::nan(""), -86400, 253402300799.0, 0.5}),
         Column::numeric("monthly income", {100, 200, 300, 400, 500})});
    return *table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const sluice::formula::Expr expr = sluice::formula::parseFormula(text);
        const sluice::formula::Value value = sluice::formula::evaluateFormula(expr, fuzzTable());
        const sluice::Column column =
            sluice::formula::formulaColumn(value, "out", fuzzTable().rowCount());
        for (std::size_t r = 0; r < column.size(); ++r)
            (void)column.displayValue(r);
    } catch (const sluice::formula::FormulaError& error) {
        if (error.position() > size)
            sluice::fuzz::fail("a FormulaError points past the end of the expression");
    }
    return 0;
}
