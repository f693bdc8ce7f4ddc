#include "formula/formula_eval.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <unordered_map>

#include "data/category_rule.h"
#include "data/date_time.h"
#include "data/number_text.h"
#include "io/number_parse.h"

namespace sluice::formula {
namespace {

using Type = Value::Type;
constexpr double kMissingNumber = std::numeric_limits<double>::quiet_NaN();

bool absent(double v) {
    return std::isnan(v);
}

Value numbersValue(Type type, std::size_t n, bool constant) {
    Value v;
    v.type = type;
    v.constant = constant;
    v.numbers.assign(constant ? 1 : n, kMissingNumber);
    return v;
}

Value textsValue(std::size_t n, bool constant) {
    Value v;
    v.type = Type::Text;
    v.constant = constant;
    v.texts.assign(constant ? 1 : n, std::string());
    v.missing.assign(constant ? 1 : n, 1);
    return v;
}

// The result's shape: a constant when every operand is one.
bool allConstant(const std::vector<Value>& values) {
    return std::all_of(values.begin(), values.end(), [](const Value& v) { return v.constant; });
}

std::string showNumber(double v) {
    return formatNumber(v);
}

// The text of row r of any value ("" when missing).
std::string textOf(const Value& v, std::size_t r) {
    const std::size_t i = v.at(r);
    switch (v.type) {
        case Type::Text:
            return v.texts[i];
        case Type::Bool:
            return v.numbers[i] != 0 ? "true" : "false";
        case Type::Number:
            return showNumber(v.numbers[i]);
        case Type::Date:
            return formatDateTime(v.numbers[i], isMidnight(v.numbers[i]));
    }
    return {};
}

// UTF-8: the byte offset of code point `index` (or the size when past it),
// so that len and substr count characters as Python does.
std::size_t utf8Offset(const std::string& s, std::size_t index) {
    std::size_t count = 0;
    for (std::size_t b = 0; b < s.size(); ++b)
        if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) {
            if (count == index)
                return b;
            ++count;
        }
    return s.size();
}

std::size_t utf8Length(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class Evaluator {
public:
    explicit Evaluator(const Table& table) : table_(table), n_(table.rowCount()) {}

    Value eval(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::Number: {
                Value v = numbersValue(Type::Number, n_, true);
                v.numbers[0] = e.number;
                return v;
            }
            case Expr::Kind::Bool: {
                Value v = numbersValue(Type::Bool, n_, true);
                v.numbers[0] = e.number;
                return v;
            }
            case Expr::Kind::Text: {
                Value v = textsValue(n_, true);
                v.texts[0] = e.name;
                v.missing[0] = 0;
                return v;
            }
            case Expr::Kind::Missing:
                return numbersValue(Type::Number, n_, true);  // adapts (unify)
            case Expr::Kind::Column:
                return column(e);
            case Expr::Kind::Unary:
                return unary(e);
            case Expr::Kind::Binary:
                return binary(e);
            case Expr::Kind::Call:
                return call(e);
        }
        return numbersValue(Type::Number, n_, true);
    }

private:
    Value column(const Expr& e) {
        const auto index = table_.indexOf(e.name);
        if (!index) {
            std::string names;
            for (const Column& c : table_.columns())
                names += (names.empty() ? "" : ", ") + c.name();
            throw FormulaError(e.position, "no column '" + e.name + "' (columns: " + names +
                                               "; a name with spaces goes in backquotes)");
        }
        const Column& c = table_.column(*index);
        if (c.holdsDoubles()) {
            Value v;
            v.type = c.kind() == ColumnKind::DateTime ? Type::Date : Type::Number;
            v.numbers.assign(c.doubles().begin(), c.doubles().end());
            return v;
        }
        Value v;
        v.type = Type::Text;
        v.texts.resize(n_);
        v.missing.assign(n_, 0);
        for (std::size_t r = 0; r < n_; ++r) {
            if (c.isMissing(r))
                v.missing[r] = 1;
            else if (c.kind() == ColumnKind::Categorical)
                v.texts[r] = c.levels()[static_cast<std::size_t>(c.codes()[r])];
            else
                v.texts[r] = c.texts()[r];
        }
        return v;
    }

    // The literal `missing` (an all-missing constant number) takes the type
    // of the value it meets.
    static bool isUntypedMissing(const Expr& e) { return e.kind == Expr::Kind::Missing; }

    Value missingLike(Type type) const {
        return type == Type::Text ? textsValue(n_, true) : numbersValue(type, n_, true);
    }

    // Evaluates the arguments, giving a bare `missing` the type of the
    // first typed one.
    std::vector<Value> evalUnified(const std::vector<const Expr*>& exprs) {
        std::vector<Value> values;
        std::optional<Type> type;
        for (const Expr* e : exprs) {
            values.push_back(eval(*e));
            if (!isUntypedMissing(*e) && !type)
                type = values.back().type;
        }
        if (type)
            for (std::size_t i = 0; i < exprs.size(); ++i)
                if (isUntypedMissing(*exprs[i]))
                    values[i] = missingLike(*type);
        return values;
    }

    [[noreturn]] static void typeError(const Expr& at, const std::string& what) {
        throw FormulaError(at.position, what);
    }

    void requireNumber(Value& v, const Expr& at, const std::string& who) const {
        if (at.kind == Expr::Kind::Missing) {
            v = missingLike(Type::Number);  // a bare missing is whatever is needed
            return;
        }
        if (v.type == Type::Text || v.type == Type::Date)
            typeError(at, who + " needs a number, found " + std::string(typeName(v.type)));
    }
    void requireDate(Value& v, const Expr& at, const std::string& who) const {
        if (at.kind == Expr::Kind::Missing) {
            v = missingLike(Type::Date);  // a bare missing is whatever is needed
            return;
        }
        if (v.type != Type::Date)
            typeError(at, who + " needs a date, found " + std::string(typeName(v.type)) +
                              " (date('2024-03-01') makes one)");
    }
    // A text constant next to a date reads as a date, so signup >=
    // '2024-01-01' compares dates.
    void textConstantAsDate(Value& v, const Expr& at) const {
        if (v.type != Type::Text || !v.constant || v.missing[0])
            return;
        const auto seconds = parseIsoDateTime(v.texts[0]);
        if (!seconds)
            typeError(at, "'" + v.texts[0] + "' is not a date (such as 2024-03-01)");
        Value date = numbersValue(Type::Date, n_, true);
        date.numbers[0] = *seconds;
        v = std::move(date);
    }
    void requireText(Value& v, const Expr& at, const std::string& who) const {
        if (at.kind == Expr::Kind::Missing) {
            v = missingLike(Type::Text);  // a bare missing is whatever is needed
            return;
        }
        if (v.type != Type::Text)
            typeError(at, who + " needs text, found " + std::string(typeName(v.type)) +
                              " (text(x) turns it into text)");
    }
    void requireBool(Value& v, const Expr& at, const std::string& who) const {
        if (at.kind == Expr::Kind::Missing) {
            v = missingLike(Type::Bool);  // a bare missing is whatever is needed
            return;
        }
        if (v.type != Type::Bool)
            typeError(at, who + " needs true or false, found " + std::string(typeName(v.type)) +
                              " (compare it, as in x > 0)");
    }

    // f over numbers, row by row; missing in, missing out.
    template <class F>
    Value mapNumbers(const std::vector<Value>& in, Type type, F f) const {
        const bool constant = allConstant(in);
        Value out = numbersValue(type, n_, constant);
        const std::size_t rows = constant ? 1 : n_;
        std::vector<double> args(in.size());
        for (std::size_t r = 0; r < rows; ++r) {
            bool missing = false;
            for (std::size_t k = 0; k < in.size(); ++k) {
                args[k] = in[k].numbers[in[k].at(r)];
                missing = missing || absent(args[k]);
            }
            if (!missing) {
                const double value = f(args);
                // Infinity is no value a learner takes: missing, as x / 0.
                out.numbers[r] = std::isfinite(value) ? value : kMissingNumber;
            }
        }
        return out;
    }

    // f over the texts of row r of `in`, giving a Value of `type`; missing
    // in, missing out.
    template <class F>
    Value mapTexts(const std::vector<Value>& in, Type type, F f) const {
        const bool constant = allConstant(in);
        Value out =
            type == Type::Text ? textsValue(n_, constant) : numbersValue(type, n_, constant);
        const std::size_t rows = constant ? 1 : n_;
        for (std::size_t r = 0; r < rows; ++r) {
            if (std::any_of(in.begin(), in.end(), [&](const Value& v) { return v.isMissing(r); }))
                continue;
            f(r, out);
        }
        return out;
    }

    Value unary(const Expr& e) {
        Value a = eval(e.args[0]);
        if (e.name == "not") {
            requireBool(a, e.args[0], "not");
            return mapNumbers({a}, Type::Bool, [](const auto& x) { return 1 - x[0]; });
        }
        requireNumber(a, e.args[0], "'-'");
        return mapNumbers({a}, Type::Number, [](const auto& x) { return -x[0]; });
    }

    Value binary(const Expr& e) {
        std::vector<Value> v = evalUnified({&e.args[0], &e.args[1]});
        const std::string& op = e.name;
        if (op == "and" || op == "or") {
            requireBool(v[0], e.args[0], "'" + op + "'");
            requireBool(v[1], e.args[1], "'" + op + "'");
            const bool isAnd = op == "and";
            const bool constant = allConstant(v);
            Value out = numbersValue(Type::Bool, n_, constant);
            for (std::size_t r = 0; r < (constant ? 1 : n_); ++r) {
                const double a = v[0].numbers[v[0].at(r)], b = v[1].numbers[v[1].at(r)];
                const double decisive = isAnd ? 0 : 1;  // false decides and; true decides or
                out.numbers[r] = a == decisive || b == decisive ? decisive
                                 : absent(a) || absent(b)       ? kMissingNumber
                                                                : 1 - decisive;
            }
            return out;
        }
        if (v[0].type == Type::Date || v[1].type == Type::Date) {
            textConstantAsDate(v[0], e.args[0]);
            textConstantAsDate(v[1], e.args[1]);
            const bool comparison =
                op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=";
            if (!comparison)
                typeError(e, "'" + op +
                                 "' does not take dates; use days_between(a, b) or "
                                 "add_days(d, n)");
        }
        const bool texts = v[0].type == Type::Text || v[1].type == Type::Text;
        if ((v[0].type == Type::Date) != (v[1].type == Type::Date) ||
            (texts && (v[0].type != Type::Text || v[1].type != Type::Text)))
            typeError(e, "'" + op + "' needs the same type on both sides, found " +
                             std::string(typeName(v[0].type)) + " and " +
                             std::string(typeName(v[1].type)));
        if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
            auto decide = [op](int order) -> double {
                if (op == "==")
                    return order == 0;
                if (op == "!=")
                    return order != 0;
                if (op == "<")
                    return order < 0;
                if (op == "<=")
                    return order <= 0;
                if (op == ">")
                    return order > 0;
                return order >= 0;
            };
            if (texts)
                return mapTexts(v, Type::Bool, [&](std::size_t r, Value& out) {
                    const int c = v[0].texts[v[0].at(r)].compare(v[1].texts[v[1].at(r)]);
                    out.numbers[out.at(r)] = decide((c > 0) - (c < 0));
                });
            return mapNumbers(v, Type::Bool, [&](const auto& x) {
                return decide(x[0] < x[1] ? -1 : x[1] < x[0] ? 1 : 0);
            });
        }
        if (texts) {
            if (op != "+")
                typeError(e, "'" + op + "' needs numbers, found text");
            return mapTexts(v, Type::Text, [&](std::size_t r, Value& out) {
                out.texts[out.at(r)] = v[0].texts[v[0].at(r)] + v[1].texts[v[1].at(r)];
                out.missing[out.at(r)] = 0;
            });
        }
        if (op == "+")
            return mapNumbers(v, Type::Number, [](const auto& x) { return x[0] + x[1]; });
        if (op == "-")
            return mapNumbers(v, Type::Number, [](const auto& x) { return x[0] - x[1]; });
        if (op == "*")
            return mapNumbers(v, Type::Number, [](const auto& x) { return x[0] * x[1]; });
        if (op == "/")
            return mapNumbers(v, Type::Number, [](const auto& x) {
                return x[1] == 0 ? kMissingNumber : x[0] / x[1];
            });
        if (op == "%")
            return mapNumbers(v, Type::Number, [](const auto& x) {
                if (x[1] == 0)
                    return kMissingNumber;
                double r = std::fmod(x[0], x[1]);
                if (r != 0 && (r < 0) != (x[1] < 0))
                    r += x[1];  // the divisor's sign, as Python and pandas
                return r;
            });
        return mapNumbers(v, Type::Number, [](const auto& x) { return std::pow(x[0], x[1]); });
    }

