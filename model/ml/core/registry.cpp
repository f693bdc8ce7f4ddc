#include "ml/core/registry.h"

#include <stdexcept>

#include "ml/core/ml_errors.h"

namespace sluice::ml {

const MlRegistry& MlRegistry::instance() {
    static const MlRegistry registry = [] {
        MlRegistry r;
#define SLUICE_CALL_ML_FAMILY(name) name(r);
        SLUICE_ML_FAMILIES(SLUICE_CALL_ML_FAMILY)
#undef SLUICE_CALL_ML_FAMILY
        return r;
    }();
    return registry;
}

void MlRegistry::add(LearnerSpec spec) {
    if (specs_.count(spec.kind))
        throw std::logic_error("learner '" + spec.kind + "' registered twice");
    std::string kind = spec.kind;
    specs_.emplace(std::move(kind), std::move(spec));
}

const LearnerSpec* MlRegistry::spec(const std::string& kind) const {
    const auto it = specs_.find(kind);
    return it == specs_.end() ? nullptr : &it->second;
}

std::unique_ptr<Learner> MlRegistry::makeLearner(const std::string& kind,
                                                 const nlohmann::json& params) const {
    const LearnerSpec* s = spec(kind);
    if (!s)
        throw MisuseError("unknown learner '" + kind + "'");
    try {
        // The given numbers first (a -1 seed must not wrap to 2^64 - 1 on
        // reading; a bad text is left to the learner's own parser, which
        // lists what it accepts), then the learner's canonical values.
        nlohmann::json numbers = nlohmann::json::object();
        for (const auto& [name, value] : params.items())
            if (value.is_number())
                numbers[name] = value;
        checkHyperparameters(*s, numbers);
        auto learner = s->make(params);
        checkHyperparameters(*s, learner->params());
        return learner;
    } catch (const nlohmann::json::exception& e) {
        throw MisuseError("learner '" + kind + "': bad parameters (" + e.what() + ")");
    }
}

std::unique_ptr<Model> MlRegistry::loadModel(const nlohmann::json& model) const {
    if (!model.is_object() || !model.contains("kind") || !model["kind"].is_string())
        throw MisuseError("model file: no 'kind' naming the model type");
    const std::string kind = model["kind"];
    const LearnerSpec* s = spec(kind);
    if (!s || !s->loadModel)
        throw MisuseError("model file: unknown model kind '" + kind +
                          "' (made by a newer version of Sluice?)");
    try {
        return s->loadModel(model);
    } catch (const nlohmann::json::exception& e) {
        throw MisuseError("model file for '" + kind + "' is malformed: " + e.what());
    }
}

std::vector<std::string> MlRegistry::learnerKinds() const {
    std::vector<std::string> out;
    for (const auto& [kind, s] : specs_)
        out.push_back(kind);
    return out;
}

}  // namespace sluice::ml
