// MlRegistry: every learner kind, by stable id, with its LearnerSpec
// (learner_spec.h): how to make it from parameters, how to load the model
// it fits, and everything the nodes, inspector and Python export need.
//
// Each learner family registers its learners in one function of its own
// (registerLinearModels, registerTrees, ...), one line per learner:
// `registry.add(kmeansSpec());`. The families are listed once, in
// SLUICE_ML_FAMILIES below, and called from registry.cpp: explicit calls,
// because a static library drops the object files of self-registering
// globals nobody references. A new family is one line in that list.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/learner_spec.h"
#include "ml/core/model.h"

// One entry per learner family; each function lives in its family's folder.
#define SLUICE_ML_FAMILIES(FAMILY) \
    FAMILY(registerLinearModels)   \
    FAMILY(registerNeighbors)      \
    FAMILY(registerNaiveBayes)     \
    FAMILY(registerTrees)          \
    FAMILY(registerNeuralNetworks) \
    FAMILY(registerClustering)     \
    FAMILY(registerDecomposition)

namespace sluice::ml {

class MlRegistry {
public:
    static const MlRegistry& instance();

    // Throws std::logic_error on a duplicate kind (a programming error).
    void add(LearnerSpec spec);

    // Unknown kinds and bad parameters (of the wrong type, or outside the
    // declared ranges) throw MisuseError naming them.
    std::unique_ptr<Learner> makeLearner(
        const std::string& kind, const nlohmann::json& params = nlohmann::json::object()) const;
    std::unique_ptr<Model> loadModel(const nlohmann::json& model) const;
    // Sorted by kind.
    std::vector<std::string> learnerKinds() const;
    const LearnerSpec* spec(const std::string& kind) const;

private:
    std::map<std::string, LearnerSpec> specs_;
};

#define SLUICE_DECLARE_ML_FAMILY(name) void name(MlRegistry& registry);
SLUICE_ML_FAMILIES(SLUICE_DECLARE_ML_FAMILY)
#undef SLUICE_DECLARE_ML_FAMILY

}  // namespace sluice::ml
