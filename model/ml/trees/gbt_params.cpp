#include "ml/trees/gbt_params.h"

#include <cmath>
#include <string>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

template <class T>
T field(const nlohmann::json& p, const char* name, T fallback) {
    if (!p.contains(name))
        return fallback;
    try {
        return p.at(name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw MisuseError(std::string("gradient boosting: parameter '") + name +
                          "' has the wrong type (" + p.at(name).dump() + ")");
    }
}

}  // namespace

void GbtParams::validate(std::string_view learner) const {
    checkHyperparameters(learner, toJson());
}

std::vector<Hyperparameter> gbtHyperparameters() {
    Hyperparameter rate = {"learning_rate", "Learning rate",
                           "Shrinks each round's contribution; smaller needs more rounds.", 0.0};
    rate.exclusiveMin = true;
    Hyperparameter leaves = {"max_leaf_nodes", "Max leaves",
                             "Leaves per tree (trees grow best-first).", 2.0};
    leaves.sklearnValue = SklearnValue::ZeroIsNone;
    Hyperparameter fraction = hyper::validationFraction();
    return {rate,
            hyper::maxIter(),
            hyper::maxDepth(),
            leaves,
            hyper::minSamplesLeaf(),
            {"l2_regularization", "L2 regularisation", "Penalty on leaf values.", 0.0},
            {"max_bins", "Bins", "Histogram bins per feature (at most 255).", 2.0, 255.0},
            hyper::earlyStopping(),
            fraction,
            hyper::nIterNoChange(),
            hyper::tol(),
            hyper::randomState()};
}

bool GbtParams::earlyStoppingFor(long long rows) const {
    return earlyStopping == EarlyStopping::On ||
           (earlyStopping == EarlyStopping::Auto && rows > 10000);
}

nlohmann::json GbtParams::toJson() const {
    nlohmann::json es = earlyStopping == EarlyStopping::Auto
                            ? nlohmann::json("auto")
                            : nlohmann::json(earlyStopping == EarlyStopping::On);
    return {{"learning_rate", learningRate},
            {"max_iter", maxIter},
            {"max_depth", maxDepth},
            {"max_leaf_nodes", maxLeafNodes},
            {"min_samples_leaf", minSamplesLeaf},
            {"l2_regularization", l2Regularization},
            {"max_bins", maxBins},
            {"early_stopping", es},
            {"validation_fraction", validationFraction},
            {"n_iter_no_change", nIterNoChange},
            {"tol", tol},
            {"random_state", randomState}};
}

GbtParams GbtParams::fromJson(const nlohmann::json& p) {
    GbtParams g;
    g.learningRate = field(p, "learning_rate", g.learningRate);
    g.maxIter = field(p, "max_iter", g.maxIter);
    g.maxDepth = field(p, "max_depth", g.maxDepth);
    g.maxLeafNodes = field(p, "max_leaf_nodes", g.maxLeafNodes);
    g.minSamplesLeaf = field(p, "min_samples_leaf", g.minSamplesLeaf);
    g.l2Regularization = field(p, "l2_regularization", g.l2Regularization);
    g.maxBins = field(p, "max_bins", g.maxBins);
    g.validationFraction = field(p, "validation_fraction", g.validationFraction);
    g.nIterNoChange = field(p, "n_iter_no_change", g.nIterNoChange);
    g.tol = field(p, "tol", g.tol);
    g.randomState = field(p, "random_state", g.randomState);
    if (p.contains("early_stopping")) {
        const auto& es = p.at("early_stopping");
        if (es.is_boolean())
            g.earlyStopping = es.get<bool>() ? EarlyStopping::On : EarlyStopping::Off;
        else if (es == "auto")
            g.earlyStopping = EarlyStopping::Auto;
        else
            throw MisuseError("gradient boosting: early_stopping must be \"auto\", true or false");
    }
    return g;
}

}  // namespace sluice::ml
