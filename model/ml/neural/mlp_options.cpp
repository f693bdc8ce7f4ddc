#include "ml/neural/mlp_options.h"

#include <string>

#include "ml/core/ml_errors.h"

namespace sluice::ml {

void MlpOptions::check(std::string_view who) const {
    const std::string w(who);
    auto fail = [&](const std::string& what) { throw MisuseError(w + ": " + what); };
    for (int h : hiddenLayerSizes)
        if (h < 1)
            fail("every hidden layer size must be 1 or more");
    if (!(alpha >= 0.0))
        fail("alpha must be zero or more");
    if (batchSize < 1)
        fail("batch_size must be 1 or more");
    if (!(learningRateInit > 0.0))
        fail("learning_rate_init must be more than zero");
    if (maxIter < 1)
        fail("max_iter must be 1 or more");
    if (!(tol >= 0.0))
        fail("tol must be zero or more");
    if (nIterNoChange < 1)
        fail("n_iter_no_change must be 1 or more");
    if (!(validationFraction > 0.0 && validationFraction < 1.0))
        fail("validation_fraction must be between 0 and 1 (exclusive)");
    if (!(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0))
        fail("beta_1 and beta_2 must be in [0, 1)");
    if (!(epsilon > 0.0))
        fail("epsilon must be more than zero");
}

nlohmann::json MlpOptions::toJson() const {
    return {{"hidden_layer_sizes", hiddenLayerSizes},
            {"activation", activationName(activation)},
            {"alpha", alpha},
            {"batch_size", batchSize},
            {"learning_rate_init", learningRateInit},
            {"max_iter", maxIter},
            {"tol", tol},
            {"n_iter_no_change", nIterNoChange},
            {"early_stopping", earlyStopping},
            {"validation_fraction", validationFraction},
            {"shuffle", shuffle},
            {"random_state", randomState},
            {"beta_1", beta1},
            {"beta_2", beta2},
            {"epsilon", epsilon}};
}

MlpOptions MlpOptions::fromJson(std::string_view who, const nlohmann::json& p) {
    MlpOptions o;
    if (p.contains("hidden_layer_sizes")) {
        const auto& h = p["hidden_layer_sizes"];
        // A single number means one hidden layer, as scikit-learn accepts.
        o.hiddenLayerSizes =
            h.is_array() ? h.get<std::vector<int>>() : std::vector<int>{h.get<int>()};
    }
    if (p.contains("activation"))
        o.activation = activationFromName(who, p["activation"].get<std::string>());
    o.alpha = p.value("alpha", o.alpha);
    if (p.contains("batch_size") && !(p["batch_size"].is_string() && p["batch_size"] == "auto"))
        o.batchSize = p["batch_size"].get<int>();
    o.learningRateInit = p.value("learning_rate_init", o.learningRateInit);
    o.maxIter = p.value("max_iter", o.maxIter);
    o.tol = p.value("tol", o.tol);
    o.nIterNoChange = p.value("n_iter_no_change", o.nIterNoChange);
    o.earlyStopping = p.value("early_stopping", o.earlyStopping);
    o.validationFraction = p.value("validation_fraction", o.validationFraction);
    o.shuffle = p.value("shuffle", o.shuffle);
    o.randomState = p.value("random_state", o.randomState);
    o.beta1 = p.value("beta_1", o.beta1);
    o.beta2 = p.value("beta_2", o.beta2);
    o.epsilon = p.value("epsilon", o.epsilon);
    return o;
}

}  // namespace sluice::ml
