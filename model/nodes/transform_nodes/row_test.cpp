#include "nodes/transform_nodes/row_test.h"

#include <algorithm>

#include "data/date_time.h"
#include "io/number_parse.h"
#include "nodes/column_params.h"
#include "nodes/node_type.h"

namespace sluice {
namespace {

std::string fieldPrefix(std::string_view where, std::string_view field) {
    return where.empty() ? "parameter '" + std::string(field) + "': "
                         : std::string(where) + ", " + std::string(field) + ": ";
}

// The value to compare a numeric or date column with.
double testNumber(const std::string& text, const Column& column, std::string_view where) {
    if (column.kind() == ColumnKind::DateTime) {
        if (const auto v = parseIsoDateTime(text))
            return *v;
        throw NodeError(fieldPrefix(where, "value") + "'" + text +
                        "' is not a date (such as 2024-03-01 or 2024-03-01 14:30), and column '" +
                        column.name() + "' holds dates");
    }
    double v = 0;
    if (parseNumber(text, false, v) != NumberParse::Ok)
        throw NodeError(fieldPrefix(where, "value") + "'" + text +
                        "' is not a number, and column '" + column.name() + "' is numeric");
    return v;
}

// The test for one present value of the column, by row.
std::function<bool(std::size_t)> presentTest(const Column& c, const std::string& op,
                                             const std::string& value, std::string_view where) {
    const bool isSet = op == "in" || op == "not_in";
    const bool negate = op == "!=" || op == "not_in";
    const std::vector<std::string> items =
        isSet ? node_params::splitList(value) : std::vector{value};
    if (c.holdsDoubles()) {
        const auto x = c.doubles();
        if (!isSet && op != "==" && op != "!=") {
            const double v = testNumber(value, c, where);
            if (op == "<")
                return [x, v](std::size_t r) { return x[r] < v; };
            if (op == "<=")
                return [x, v](std::size_t r) { return x[r] <= v; };
            if (op == ">")
                return [x, v](std::size_t r) { return x[r] > v; };
            return [x, v](std::size_t r) { return x[r] >= v; };
        }
        std::vector<double> set;
        for (const auto& item : items)
            set.push_back(testNumber(item, c, where));
        return [x, set, negate](std::size_t r) {
            const bool found = std::find(set.begin(), set.end(), x[r]) != set.end();
            return found != negate;
        };
    }
    if (!isSet && op != "==" && op != "!=")
        throw NodeError(fieldPrefix(where, "operator") + "'" + op +
                        "' compares numbers, but column '" + c.name() + "' is " +
                        std::string(kindName(c.kind())) + " (use ==, !=, in or not_in)");
    auto inSet = [items](const std::string& s) {
        return std::find(items.begin(), items.end(), s) != items.end();
    };
    if (c.kind() == ColumnKind::Categorical) {
        // Decide once per level, then look codes up.
        std::vector<bool> passes;
        for (const auto& level : c.levels())
            passes.push_back(inSet(level) != negate);
        const auto codes = c.codes();
        return
            [codes, passes](std::size_t r) { return passes[static_cast<std::size_t>(codes[r])]; };
    }
    const auto* texts = &c.texts();
    return [texts, inSet, negate](std::size_t r) { return inSet((*texts)[r]) != negate; };
}

}  // namespace

const std::vector<std::string>& rowTestOperators() {
    static const std::vector<std::string> operators = {
        "<", "<=", ">", ">=", "==", "!=", "in", "not_in", "is_missing", "not_missing"};
    return operators;
}

std::function<bool(std::size_t)> makeRowTest(const Column& column, const std::string& op,
                                             const std::string& value, std::string_view where) {
    const Column* c = &column;
    if (op == "is_missing")
        return [c](std::size_t r) { return c->isMissing(r); };
    if (op == "not_missing")
        return [c](std::size_t r) { return !c->isMissing(r); };
    auto test = presentTest(column, op, value, where);
    return [c, test = std::move(test)](std::size_t r) { return !c->isMissing(r) && test(r); };
}

}  // namespace sluice
