#include "nodes/train_nodes/learner_param_specs.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "io/json_nesting.h"
#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"

namespace sluice {
namespace {

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// JSON text parsed ("[64, 32]", "0.5", "null"); a plain word stays text.
nlohmann::json parsedText(const nlohmann::json& value) {
    if (!value.is_string())
        return value;
    const std::string& text = value.get_ref<const std::string&>();
    checkJsonNesting(text);
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    return !parsed.is_discarded() && !parsed.is_string() ? parsed : value;
}

// Refuses what the learner would refuse at run time, by making one with the
// value: one rule for the inspector, the file loader, --set and a sweep.
std::optional<std::string> learnerRefuses(const ml::LearnerSpec& spec, const std::string& name,
                                          const std::string& label, const nlohmann::json& value) {
    try {
        ml::MlRegistry::instance().makeLearner(spec.kind, {{name, parsedText(value)}});
    } catch (const JsonNestingError& e) {
        return e.what();
    } catch (const ml::MisuseError& e) {
        std::string why = inInspectorTerms(e.what(), spec);
        // "Features per split must be ..." reads as "must be ..." after the
        // label the caller puts first.
        if (why.rfind(label + " ", 0) == 0)
            why.erase(0, label.size() + 1);
        return why;
    }
    return std::nullopt;
}

ParamSpec fromDeclaration(const ml::Hyperparameter& h, const nlohmann::json& def) {
    ParamSpec p;
    p.name = h.name;
    p.label = h.label;
    p.help = h.help;
    p.defaultValue = def;
    // An exclusive bound (learning_rate > 0) is shown as its inclusive
    // neighbour; the learner's own check names the real rule at run time.
    p.min = h.min;
    p.max = h.max ? h.max : h.nodeMax;
    p.advanced = h.advanced;
    if (def.is_boolean()) {
        p.kind = ParamKind::Bool;
    } else if (def.is_number_integer()) {
        p.kind = ParamKind::Int;
    } else if (def.is_number()) {
        p.kind = ParamKind::Float;
    } else if (def.is_string() && !h.choices.empty()) {
        p.kind = ParamKind::Choice;
        p.choices = h.choices;
        // A default outside the list (a learner-specific value) joins it
        // rather than failing validation.
        if (std::find(p.choices.begin(), p.choices.end(), def.get<std::string>()) ==
            p.choices.end())
            p.choices.push_back(def.get<std::string>());
    } else {
        p.kind = ParamKind::String;
        p.optional = true;
        p.min.reset();
        p.max.reset();
        if (!def.is_string())
            p.defaultValue = def.dump();  // "[100]": edited as text
    }
    return p;
}

}  // namespace

std::vector<ParamSpec> learnerParamSpecs(const ml::LearnerSpec& spec, const ml::Learner& learner) {
    std::vector<ParamSpec> specs;
    const nlohmann::json params = learner.params();
    for (const auto& [name, def] : params.items())
        if (!spec.hyperparameter(name))
            throw std::logic_error("learner '" + spec.kind + "': hyperparameter '" + name +
                                   "' is not declared in its LearnerSpec");
    // In the order the spec declares them, which puts what matters most
    // first (Hidden layers before Adam's betas), not the JSON's A to Z.
    for (const ml::Hyperparameter& h : spec.hyperparameters) {
        const auto def = params.find(h.name);
        if (def == params.end())
            continue;
        ParamSpec p = fromDeclaration(h, *def);
        if (p.kind == ParamKind::String) {
            // The spec lives in the registry for the program's lifetime.
            p.check = [&spec, name = p.name, label = p.label](const nlohmann::json& value) {
                return learnerRefuses(spec, name, label, value);
            };
        }
        specs.push_back(std::move(p));
    }
    return specs;
}

nlohmann::json learnerValue(const ParamSpec& spec, const nlohmann::json& value) {
    return spec.kind == ParamKind::String ? parsedText(value) : value;
}

std::string inInspectorTerms(const std::string& message, const ml::LearnerSpec& spec) {
    std::string out = message;
    // "kind: ..." from a learner, "learner 'kind': ..." from the registry.
    for (const std::string& prefix : {spec.kind + ": ", "learner '" + spec.kind + "': "})
        if (out.rfind(prefix, 0) == 0)
            out.erase(0, prefix.size());
    for (const ml::Hyperparameter& h : spec.hyperparameters) {
        if (h.label.empty() || h.name == h.label)
            continue;
        for (std::size_t at = out.find(h.name); at != std::string::npos;
             at = out.find(h.name, at)) {
            const std::size_t end = at + h.name.size();
            const bool whole = (at == 0 || !isWordChar(out[at - 1])) &&
                               (end == out.size() || !isWordChar(out[end]));
            if (whole) {
                out.replace(at, h.name.size(), h.label);
                at += h.label.size();
            } else {
                at = end;
            }
        }
    }
    return out;
}

}  // namespace sluice
