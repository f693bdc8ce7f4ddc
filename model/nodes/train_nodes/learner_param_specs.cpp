#include "nodes/train_nodes/learner_param_specs.h"

#include <algorithm>
#include <stdexcept>

namespace sluice {
namespace {

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
    const nlohmann::json params = learner.params();  // items() must not outlive it
    for (const auto& [name, def] : params.items()) {
        const ml::Hyperparameter* h = spec.hyperparameter(name);
        if (!h)
            throw std::logic_error("learner '" + spec.kind + "': hyperparameter '" + name +
                                   "' is not declared in its LearnerSpec");
        specs.push_back(fromDeclaration(*h, def));
    }
    return specs;
}

}  // namespace sluice
