// Registration of the gradient-boosting learners, called from register.cpp.
#pragma once

#include "ml/core/registry.h"

namespace sluice::ml {

void registerGradientBoosting(MlRegistry& registry);

}  // namespace sluice::ml
