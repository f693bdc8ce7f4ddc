// MlRegistry: every learner kind (made from its parameters JSON) and every
// model kind (loaded from a model file's JSON), by stable id.
//
// Each learner family registers itself in one function of its own
// (registerLinearModels, registerTrees, ...), all called once from
// registry.cpp: explicit calls, because a static library drops the object
// files of self-registering globals nobody references.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/core/model.h"

namespace sluice::ml {

class MlRegistry {
public:
    using LearnerFactory = std::function<std::unique_ptr<Learner>(const nlohmann::json& params)>;
    using ModelLoader = std::function<std::unique_ptr<Model>(const nlohmann::json& model)>;

    static const MlRegistry& instance();

    void addLearner(std::string kind, LearnerFactory make);
    void addModel(std::string kind, ModelLoader load);

    // Unknown kinds and bad parameters throw MisuseError naming them.
    std::unique_ptr<Learner> makeLearner(
        const std::string& kind, const nlohmann::json& params = nlohmann::json::object()) const;
    std::unique_ptr<Model> loadModel(const nlohmann::json& model) const;
    std::vector<std::string> learnerKinds() const;

private:
    std::map<std::string, LearnerFactory> learners_;
    std::map<std::string, ModelLoader> models_;
};

// One per family; each lives in its family's folder.
void registerLinearModels(MlRegistry& registry);
void registerNeighbors(MlRegistry& registry);
void registerNaiveBayes(MlRegistry& registry);
void registerTrees(MlRegistry& registry);
void registerNeuralNetworks(MlRegistry& registry);
void registerClustering(MlRegistry& registry);
void registerDecomposition(MlRegistry& registry);

}  // namespace sluice::ml
