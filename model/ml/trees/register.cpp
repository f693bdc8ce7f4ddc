// Registers the tree learners with the MlRegistry: decision trees, random
// forests and histogram gradient boosting, one line each.
#include "ml/core/registry.h"
#include "ml/trees/cart_learners.h"
#include "ml/trees/forest_learners.h"
#include "ml/trees/gbt_learners.h"

namespace sluice::ml {

void registerTrees(MlRegistry& registry) {
    registry.add(decisionTreeClassifierSpec());
    registry.add(decisionTreeRegressorSpec());
    registry.add(randomForestClassifierSpec());
    registry.add(randomForestRegressorSpec());
    registry.add(gradientBoostingRegressorSpec());
    registry.add(gradientBoostingClassifierSpec());
}

}  // namespace sluice::ml
