// Hyperparameters several learner families share, declared once with the
// label, help and range users see everywhere they appear (scikit-learn's
// names, so users recognise them). A family's own hyperparameters are
// declared in its folder; a learner lists both in its LearnerSpec.
#pragma once

#include "ml/core/learner_spec.h"

namespace sluice::ml::hyper {

Hyperparameter randomState();
Hyperparameter alpha();    // L2 penalty strength (linear models, networks)
Hyperparameter maxIter();  // iterations, epochs, sweeps or rounds
Hyperparameter tol();
Hyperparameter maxDepth();  // 0 = unlimited
Hyperparameter minSamplesLeaf();
Hyperparameter earlyStopping();
Hyperparameter validationFraction();
Hyperparameter nIterNoChange();

// The note every learner with a random_state carries in an exported script.
extern const char* const kSeedNote;

}  // namespace sluice::ml::hyper
