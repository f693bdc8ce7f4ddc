#include "ml/neural/mlp_options.h"

#include <cmath>
#include <string>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

void MlpOptions::check(std::string_view who) const {
    for (int h : hiddenLayerSizes)
        if (h < 1)
            throw MisuseError(std::string(who) + ": every hidden layer size must be 1 or more");
    checkHyperparameters(who, toJson());
}

std::vector<Hyperparameter> mlpHyperparameters() {
    Hyperparameter layers = {"hidden_layer_sizes", "Hidden layers",
                             "Units per hidden layer, e.g. [100] or [64, 32]."};
    layers.sklearnValue = SklearnValue::Tuple;
    Hyperparameter rate = {"learning_rate_init", "Learning rate", "Adam's step size.", 0.0};
    rate.nodeMax = 10.0;
    rate.exclusiveMin = true;
    Hyperparameter epsilon = {"epsilon", "Adam epsilon", "Numerical stabiliser.", 0.0};
    epsilon.exclusiveMin = true;
    epsilon.advanced = true;
    Hyperparameter beta1 = {"beta_1", "Adam beta 1", "Decay of the first-moment estimate.", 0.0,
                            0.999999};
    beta1.advanced = true;
    Hyperparameter beta2 = {"beta_2", "Adam beta 2", "Decay of the second-moment estimate.", 0.0,
                            0.999999};
    beta2.advanced = true;
    return {layers,
            {"activation",
             "Activation",
             "Non-linearity of the hidden units.",
             std::nullopt,
             std::nullopt,
             {"relu", "tanh"}},
            hyper::alpha(),
            {"batch_size", "Batch size", "Rows per gradient step.", 1.0},
            rate,
            hyper::maxIter(),
            hyper::tol(),
            hyper::nIterNoChange(),
            hyper::earlyStopping(),
            hyper::validationFraction(),
            {"shuffle", "Shuffle", "Shuffle the rows every epoch."},
            hyper::randomState(),
            beta1,
            beta2,
            epsilon};
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

namespace {

// One hidden layer's size, checked before it becomes an int: the text a user
// typed ("[1e20]") must give a clear refusal, not an overflowing cast.
int layerSize(std::string_view who, const nlohmann::json& size) {
    constexpr double kMaxUnits = 1'000'000;
    const bool whole =
        size.is_number_integer() || (size.is_number_float() && std::isfinite(size.get<double>()) &&
                                     size.get<double>() == std::floor(size.get<double>()));
    if (!whole || size.get<double>() < 1 || size.get<double>() > kMaxUnits)
        throw MisuseError(std::string(who) +
                          ": every hidden layer size must be a whole number from 1 to 1000000, "
                          "not " +
                          size.dump());
    return static_cast<int>(size.get<double>());
}

}  // namespace

MlpOptions MlpOptions::fromJson(std::string_view who, const nlohmann::json& p) {
    MlpOptions o;
    if (p.contains("hidden_layer_sizes")) {
        const auto& h = p["hidden_layer_sizes"];
        // A single number means one hidden layer, as scikit-learn accepts.
        o.hiddenLayerSizes.clear();
        for (const auto& size : h.is_array() ? h : nlohmann::json::array({h}))
            o.hiddenLayerSizes.push_back(layerSize(who, size));
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
