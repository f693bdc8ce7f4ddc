// Registers the linear learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/linear/elastic_net.h"
#include "ml/linear/least_squares.h"
#include "ml/linear/linear_model.h"
#include "ml/linear/logistic_model.h"
#include "ml/linear/logistic_regression.h"

namespace sluice::ml {

void registerLinearModels(MlRegistry& registry) {
    registry.addLearner("linear_regression", LinearRegression::fromParams);
    registry.addLearner("ridge", RidgeRegression::fromParams);
    registry.addLearner("lasso", Lasso::fromParams);
    registry.addLearner("elastic_net", ElasticNet::fromParams);
    for (const char* kind : {"linear_regression", "ridge", "lasso", "elastic_net"})
        registry.addModel(kind, LinearModel::fromJson);
    registry.addLearner("logistic_regression", LogisticRegression::fromParams);
    registry.addModel("logistic_regression", LogisticModel::fromJson);
}

}  // namespace sluice::ml
