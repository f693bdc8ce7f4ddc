// Registers the linear learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/linear/elastic_net.h"
#include "ml/linear/least_squares.h"
#include "ml/linear/linear_model.h"
#include "ml/linear/logistic_model.h"
#include "ml/linear/logistic_regression.h"

namespace sluice::ml {

void registerLinearModels(MlRegistry& registry) {
    registry.add(linearRegressionSpec());
    registry.add(ridgeSpec());
    registry.add(lassoSpec());
    registry.add(elasticNetSpec());
    registry.add(logisticRegressionSpec());
}

}  // namespace sluice::ml
