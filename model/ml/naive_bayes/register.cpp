// Registers the naive Bayes learners and models with the MlRegistry.
#include "ml/core/registry.h"
#include "ml/naive_bayes/gaussian_nb.h"

namespace sluice::ml {

void registerNaiveBayes(MlRegistry& registry) {
    registry.add(gaussianNbSpec());
}

}  // namespace sluice::ml
