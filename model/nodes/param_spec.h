// ParamSpec: one parameter of a node type, enough to build its inspector
// form, validate a value and fill a default.
//
// Kinds: int and float (optional range), bool, choice (one of `choices`),
// string, path (a file; stored relative to the pipeline file), column (one
// column name of the input table), columns (a list of them) and records (a
// list of rows, each an object whose fields are ParamSpecs of their own, such
// as Group by's {column, function, name} aggregations; edited as a table).
//
// `check`, when set, is a rule beyond the kind's (a learner's text
// hyperparameter such as "Features per split" must be a value the learner
// takes), so a bad value is refused where it is entered, not at run time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice {

enum class ParamKind { Int, Float, Bool, Choice, String, Path, Column, Columns, Records };

std::string_view paramKindName(ParamKind kind);

struct ParamSpec {
    std::string name;   // key in the node's params JSON (snake_case)
    std::string label;  // shown in the inspector
    ParamKind kind = ParamKind::String;
    nlohmann::json defaultValue;
    std::optional<double> min, max;    // int and float
    std::vector<std::string> choices;  // choice
    // records: the fields of one row, in the order of the table's columns. A
    // row may leave out a field; it then has the field's default.
    std::vector<ParamSpec> fields;
    std::string help;
    bool optional = false;  // an empty value (null, "", []) is allowed
    // A setting most people leave alone (Adam's betas, a tolerance): the
    // inspector folds it under "Advanced".
    bool advanced = false;
    // The rule beyond the kind's: why a value of the right kind is still
    // refused (a clause without the label), or nullopt.
    std::function<std::optional<std::string>(const nlohmann::json&)> check;

    // Why `value` is not acceptable for this parameter, or nullopt if it is.
    std::optional<std::string> problemWith(const nlohmann::json& value) const;
};

// Small builders so node types read as tables of parameters.
ParamSpec intParam(std::string name, std::string label, long long def, std::optional<double> min,
                   std::optional<double> max, std::string help);
ParamSpec floatParam(std::string name, std::string label, double def, std::optional<double> min,
                     std::optional<double> max, std::string help);
ParamSpec boolParam(std::string name, std::string label, bool def, std::string help);
ParamSpec choiceParam(std::string name, std::string label, std::vector<std::string> choices,
                      std::string def, std::string help);
ParamSpec stringParam(std::string name, std::string label, std::string def, std::string help);
ParamSpec pathParam(std::string name, std::string label, std::string help);
ParamSpec columnParam(std::string name, std::string label, std::string help, bool optional = false);
ParamSpec columnsParam(std::string name, std::string label, std::string help);
// An optional list of rows with `fields` (default: no rows).
ParamSpec recordsParam(std::string name, std::string label, std::vector<ParamSpec> fields,
                       std::string help);
// Row `row` of a records value with every field filled: a field the row
// leaves out takes its default.
nlohmann::json recordWithDefaults(const ParamSpec& spec, const nlohmann::json& row);

}  // namespace sluice