    void arity(const Expr& e, std::size_t least, std::size_t most) const {
        const std::size_t n = e.args.size();
        if (n >= least && n <= most)
            return;
        const std::string wanted = least == most ? std::to_string(least)
                                   : most == SIZE_MAX
                                       ? std::to_string(least) + " or more"
                                       : std::to_string(least) + " to " + std::to_string(most);
        throw FormulaError(e.position,
                           e.name + "() takes " + wanted + " arguments, not " + std::to_string(n));
    }

    Value call(const Expr& e);
    Value dateCall(const Expr& e, const std::vector<const Expr*>& exprs);
    Value textCall(const Expr& e, const std::vector<const Expr*>& exprs);

    const Table& table_;
    std::size_t n_;
};

using MathFunction = double (*)(double);

const std::map<std::string, MathFunction>& mathFunctions() {
    static const std::map<std::string, MathFunction> functions = {
        {"log", [](double x) { return x > 0 ? std::log(x) : kMissingNumber; }},
        {"exp", [](double x) { return std::exp(x); }},
        {"sqrt", [](double x) { return x >= 0 ? std::sqrt(x) : kMissingNumber; }},
        {"abs", [](double x) { return std::abs(x); }},
        {"floor", [](double x) { return std::floor(x); }},
        {"ceil", [](double x) { return std::ceil(x); }},
    };
    return functions;
}

