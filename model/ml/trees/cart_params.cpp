#include "ml/trees/cart_params.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"
#include "ml/trees/cart_criteria.h"

namespace sluice::ml {

std::string_view criterionName(Criterion c) {
    switch (c) {
        case Criterion::Gini:
            return "gini";
        case Criterion::Entropy:
            return "entropy";
        case Criterion::SquaredError:
            return "squared_error";
    }
    return "gini";
}

Criterion criterionFromName(std::string_view name, std::string_view learner) {
    if (name == "gini")
        return Criterion::Gini;
    if (name == "entropy")
        return Criterion::Entropy;
    if (name == "squared_error")
        return Criterion::SquaredError;
    throw MisuseError(std::string(learner) + ": unknown criterion '" + std::string(name) +
                      "'; use \"gini\" or \"entropy\" (classifiers) or \"squared_error\" "
                      "(regressors)");
}

MaxFeatures MaxFeatures::fromJson(const nlohmann::json& j, std::string_view learner) {
    const std::string allowed =
        std::string(learner) +
        ": max_features must be \"sqrt\", \"log2\", \"all\" (or 0), a count of features (1, 2, "
        "...) or a fraction in (0, 1] such as 0.5";
    if (j.is_null())
        return all();
    if (j.is_string()) {
        const auto s = j.get<std::string>();
        if (s == "sqrt")
            return sqrt();
        if (s == "log2")
            return log2();
        if (s == "all")
            return all();
        throw MisuseError(allowed);
    }
    if (j.is_number_integer()) {
        const auto n = j.get<long long>();
        if (n == 0)
            return all();
        if (n < 0 || n > 1'000'000'000)
            throw MisuseError(allowed);
        return count(static_cast<int>(n));
    }
    if (j.is_number_float()) {
        const double f = j.get<double>();
        if (!(f > 0.0 && f <= 1.0))
            throw MisuseError(allowed);
        return fraction(f);
    }
    throw MisuseError(allowed);
}

nlohmann::json MaxFeatures::toJson() const {
    switch (rule) {
        case Rule::All:
            return 0;
        case Rule::Sqrt:
            return "sqrt";
        case Rule::Log2:
            return "log2";
        case Rule::Count:
            return static_cast<long long>(value);
        case Rule::Fraction:
            return value;
    }
    return 0;
}

int MaxFeatures::resolve(Eigen::Index features, std::string_view learner) const {
    const auto p = static_cast<double>(features);
    double n = p;
    switch (rule) {
        case Rule::All:
            break;
        case Rule::Sqrt:
            n = std::floor(std::sqrt(p));
            break;
        case Rule::Log2:
            n = std::floor(std::log2(p));
            break;
        case Rule::Count:
            if (!(value >= 1.0 && value == std::floor(value)))
                throw MisuseError(std::string(learner) +
                                  ": max_features as a count must be 1 or more");
            if (value > p)
                throw MisuseError(std::string(learner) + ": max_features is " +
                                  std::to_string(static_cast<long long>(value)) +
                                  " but the data has only " + std::to_string(features) +
                                  " features; lower it or use a fraction such as 1.0");
            n = value;
            break;
        case Rule::Fraction:
            if (!(value > 0.0 && value <= 1.0))
                throw MisuseError(std::string(learner) +
                                  ": max_features as a fraction must be in (0, 1]");
            n = std::floor(value * p);
            break;
    }
    return static_cast<int>(std::max(1.0, n));
}

void CartParams::check(std::string_view learner) const {
    nlohmann::json p;
    writeJson(p);
    checkHyperparameters(learner, p);
}

std::vector<Hyperparameter> cartHyperparameters(std::vector<std::string> criteria) {
    Hyperparameter maxFeatures = {
        "max_features", "Features per split",
        "Features tried at each split: 0 = all, a count, a fraction, or sqrt/log2."};
    maxFeatures.sklearnValue = SklearnValue::ZeroIsNone;
    return {
        {"criterion", "Split criterion", "How the quality of a split is measured.", std::nullopt,
         std::nullopt, std::move(criteria)},
        hyper::maxDepth(),
        {"min_samples_split", "Min rows to split", "A node with fewer rows becomes a leaf.", 2.0},
        hyper::minSamplesLeaf(),
        maxFeatures,
        hyper::randomState()};
}

std::uint64_t seedFromJson(const nlohmann::json& p, const char* name, std::uint64_t fallback,
                           std::string_view learner) {
    if (!p.contains(name))
        return fallback;
    const auto& j = p[name];
    if (j.is_number_unsigned())
        return j.get<std::uint64_t>();
    if (j.is_number_integer() && j.get<long long>() >= 0)
        return static_cast<std::uint64_t>(j.get<long long>());
    throw MisuseError(std::string(learner) + ": " + name + " must be a whole number 0 or more");
}

void CartParams::readJson(const nlohmann::json& p, std::string_view learner) {
    maxDepth = p.value("max_depth", maxDepth);
    minSamplesSplit = p.value("min_samples_split", minSamplesSplit);
    minSamplesLeaf = p.value("min_samples_leaf", minSamplesLeaf);
    if (p.contains("max_features"))
        maxFeatures = MaxFeatures::fromJson(p["max_features"], learner);
    randomState = seedFromJson(p, "random_state", randomState, learner);
    check(learner);
}

void CartParams::writeJson(nlohmann::json& p) const {
    p["max_depth"] = maxDepth;
    p["min_samples_split"] = minSamplesSplit;
    p["min_samples_leaf"] = minSamplesLeaf;
    p["max_features"] = maxFeatures.toJson();
    p["random_state"] = randomState;
}

}  // namespace sluice::ml
