#include "sweep/sweep_axis.h"

#include <charconv>
#include <cmath>

#include "io/json_nesting.h"

namespace sluice::sweep {
namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = s.find(sep, start);
        parts.push_back(trim(s.substr(start, at == std::string_view::npos ? at : at - start)));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

double number(const std::string& text, std::string_view whole, const char* what) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v))
        throw SweepError("range '" + std::string(whole) + "': " + what + " '" + text +
                         "' is not a number");
    return v;
}

ValueRange parseRange(std::string_view text) {
    const auto dots = text.find("..");
    const auto parts = split(text.substr(dots + 2), ':');
    ValueRange r;
    r.from = number(trim(text.substr(0, dots)), text, "FROM");
    r.to = number(parts[0], text, "TO");
    std::size_t i = 1;
    if (i < parts.size() && parts[i] == "log") {
        r.scale = RangeScale::Log;
        ++i;
    }
    const bool byStep = i < parts.size() && parts[i] == "step";
    i += byStep;
    if (i + 1 != parts.size())
        throw SweepError("range '" + std::string(text) +
                         "': write FROM..TO:COUNT, FROM..TO:log:COUNT, FROM..TO:step:STEP or "
                         "FROM..TO:log:step:FACTOR");
    const double v = number(parts[i], text, byStep ? "the step" : "the count");
    if (byStep) {
        r.step = v;
    } else {
        if (v != std::floor(v) || v < 1)
            throw SweepError("range '" + std::string(text) +
                             "': the count must be a whole number of at least 1, not '" + parts[i] +
                             "'");
        if (v > static_cast<double>(kMaxAxisValues))
            throw SweepError("range '" + std::string(text) + "' asks for " + parts[i] +
                             " values; an axis takes at most " + std::to_string(kMaxAxisValues));
        r.count = static_cast<int>(v);
    }
    rangeValues(r);  // checks the rest
    return r;
}

std::string rangeText(const ValueRange& r) {
    return valueText(r.from) + ".." + valueText(r.to);
}

nlohmann::json asInteger(double v) {
    return static_cast<long long>(std::llround(v));
}

}  // namespace

std::string valueText(const nlohmann::json& value) {
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_float()) {
        const double v = value.get<double>();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", v);
        return buf;
    }
    return value.dump();
}

AxisValues parseAxisValues(std::string_view text) {
    const std::string t = trim(text);
    if (t.empty())
        throw SweepError("no values given: write a list (1,2,4) or a range (0.001..0.1:log:5)");
    AxisValues values;
    if (t.find("..") != std::string::npos && t.find(',') == std::string::npos) {
        values.range = parseRange(t);
        for (double v : rangeValues(*values.range))
            values.list.emplace_back(v);
        return values;
    }
    for (const auto& item : split(t, ',')) {
        if (item.empty())
            throw SweepError("the list '" + t + "' has an empty item");
        try {
            checkJsonNesting(item);
        } catch (const JsonNestingError& e) {
            throw SweepError("the value '" + item.substr(0, 40) + "...': " + e.what());
        }
        const auto parsed = nlohmann::json::parse(item, nullptr, false);
        values.list.push_back(parsed.is_discarded() ? nlohmann::json(item) : parsed);
    }
    return values;
}

std::vector<double> rangeValues(const ValueRange& r) {
    const bool log = r.scale == RangeScale::Log;
    if (log && (r.from <= 0 || r.to <= 0))
        throw SweepError("range " + rangeText(r) + ": a log range needs FROM and TO above zero");
    std::vector<double> out;
    if (r.count > 0) {
        if (r.count == 1)
            return {r.from};
        const double a = log ? std::log(r.from) : r.from, b = log ? std::log(r.to) : r.to;
        for (int i = 0; i < r.count; ++i) {
            // The ends exactly as typed: no 0.1000000002 at TO.
            const double x = i == 0 ? a : i == r.count - 1 ? b : a + (b - a) * i / (r.count - 1);
            out.push_back(i == 0 ? r.from : i == r.count - 1 ? r.to : log ? std::exp(x) : x);
        }
        return out;
    }
    if (log ? !(r.step > 1) : !(r.step > 0))
        throw SweepError("range " + rangeText(r) + ": the " +
                         (log ? std::string("factor must be above 1") : "step must be above 0") +
                         ", not " + valueText(r.step));
    if (r.to < r.from)
        throw SweepError("range " + rangeText(r) + ": with a step, TO must not be below FROM");
    const double slack = 1e-9 * std::max(std::abs(r.from), std::abs(r.to));
    for (std::size_t i = 0;; ++i) {
        const double v = log ? r.from * std::pow(r.step, static_cast<double>(i))
                             : r.from + r.step * static_cast<double>(i);
        if (v > r.to + slack)
            break;
        if (out.size() == kMaxAxisValues)
            throw SweepError("range " + rangeText(r) + " has more than " +
                             std::to_string(kMaxAxisValues) + " values; use a bigger step");
        out.push_back(std::abs(v - r.to) <= slack ? r.to : v);
    }
    return out;
}

Axis makeAxis(const Graph& graph, const NodeRegistry& registry, const std::string& nodeId,
              const std::string& param, const AxisValues& given) {
    const std::string where = nodeId + "." + param;
    const GraphNode* node = graph.node(nodeId);
    if (!node)
        throw SweepError("sweep " + where + ": the pipeline has no node '" + nodeId + "'");
    const NodeType* type = registry.find(node->type);
    if (!type)
        throw SweepError("sweep " + where + ": the node's type '" + node->type +
                         "' is unknown to this build");
    const ParamSpec* spec = type->param(param);
    if (!spec) {
        std::string names;
        for (const auto& p : type->info().params)
            names += (names.empty() ? "" : ", ") + p.name;
        throw SweepError("sweep " + where + ": " + node->type + " has no parameter '" + param +
                         "'" + (names.empty() ? "" : " (parameters: " + names + ")"));
    }
    const bool numeric = spec->kind == ParamKind::Int || spec->kind == ParamKind::Float;
    if (!numeric && spec->kind != ParamKind::Choice && spec->kind != ParamKind::Bool)
        throw SweepError("sweep " + where + ": a " + std::string(paramKindName(spec->kind)) +
                         " parameter cannot be swept; only numbers, choices and true/false");
    if (given.range && !numeric)
        throw SweepError("sweep " + where + ": a range needs a number parameter; list the " +
                         std::string(paramKindName(spec->kind)) + " values instead");

    Axis axis;
    axis.node = nodeId;
    axis.param = param;
    axis.range = given.range;
    axis.integer = spec->kind == ParamKind::Int;
    for (nlohmann::json v : given.list) {
        if (axis.integer && given.range && v.is_number())
            v = asInteger(v.get<double>());
        else if (axis.integer && v.is_number_float() &&
                 v.get<double>() == std::floor(v.get<double>()))
            v = asInteger(v.get<double>());
        else if (spec->kind == ParamKind::Float && v.is_number_integer())
            v = v.get<double>();
        if (const auto problem = spec->problemWith(v))
            throw SweepError("sweep " + where + " = " + valueText(v) + ": " + *problem);
        if (std::find(axis.values.begin(), axis.values.end(), v) == axis.values.end())
            axis.values.push_back(std::move(v));
    }
    if (axis.values.empty())
        throw SweepError("sweep " + where + ": no values given");
    if (axis.values.size() > kMaxAxisValues)
        throw SweepError("sweep " + where + ": " + std::to_string(axis.values.size()) +
                         " values; an axis takes at most " + std::to_string(kMaxAxisValues));
    return axis;
}

}  // namespace sluice::sweep