Value Evaluator::call(const Expr& e) {
    const std::string& f = e.name;
    std::vector<const Expr*> exprs;
    for (const Expr& a : e.args)
        exprs.push_back(&a);

    if (const auto math = mathFunctions().find(f); math != mathFunctions().end()) {
        arity(e, 1, 1);
        Value x = eval(e.args[0]);
        requireNumber(x, e.args[0], f + "()");
        const MathFunction fn = math->second;
        return mapNumbers({x}, Type::Number, [fn](const auto& a) { return fn(a[0]); });
    }
    if (f == "pow" || f == "round" || f == "clip" || f == "min" || f == "max") {
        if (f == "pow")
            arity(e, 2, 2);
        else if (f == "round")
            arity(e, 1, 2);
        else if (f == "clip")
            arity(e, 3, 3);
        else
            arity(e, 1, SIZE_MAX);
        std::vector<Value> v = evalUnified(exprs);
        for (std::size_t k = 0; k < v.size(); ++k)
            requireNumber(v[k], e.args[k], f + "()");
        if (f == "pow")
            return mapNumbers(v, Type::Number, [](const auto& x) { return std::pow(x[0], x[1]); });
        if (f == "round")
            // Halves to even, as numpy and pandas round.
            return mapNumbers(v, Type::Number, [](const auto& x) {
                const double scale = x.size() > 1 ? std::pow(10.0, x[1]) : 1.0;
                return std::nearbyint(x[0] * scale) / scale;
            });
        if (f == "clip")
            return mapNumbers(v, Type::Number,
                              [](const auto& x) { return std::min(std::max(x[0], x[1]), x[2]); });
        const bool isMin = f == "min";
        return mapNumbers(v, Type::Number, [isMin](const auto& x) {
            return isMin ? *std::min_element(x.begin(), x.end())
                         : *std::max_element(x.begin(), x.end());
        });
    }
    if (f == "if") {
        arity(e, 3, 3);
        Value c = eval(e.args[0]);
        requireBool(c, e.args[0], "if()'s condition");
        std::vector<Value> v = evalUnified({&e.args[1], &e.args[2]});
        if (v[0].type != v[1].type)
            typeError(e, "if() needs its two choices of one type, found " +
                             std::string(typeName(v[0].type)) + " and " +
                             std::string(typeName(v[1].type)));
        const bool constant = c.constant && v[0].constant && v[1].constant;
        Value out = missingLike(v[0].type);
        if (!constant)
            out = v[0].type == Type::Text ? textsValue(n_, false)
                                          : numbersValue(v[0].type, n_, false);
        for (std::size_t r = 0; r < (constant ? 1 : n_); ++r) {
            const double cond = c.numbers[c.at(r)];
            if (absent(cond))
                continue;
            const Value& pick = cond != 0 ? v[0] : v[1];
            if (out.type == Type::Text) {
                out.texts[r] = pick.texts[pick.at(r)];
                out.missing[r] = pick.missing[pick.at(r)];
            } else {
                out.numbers[r] = pick.numbers[pick.at(r)];
            }
        }
        return out;
    }
    if (f == "coalesce") {
        arity(e, 1, SIZE_MAX);
        std::vector<Value> v = evalUnified(exprs);
        for (std::size_t k = 1; k < v.size(); ++k)
            if (v[k].type != v[0].type)
                typeError(e.args[k], "coalesce() needs every value of one type, found " +
                                         std::string(typeName(v[0].type)) + " and " +
                                         std::string(typeName(v[k].type)));
        const bool constant = allConstant(v);
        Value out = v[0].type == Type::Text ? textsValue(n_, constant)
                                            : numbersValue(v[0].type, n_, constant);
        for (std::size_t r = 0; r < (constant ? 1 : n_); ++r)
            for (const Value& x : v)
                if (!x.isMissing(r)) {
                    if (out.type == Type::Text) {
                        out.texts[r] = x.texts[x.at(r)];
                        out.missing[r] = 0;
                    } else {
                        out.numbers[r] = x.numbers[x.at(r)];
                    }
                    break;
                }
        return out;
    }
    if (f == "is_missing") {
        arity(e, 1, 1);
        Value x = eval(e.args[0]);
        Value out = numbersValue(Type::Bool, n_, x.constant);
        for (std::size_t r = 0; r < out.numbers.size(); ++r)
            out.numbers[r] = x.isMissing(r) ? 1 : 0;
        return out;
    }
    if (f == "text") {
        arity(e, 1, 1);
        Value x = eval(e.args[0]);
        return mapTexts({x}, Type::Text, [&](std::size_t r, Value& out) {
            out.texts[out.at(r)] = textOf(x, r);
            out.missing[out.at(r)] = 0;
        });
    }
    if (f == "number") {
        arity(e, 1, 1);
        Value x = eval(e.args[0]);
        if (x.type != Type::Text) {
            Value out = x;
            out.type = Type::Number;
            return out;
        }
        return mapTexts({x}, Type::Number, [&](std::size_t r, Value& out) {
            double v = kMissingNumber;
            if (parseNumber(x.texts[x.at(r)], false, v) != NumberParse::Ok)
                v = kMissingNumber;
            out.numbers[out.at(r)] = v;
        });
    }
    if (f == "concat") {
        arity(e, 1, SIZE_MAX);
        std::vector<Value> v = evalUnified(exprs);
        return mapTexts(v, Type::Text, [&](std::size_t r, Value& out) {
            std::string joined;
            for (const Value& x : v)
                joined += textOf(x, r);
            out.texts[out.at(r)] = std::move(joined);
            out.missing[out.at(r)] = 0;
        });
    }
    return dateCall(e, exprs);
}

