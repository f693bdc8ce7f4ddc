// Registers the linear learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/linear/least_squares.h"
#include "ml/linear/linear_model.h"

namespace sluice::ml {

void registerLinearModels(MlRegistry& registry) {
    registry.addLearner("linear_regression", LinearRegression::fromParams);
    registry.addLearner("ridge", RidgeRegression::fromParams);
    for (const char* kind : {"linear_regression", "ridge"})
        registry.addModel(kind, LinearModel::fromJson);
}

}  // namespace sluice::ml
