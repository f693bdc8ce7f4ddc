// The inspector form of a learner's hyperparameters: one ParamSpec per key
// of the learner's params(), with the label, help, range and choices its
// LearnerSpec declares (ml/core/learner_spec.h) and the learner's default.
//
// Kinds follow the default value: bool, int, float; a text with declared
// choices is a choice; anything else (lists such as hidden_layer_sizes,
// values that may be a name or a number such as max_features, null) is
// free JSON text in an optional string parameter, parsed back by
// TrainNode::makeLearner. A hyperparameter the spec does not declare is a
// programming error (std::logic_error), which tests/ml/test_learner_specs
// catches first.
#pragma once

#include <vector>

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"
#include "nodes/param_spec.h"

namespace sluice {

std::vector<ParamSpec> learnerParamSpecs(const ml::LearnerSpec& spec, const ml::Learner& learner);

}  // namespace sluice
