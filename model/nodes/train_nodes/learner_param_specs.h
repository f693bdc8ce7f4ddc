// The inspector form of a learner's hyperparameters: one ParamSpec per key
// of the learner's params(), with the label, help, range and choices its
// LearnerSpec declares (ml/core/learner_spec.h) and the learner's default.
//
// Kinds follow the default value: bool, int, float; a text with declared
// choices is a choice; anything else (lists such as hidden_layer_sizes,
// values that may be a name or a number such as max_features, null) is
// free JSON text in an optional string parameter, parsed back by
// learnerValue. Such a text parameter checks a value when it is entered by
// making the learner with it, so a value the learner refuses ("banana" as
// Features per split) is refused at once, in the inspector's words. A
// hyperparameter the spec does not declare is a
// programming error (std::logic_error), which tests/ml/test_learner_specs
// catches first.
#pragma once

#include <vector>

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "nodes/param_spec.h"

namespace sluice {

std::vector<ParamSpec> learnerParamSpecs(const ml::LearnerSpec& spec, const ml::Learner& learner);

// A parameter's value as the learner takes it: text of a string parameter
// that is JSON ("[64, 32]", "0.5", "null") parsed, plain words ("sqrt")
// kept. Throws JsonNestingError for text nested too deep to parse safely.
nlohmann::json learnerValue(const ParamSpec& spec, const nlohmann::json& value);

// A learner's message in the inspector's words: the "kind: " prefix goes
// and each hyperparameter name (max_features) becomes its label (Features
// per split).
std::string inInspectorTerms(const std::string& message, const ml::LearnerSpec& spec);

}  // namespace sluice
