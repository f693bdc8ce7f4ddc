#include "ml/core/common_hyperparameters.h"

namespace sluice::ml::hyper {

const char* const kSeedNote =
    "random_state seeds numpy's generator here and Sluice's own generator in Sluice: the "
    "same seed draws different random numbers, so scores agree only statistically.";

Hyperparameter randomState() {
    return {"random_state", "Seed", "Seed of every random choice: same seed, same model.", 0.0};
}

Hyperparameter alpha() {
    return {"alpha", "Regularisation (alpha)",
            "Strength of the penalty on the weights; larger shrinks more.", 0.0};
}

Hyperparameter maxIter() {
    return withNodeMax({"max_iter", "Max iterations",
                        "Upper bound on iterations (epochs, sweeps or rounds).", 1.0},
                       100000.0);
}

// Tolerances, patience and the validation share are fine-tuning of when to
// stop: folded under "Advanced" in the inspector.
Hyperparameter tol() {
    Hyperparameter h = {"tol", "Tolerance", "Stop when the improvement falls below this.", 0.0};
    h.advanced = true;
    return h;
}

Hyperparameter maxDepth() {
    Hyperparameter h = {"max_depth", "Max depth",
                        "Deepest level a tree may grow to; 0 = unlimited.", 0.0};
    h.nodeMax = 1000.0;
    h.sklearnValue = SklearnValue::ZeroIsNone;
    h.minMeaning = "unlimited";
    return h;
}

Hyperparameter minSamplesLeaf() {
    return {"min_samples_leaf", "Min rows per leaf", "Each leaf keeps at least this many rows.",
            1.0};
}

Hyperparameter earlyStopping() {
    return {"early_stopping", "Early stopping",
            "Hold out a validation share and stop when it stops improving."};
}

Hyperparameter validationFraction() {
    Hyperparameter h = {"validation_fraction", "Validation share",
                        "Share of the training rows held out for early stopping.", 0.01, 0.99};
    h.advanced = true;
    return h;
}

Hyperparameter nIterNoChange() {
    Hyperparameter h = {"n_iter_no_change", "Patience",
                        "Rounds or epochs without improvement before stopping.", 1.0};
    h.advanced = true;
    return h;
}

}  // namespace sluice::ml::hyper
