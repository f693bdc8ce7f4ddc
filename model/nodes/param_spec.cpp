#include "nodes/param_spec.h"

#include <algorithm>
#include <cmath>

namespace sluice {

std::string_view paramKindName(ParamKind kind) {
    switch (kind) {
        case ParamKind::Int:
            return "int";
        case ParamKind::Float:
            return "float";
        case ParamKind::Bool:
            return "bool";
        case ParamKind::Choice:
            return "choice";
        case ParamKind::String:
            return "string";
        case ParamKind::Path:
            return "path";
        case ParamKind::Column:
            return "column";
        case ParamKind::Columns:
            return "columns";
        case ParamKind::Records:
            return "records";
    }
    return "?";
}

namespace {

std::string number(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    return s;
}

bool isEmpty(const nlohmann::json& v) {
    return v.is_null() || (v.is_string() && v.get<std::string>().empty()) ||
           (v.is_array() && v.empty());
}

std::optional<std::string> problemOfRecords(const ParamSpec& spec, const nlohmann::json& value);

// What the kind alone says of `value` (not empty, or not optional).
std::optional<std::string> problemOfKind(const ParamSpec& spec, const nlohmann::json& value) {
    auto inRange = [&](double v) -> std::optional<std::string> {
        if (spec.min && v < *spec.min)
            return "must be at least " + number(*spec.min) + ", not " + number(v);
        if (spec.max && v > *spec.max)
            return "must be at most " + number(*spec.max) + ", not " + number(v);
        return std::nullopt;
    };
    switch (spec.kind) {
        case ParamKind::Int:
            if (!value.is_number_integer() &&
                !(value.is_number_float() &&
                  value.get<double>() == std::floor(value.get<double>())))
                return "must be a whole number";
            return inRange(value.get<double>());
        case ParamKind::Float:
            if (!value.is_number())
                return "must be a number";
            if (!std::isfinite(value.get<double>()))
                return "must be a finite number";
            return inRange(value.get<double>());
        case ParamKind::Bool:
            if (!value.is_boolean())
                return "must be true or false";
            return std::nullopt;
        case ParamKind::Choice: {
            if (!value.is_string())
                return "must be one of the listed choices";
            const auto s = value.get<std::string>();
            if (std::find(spec.choices.begin(), spec.choices.end(), s) == spec.choices.end()) {
                std::string list;
                for (const auto& c : spec.choices)
                    list += (list.empty() ? "" : ", ") + c;
                return "'" + s + "' is not one of: " + list;
            }
            return std::nullopt;
        }
        case ParamKind::String:
        case ParamKind::Path:
        case ParamKind::Column:
            if (!value.is_string())
                return "must be text";
            if (!spec.optional && value.get<std::string>().empty())
                return "must not be empty";
            return std::nullopt;
        case ParamKind::Columns:
            if (!value.is_array())
                return "must be a list of column names";
            for (const auto& v : value)
                if (!v.is_string())
                    return "must be a list of column names";
            return std::nullopt;
        case ParamKind::Records:
            return problemOfRecords(spec, value);
    }
    return std::nullopt;
}

// Each row an object whose fields are known and acceptable; the problem
// names the row (from 1) and the field's label.
std::optional<std::string> problemOfRecords(const ParamSpec& spec, const nlohmann::json& value) {
    if (!value.is_array())
        return "must be a list of rows";
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string where = "row " + std::to_string(i + 1);
        const nlohmann::json& row = value[i];
        if (!row.is_object())
            return where + ": must be an object of fields";
        for (const auto& item : row.items()) {
            const std::string& key = item.key();
            if (std::none_of(spec.fields.begin(), spec.fields.end(),
                             [&](const ParamSpec& f) { return f.name == key; }))
                return where + ": '" + key + "' is not a field";
        }
        for (const ParamSpec& field : spec.fields) {
            const auto it = row.find(field.name);
            if (auto problem = field.problemWith(it == row.end() ? field.defaultValue : *it))
                return where + ", " + field.label + ": " + *problem;
        }
    }
    return std::nullopt;
}

}  // namespace

nlohmann::json recordWithDefaults(const ParamSpec& spec, const nlohmann::json& row) {
    nlohmann::json full = row.is_object() ? row : nlohmann::json::object();
    for (const ParamSpec& field : spec.fields)
        if (!full.contains(field.name))
            full[field.name] = field.defaultValue;
    return full;
}

std::optional<std::string> ParamSpec::problemWith(const nlohmann::json& value) const {
    if (optional && isEmpty(value))
        return std::nullopt;
    if (auto problem = problemOfKind(*this, value))
        return problem;
    return check ? check(value) : std::nullopt;
}

namespace {

// The fields every builder sets; the rest keep their defaults.
ParamSpec basic(std::string name, std::string label, ParamKind kind, nlohmann::json def,
                std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.label = std::move(label);
    p.kind = kind;
    p.defaultValue = std::move(def);
    p.help = std::move(help);
    return p;
}

}  // namespace

ParamSpec intParam(std::string name, std::string label, long long def, std::optional<double> min,
                   std::optional<double> max, std::string help) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::Int, def, std::move(help));
    p.min = min;
    p.max = max;
    return p;
}

ParamSpec floatParam(std::string name, std::string label, double def, std::optional<double> min,
                     std::optional<double> max, std::string help) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::Float, def, std::move(help));
    p.min = min;
    p.max = max;
    return p;
}

ParamSpec boolParam(std::string name, std::string label, bool def, std::string help) {
    return basic(std::move(name), std::move(label), ParamKind::Bool, def, std::move(help));
}

ParamSpec choiceParam(std::string name, std::string label, std::vector<std::string> choices,
                      std::string def, std::string help) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::Choice, std::move(def),
                        std::move(help));
    p.choices = std::move(choices);
    return p;
}

ParamSpec stringParam(std::string name, std::string label, std::string def, std::string help) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::String, std::move(def),
                        std::move(help));
    p.optional = true;
    return p;
}

ParamSpec pathParam(std::string name, std::string label, std::string help) {
    return basic(std::move(name), std::move(label), ParamKind::Path, "", std::move(help));
}

ParamSpec columnParam(std::string name, std::string label, std::string help, bool optional) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::Column, "", std::move(help));
    p.optional = optional;
    return p;
}

ParamSpec columnsParam(std::string name, std::string label, std::string help) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::Columns,
                        nlohmann::json::array(), std::move(help));
    p.optional = true;
    return p;
}

ParamSpec recordsParam(std::string name, std::string label, std::vector<ParamSpec> fields,
                       std::string help) {
    ParamSpec p = basic(std::move(name), std::move(label), ParamKind::Records,
                        nlohmann::json::array(), std::move(help));
    p.fields = std::move(fields);
    p.optional = true;
    return p;
}

}  // namespace sluice
