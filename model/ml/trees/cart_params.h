// Hyperparameters shared by the CART learners (decision trees and the trees
// of random forests), with their JSON form and their checks.
//
// JSON names follow scikit-learn: max_depth (0 = unlimited),
// min_samples_split, min_samples_leaf, max_features, random_state.
// max_features accepts 0 or "all" (every feature), "sqrt", "log2", a count
// (a JSON integer >= 1) or a fraction of the features (a JSON float in
// (0, 1]); like scikit-learn, 1 is one feature and 1.0 is all of them.
// Bad values throw MisuseError saying what is allowed: from fromJson for
// malformed JSON, from check()/resolve() at fit time for values set in C++.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/learner_spec.h"

namespace sluice::ml {

struct MaxFeatures {
    enum class Rule { All, Sqrt, Log2, Count, Fraction };
    Rule rule = Rule::All;
    double value = 0.0;  // the count or the fraction

    static MaxFeatures all() { return {}; }
    static MaxFeatures sqrt() { return {Rule::Sqrt, 0.0}; }
    static MaxFeatures log2() { return {Rule::Log2, 0.0}; }
    static MaxFeatures count(int n) { return {Rule::Count, static_cast<double>(n)}; }
    static MaxFeatures fraction(double f) { return {Rule::Fraction, f}; }

    static MaxFeatures fromJson(const nlohmann::json& j, std::string_view learner);
    nlohmann::json toJson() const;
    // Features to draw at each node out of `features` (1..features), as
    // scikit-learn rounds: max(1, floor(rule(features))).
    int resolve(Eigen::Index features, std::string_view learner) const;
};

struct CartParams {
    int maxDepth = 0;  // 0 = grow until the leaves are pure or too small
    int minSamplesSplit = 2;
    int minSamplesLeaf = 1;
    MaxFeatures maxFeatures;
    std::uint64_t randomState = 0;

    // MisuseError for a value outside the ranges learner `learner` declares.
    void check(std::string_view learner) const;
    void readJson(const nlohmann::json& p, std::string_view learner);
    void writeJson(nlohmann::json& p) const;
};

// criterion (one of `criteria`), max_depth, min_samples_split,
// min_samples_leaf, max_features and random_state, as the tree learners'
// LearnerSpecs declare them.
std::vector<Hyperparameter> cartHyperparameters(std::vector<std::string> criteria);

// p[name] as a non-negative integer seed (MisuseError otherwise), or `fallback`.
std::uint64_t seedFromJson(const nlohmann::json& p, const char* name, std::uint64_t fallback,
                           std::string_view learner);

}  // namespace sluice::ml