Value Evaluator::dateCall(const Expr& e, const std::vector<const Expr*>& exprs) {
    const std::string& f = e.name;
    if (f == "date") {
        arity(e, 1, 2);
        std::vector<Value> v = evalUnified(exprs);
        for (std::size_t k = 0; k < v.size(); ++k)
            requireText(v[k], e.args[k], "date()");
        return mapTexts(v, Type::Date, [&](std::size_t r, Value& out) {
            const std::string& text = v[0].texts[v[0].at(r)];
            const auto seconds = v.size() > 1 ? parseDateTimeFormat(text, v[1].texts[v[1].at(r)])
                                              : parseIsoDateTime(text);
            out.numbers[out.at(r)] = seconds.value_or(kMissingNumber);
        });
    }
    if (f == "days_between" || f == "seconds_between") {
        arity(e, 2, 2);
        std::vector<Value> v = evalUnified(exprs);
        requireDate(v[0], e.args[0], f + "()");
        requireDate(v[1], e.args[1], f + "()");
        const double unit = f == "days_between" ? kSecondsPerDay : 1.0;
        return mapNumbers(v, Type::Number, [unit](const auto& x) { return (x[1] - x[0]) / unit; });
    }
    if (f == "add_days" || f == "add_seconds") {
        arity(e, 2, 2);
        std::vector<Value> v = evalUnified(exprs);
        requireDate(v[0], e.args[0], f + "()");
        requireNumber(v[1], e.args[1], f + "()");
        const double unit = f == "add_days" ? kSecondsPerDay : 1.0;
        return mapNumbers(v, Type::Date, [unit](const auto& x) { return x[0] + x[1] * unit; });
    }
    static const std::map<std::string, int (*)(const DateParts&)> parts = {
        {"year", [](const DateParts& p) { return p.year; }},
        {"quarter", [](const DateParts& p) { return (p.month - 1) / 3 + 1; }},
        {"month", [](const DateParts& p) { return p.month; }},
        {"day", [](const DateParts& p) { return p.day; }},
        {"hour", [](const DateParts& p) { return p.hour; }},
        {"minute", [](const DateParts& p) { return p.minute; }},
        {"weekday", [](const DateParts& p) { return p.weekday; }},
        {"day_of_year", [](const DateParts& p) { return p.dayOfYear; }},
    };
    if (const auto part = parts.find(f); part != parts.end()) {
        arity(e, 1, 1);
        Value d = eval(e.args[0]);
        requireDate(d, e.args[0], f + "()");
        const auto get = part->second;
        return mapNumbers({d}, Type::Number, [get](const auto& x) {
            return static_cast<double>(get(dateParts(x[0])));
        });
    }
    return textCall(e, exprs);
}

