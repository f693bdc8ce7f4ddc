#include "ml/core/learner_spec.h"

#include <algorithm>
#include <cmath>

#include "data/number_text.h"
#include "ml/core/ml_errors.h"
#include "ml/core/model.h"
#include "ml/core/registry.h"

namespace sluice::ml {
namespace {

// Shortest exact text: "1", "0.5", "2147483647", "1e-12".
std::string numberText(double v) {
    return formatNumber(v);
}

std::string choiceList(const std::vector<std::string>& choices) {
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i)
        out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + ("\"" + choices[i] + "\"");
    return out;
}

// The rule `v` breaks: "1 or more", "zero or more", "0 (unlimited) or more",
// "greater than 0" below the minimum; "between 0 and 1" or "255 or less"
// above the maximum.
std::string rangeText(const Hyperparameter& h, double v) {
    if (h.max && v > *h.max)
        return h.min ? "between " + numberText(*h.min) + " and " + numberText(*h.max)
                     : numberText(*h.max) + " or less";
    if (h.exclusiveMin)
        return "greater than " + numberText(*h.min);
    if (!h.minMeaning.empty())
        return numberText(*h.min) + " (" + h.minMeaning + ") or more";
    return (*h.min == 0.0 ? std::string("zero") : numberText(*h.min)) + " or more";
}

}  // namespace

const Hyperparameter* LearnerSpec::hyperparameter(std::string_view name) const {
    for (const auto& h : hyperparameters)
        if (h.name == name)
            return &h;
    return nullptr;
}

void checkHyperparameters(const LearnerSpec& spec, const nlohmann::json& params) {
    for (const auto& [name, value] : params.items()) {
        const Hyperparameter* h = spec.hyperparameter(name);
        if (!h)
            continue;
        const std::string who = spec.kind + ": " + name;
        if (value.is_number() && !value.is_boolean()) {
            const double v = value.get<double>();
            if (!std::isfinite(v))
                throw MisuseError(who + " must be a finite number, not " + value.dump());
            const bool low = h->min && (h->exclusiveMin ? v <= *h->min : v < *h->min);
            const bool high = h->max && v > *h->max;
            if (low || high)
                throw MisuseError(who + " must be " + rangeText(*h, v) + ", not " + numberText(v));
        } else if (value.is_string() && !h->choices.empty() &&
                   std::find(h->choices.begin(), h->choices.end(), value.get<std::string>()) ==
                       h->choices.end()) {
            throw MisuseError(who + " must be " + choiceList(h->choices) + ", not \"" +
                              value.get<std::string>() + "\"");
        }
    }
}

void checkHyperparameters(const Learner& learner) {
    checkHyperparameters(learner.kind(), learner.params());
}

void checkHyperparameters(std::string_view kind, const nlohmann::json& params) {
    if (const LearnerSpec* spec = MlRegistry::instance().spec(std::string(kind)))
        checkHyperparameters(*spec, params);
}

}  // namespace sluice::ml
