#include "ml/trees/gbt_params.h"

#include <cmath>
#include <string>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

void require(bool ok, std::string_view learner, const std::string& what) {
    if (!ok)
        throw MisuseError(std::string(learner) + ": " + what);
}

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
    require(std::isfinite(learningRate) && learningRate > 0, learner,
            "learning_rate must be greater than 0");
    require(maxIter >= 1, learner, "max_iter must be 1 or more");
    require(maxDepth >= 0, learner, "max_depth must be 1 or more (0 for no limit)");
    require(maxLeafNodes >= 2, learner, "max_leaf_nodes must be 2 or more");
    require(minSamplesLeaf >= 1, learner, "min_samples_leaf must be 1 or more");
    require(std::isfinite(l2Regularization) && l2Regularization >= 0, learner,
            "l2_regularization must be 0 or more");
    require(maxBins >= 2 && maxBins <= 255, learner, "max_bins must be between 2 and 255");
    require(validationFraction > 0 && validationFraction < 1, learner,
            "validation_fraction must be between 0 and 1 (exclusive)");
    require(nIterNoChange >= 1, learner, "n_iter_no_change must be 1 or more");
    require(std::isfinite(tol) && tol >= 0, learner, "tol must be 0 or more");
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
