// LearnerSpec: everything Sluice knows about one learner kind, declared once
// beside the learner in its family's folder and registered with one line
// in the family's register.cpp (registry.h).
//
// From this one declaration come:
// - the Train node ("train.<kind>"): its name, description and each
//   hyperparameter's label, help and range in the inspector;
// - the checks: checkHyperparameters() throws MisuseError for a value
//   outside a declared range or choice list, both when the registry makes
//   a learner and when fit() starts, so no learner repeats them by hand
//   (checks that depend on the data, such as k <= rows, stay in fit());
// - the Python export: the scikit-learn class, each keyword and how its
//   value converts;
// - the conformance tests: quick settings that keep them fast.
//
// Contract: `hyperparameters` names every key of the learner's params()
// JSON, in any order, and nothing else (tests/ml/test_learner_specs.cpp
// checks it for every registered kind).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice::ml {

class Learner;
class Model;

// How a Sluice value becomes a scikit-learn argument.
enum class SklearnValue {
    Same,        // as it is
    ZeroIsNone,  // 0 ("unlimited", "all") becomes None
    NoneWord,    // the text "none" becomes None
    Tuple,       // a list becomes a tuple
};

struct Hyperparameter {
    std::string name;   // key in params(); scikit-learn's spelling where one exists
    std::string label;  // "Max depth"
    std::string help;   // one sentence for the inspector's tooltip
    // Numbers: the bounds the learner accepts (inclusive unless
    // exclusiveMin), everywhere: inspector, files, sweeps and fit().
    std::optional<double> min = std::nullopt;
    std::optional<double> max = std::nullopt;
    std::vector<std::string> choices = {};  // texts: the allowed values
    std::string sklearn = {};               // scikit-learn's keyword; empty: `name`
    SklearnValue sklearnValue = SklearnValue::Same;
    // A bool hyperparameter that must be on for this one to reach
    // scikit-learn; when it is off, this one is passed as False (oob_score
    // needs bootstrap).
    std::string sklearnOnlyIf = {};
    bool exclusiveMin = false;    // the value must be more than `min`
    std::string minMeaning = {};  // what `min` stands for: "unlimited" (max_depth 0)
    // Without a real maximum: the largest value a Train node offers and
    // accepts (a spin box needs an end). Learners made in code are not held
    // to it (a test may set max_iter to INT_MAX to train until cancelled).
    std::optional<double> nodeMax = std::nullopt;
    // Most people leave it alone: the inspector folds it under "Advanced".
    bool advanced = false;
};

// `h` with nodeMax set, for declarations that need one.
inline Hyperparameter withNodeMax(Hyperparameter h, double nodeMax) {
    h.nodeMax = nodeMax;
    return h;
}

struct SklearnCounterpart {
    std::string module;                            // "sklearn.cluster"
    std::string className;                         // "KMeans"
    std::vector<std::string> fixedArguments = {};  // "solver=\"adam\""
    // Where the two implementations differ beyond their parameters: one
    // sentence each, written into an exported script as comments.
    std::vector<std::string> notes = {};
};

struct LearnerSpec {
    std::string kind;  // stable id: "kmeans"; the node is "train.kmeans"
    std::string displayName;
    std::string description;
    std::function<std::unique_ptr<Learner>(const nlohmann::json& params)> make;
    // Loads the model this learner fits (model files name it by `kind`).
    std::function<std::unique_ptr<Model>(const nlohmann::json& model)> loadModel;
    std::vector<Hyperparameter> hyperparameters;
    std::optional<SklearnCounterpart> sklearn = std::nullopt;  // none: export refuses
    // Small settings for the conformance tests (every other one default).
    nlohmann::json quickParams = nlohmann::json::object();
    // False for learners that have a node of their own (PCA is a transform).
    bool hasTrainNode = true;
    // Whether fit() reports progress or metrics before it ends and stops at
    // the next report once cancelled. False for learners that fit in one
    // closed-form step (they check cancellation only before starting); the
    // conformance suite holds each learner to what it declares.
    bool cancelsMidFit = true;

    const Hyperparameter* hyperparameter(std::string_view name) const;
};

// MisuseError "kmeans: n_clusters must be 1 or more, not 0" (or "between 0
// and 1, not 1.5", "greater than 0", "\"gini\" or \"entropy\"") for the
// first value of `params` outside its declared range or choices.
void checkHyperparameters(const LearnerSpec& spec, const nlohmann::json& params);
// The same for a learner, or for the params of a registered kind (used by
// option structs several learners share). Unregistered kinds, such as test
// doubles, pass.
void checkHyperparameters(const Learner& learner);
void checkHyperparameters(std::string_view kind, const nlohmann::json& params);

}  // namespace sluice::ml