Value Evaluator::textCall(const Expr& e, const std::vector<const Expr*>& exprs) {
    const std::string& f = e.name;
    static const std::map<std::string, std::pair<std::size_t, std::size_t>> arities = {
        {"lower", {1, 1}},       {"upper", {1, 1}},         {"trim", {1, 1}},
        {"len", {1, 1}},         {"contains", {2, 2}},      {"starts_with", {2, 2}},
        {"ends_with", {2, 2}},   {"replace", {3, 3}},       {"substr", {2, 3}},
        {"regex_match", {2, 2}}, {"regex_extract", {2, 3}},
    };
    const auto known = arities.find(f);
    if (known == arities.end()) {
        std::string names;
        for (const std::string& name : formulaFunctionNames())
            names += (names.empty() ? "" : ", ") + name;
        throw FormulaError(e.position, "no function '" + f + "' (functions: " + names + ")");
    }
    arity(e, known->second.first, known->second.second);
    std::vector<Value> v = evalUnified(exprs);
    requireText(v[0], e.args[0], f + "()");
    auto text = [&](std::size_t k, std::size_t r) -> const std::string& {
        return v[k].texts[v[k].at(r)];
    };
    auto setText = [](Value& out, std::size_t r, std::string s) {
        out.texts[out.at(r)] = std::move(s);
        out.missing[out.at(r)] = 0;
    };
    if (f == "lower" || f == "upper" || f == "trim")
        return mapTexts(v, Type::Text, [&](std::size_t r, Value& out) {
            std::string s = text(0, r);
            if (f == "trim") {
                const auto blank = [](char c) {
                    return std::isspace(static_cast<unsigned char>(c));
                };
                const auto first = std::find_if_not(s.begin(), s.end(), blank);
                const auto last = std::find_if_not(s.rbegin(), s.rend(), blank).base();
                s = first < last ? std::string(first, last) : std::string();
            } else {
                for (char& c : s)  // ASCII letters only
                    c = static_cast<char>(f == "lower"
                                              ? std::tolower(static_cast<unsigned char>(c))
                                              : std::toupper(static_cast<unsigned char>(c)));
            }
            setText(out, r, std::move(s));
        });
    if (f == "len")
        return mapTexts(v, Type::Number, [&](std::size_t r, Value& out) {
            out.numbers[out.at(r)] = static_cast<double>(utf8Length(text(0, r)));
        });
    for (std::size_t k = 1; k < v.size(); ++k)
        if (!(f == "substr" || (f == "regex_extract" && k == 2)))
            requireText(v[k], e.args[k], f + "()");
        else
            requireNumber(v[k], e.args[k], f + "()");
    if (f == "contains" || f == "starts_with" || f == "ends_with")
        return mapTexts(v, Type::Bool, [&](std::size_t r, Value& out) {
            const std::string& s = text(0, r);
            const std::string& p = text(1, r);
            const bool yes =
                f == "contains" ? s.find(p) != std::string::npos
                : f == "starts_with"
                    ? s.compare(0, p.size(), p) == 0
                    : s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
            out.numbers[out.at(r)] = yes ? 1 : 0;
        });
    if (f == "replace")
        return mapTexts(v, Type::Text, [&](std::size_t r, Value& out) {
            std::string s = text(0, r);
            const std::string& from = text(1, r);
            const std::string& to = text(2, r);
            if (!from.empty())
                for (std::size_t at = s.find(from); at != std::string::npos;
                     at = s.find(from, at + to.size()))
                    s.replace(at, from.size(), to);
            setText(out, r, std::move(s));
        });
    if (f == "substr")
        return mapTexts(v, Type::Text, [&](std::size_t r, Value& out) {
            const std::string& s = text(0, r);
            const double start = std::max(0.0, std::floor(v[1].numbers[v[1].at(r)]));
            const std::size_t from = utf8Offset(s, static_cast<std::size_t>(std::min(start, 1e15)));
            std::size_t to = s.size();
            if (v.size() > 2) {
                const double length = std::max(0.0, std::floor(v[2].numbers[v[2].at(r)]));
                to = utf8Offset(s, static_cast<std::size_t>(std::min(start + length, 1e15)));
            }
            setText(out, r, s.substr(from, to - from));
        });

    // regex_match and regex_extract: a constant pattern is compiled once,
    // before any row, so a bad one is refused even on an empty column.
    std::unordered_map<std::string, std::regex> compiled;
    auto pattern = [&](std::size_t r) -> const std::regex& {
        const std::string& p = text(1, r);
        auto it = compiled.find(p);
        if (it == compiled.end()) {
            try {
                it = compiled.emplace(p, std::regex(p, std::regex::ECMAScript)).first;
            } catch (const std::regex_error& error) {
                throw FormulaError(
                    e.args[1].position,
                    "the pattern '" + p + "' is not a regular expression: " + error.what());
            }
        }
        return it->second;
    };
    if (v[1].constant && !v[1].missing[0])
        pattern(0);
    // std::regex matches by recursion: a long text can exhaust the stack, so
    // texts are held to a length it handles, and its own limits are
    // reported as the formula's errors.
    constexpr std::size_t kLongestText = 10'000;
    auto guarded = [&](std::size_t r, auto&& match) {
        const std::string& s = text(0, r);
        if (s.size() > kLongestText)
            throw FormulaError(e.position, f + "() is given a text of " + std::to_string(s.size()) +
                                               " bytes (row " + std::to_string(r + 1) +
                                               "); at most " + std::to_string(kLongestText) +
                                               " are matched");
        try {
            return match(s);
        } catch (const std::regex_error& error) {
            throw FormulaError(e.args[1].position, "matching the pattern failed in row " +
                                                       std::to_string(r + 1) + ": " + error.what());
        }
    };
    if (f == "regex_match")
        return mapTexts(v, Type::Bool, [&](std::size_t r, Value& out) {
            out.numbers[out.at(r)] =
                guarded(r, [&](const std::string& s) { return std::regex_match(s, pattern(r)); })
                    ? 1
                    : 0;
        });
    return mapTexts(v, Type::Text, [&](std::size_t r, Value& out) {
        std::smatch match;
        const double group = v.size() > 2 ? v[2].numbers[v[2].at(r)] : 0;
        if (!guarded(r,
                     [&](const std::string& s) { return std::regex_search(s, match, pattern(r)); }))
            return;
        if (group < 0 || group >= static_cast<double>(match.size()))
            throw FormulaError(e.args.size() > 2 ? e.args[2].position : e.position,
                               "the pattern has no group " + showNumber(group));
        if (match[static_cast<std::size_t>(group)].matched)
            setText(out, r, match[static_cast<std::size_t>(group)].str());
    });
}

}  // namespace

