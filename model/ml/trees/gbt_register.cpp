// Registers the gradient-boosting learners and models with the MlRegistry.
#include "ml/trees/gbt_register.h"

namespace sluice::ml {

void registerGradientBoosting(MlRegistry& /*registry*/) {}

}  // namespace sluice::ml
