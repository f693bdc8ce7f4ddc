// Parameter specs of every learner, for the Train nodes' inspectors.
//
// The learner's own params() JSON is the source of names and defaults; the
// table in learner_params.cpp adds labels, ranges, choices and help. A
// parameter the table does not describe still appears, typed from its
// default value, so a new learner hyperparameter is never hidden.
#pragma once

#include <string>
#include <vector>

#include "ml/core/model.h"
#include "nodes/param_spec.h"

namespace sluice {

std::vector<ParamSpec> learnerParamSpecs(const ml::Learner& learner);
// "random_forest_classifier" -> "Random forest classifier"
std::string learnerDisplayName(const std::string& kind);
std::string learnerDescription(const std::string& kind);

}  // namespace sluice