std::string_view typeName(Value::Type type) {
    switch (type) {
        case Type::Number:
            return "number";
        case Type::Bool:
            return "true/false";
        case Type::Text:
            return "text";
        case Type::Date:
            return "date";
    }
    return "?";
}

Value evaluateFormula(const Expr& expr, const Table& table) {
    return Evaluator(table).eval(expr);
}

Column formulaColumn(const Value& value, const std::string& name, std::size_t rows) {
    if (value.type != Type::Text) {
        std::vector<double> numbers(rows);
        for (std::size_t r = 0; r < rows; ++r)
            numbers[r] = value.numbers[value.at(r)];
        return Column::ofDoubles(
            value.type == Type::Date ? ColumnKind::DateTime : ColumnKind::Numeric, name,
            std::move(numbers));
    }
    // Categorical when the texts repeat, as the CSV reader decides.
    std::vector<std::string> levels;
    std::unordered_map<std::string_view, std::int32_t> index;
    std::vector<std::int32_t> codes(rows, Column::kMissingCode);
    std::size_t present = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        if (value.missing[value.at(r)])
            continue;
        ++present;
        const std::string& s = value.texts[value.at(r)];
        const auto [it, added] = index.try_emplace(s, static_cast<std::int32_t>(levels.size()));
        if (added)
            levels.push_back(s);
        codes[r] = it->second;
    }
    if (textsMakeCategories(levels.size(), present))
        return Column::categorical(name, std::move(codes), std::move(levels));
    std::vector<std::string> texts(rows);
    std::vector<bool> missing(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        missing[r] = value.missing[value.at(r)] != 0;
        if (!missing[r])
            texts[r] = value.texts[value.at(r)];
    }
    return Column::text(name, std::move(texts), std::move(missing), ColumnRole::Feature);
}

const std::vector<std::string>& formulaFunctionNames() {
    static const std::vector<std::string> names = {"if",
                                                   "coalesce",
                                                   "is_missing",
                                                   "log",
                                                   "exp",
                                                   "sqrt",
                                                   "abs",
                                                   "pow",
                                                   "round",
                                                   "floor",
                                                   "ceil",
                                                   "min",
                                                   "max",
                                                   "clip",
                                                   "lower",
                                                   "upper",
                                                   "trim",
                                                   "len",
                                                   "contains",
                                                   "starts_with",
                                                   "ends_with",
                                                   "replace",
                                                   "substr",
                                                   "concat",
                                                   "regex_match",
                                                   "regex_extract",
                                                   "text",
                                                   "number",
                                                   "date",
                                                   "days_between",
                                                   "seconds_between",
                                                   "add_days",
                                                   "add_seconds",
                                                   "year",
                                                   "quarter",
                                                   "month",
                                                   "day",
                                                   "hour",
                                                   "minute",
                                                   "weekday",
                                                   "day_of_year"};
    return names;
}

}  // namespace sluice::formula
