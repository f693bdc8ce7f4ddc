#include "ml/core/registry.h"

#include "ml/core/ml_errors.h"

namespace sluice::ml {

const MlRegistry& MlRegistry::instance() {
    static const MlRegistry registry = [] {
        MlRegistry r;
        registerLinearModels(r);
        registerNeighbors(r);
        registerNaiveBayes(r);
        registerTrees(r);
        registerNeuralNetworks(r);
        registerClustering(r);
        registerDecomposition(r);
        return r;
    }();
    return registry;
}

void MlRegistry::addLearner(std::string kind, LearnerFactory make) {
    learners_[std::move(kind)] = std::move(make);
}

void MlRegistry::addModel(std::string kind, ModelLoader load) {
    models_[std::move(kind)] = std::move(load);
}

std::unique_ptr<Learner> MlRegistry::makeLearner(const std::string& kind,
                                                 const nlohmann::json& params) const {
    const auto it = learners_.find(kind);
    if (it == learners_.end())
        throw MisuseError("unknown learner '" + kind + "'");
    try {
        return it->second(params);
    } catch (const nlohmann::json::exception& e) {
        throw MisuseError("learner '" + kind + "': bad parameters (" + e.what() + ")");
    }
}

std::unique_ptr<Model> MlRegistry::loadModel(const nlohmann::json& model) const {
    if (!model.is_object() || !model.contains("kind") || !model["kind"].is_string())
        throw MisuseError("model file: no 'kind' naming the model type");
    const std::string kind = model["kind"];
    const auto it = models_.find(kind);
    if (it == models_.end())
        throw MisuseError("model file: unknown model kind '" + kind +
                          "' (made by a newer version of Sluice?)");
    try {
        return it->second(model);
    } catch (const nlohmann::json::exception& e) {
        throw MisuseError("model file for '" + kind + "' is malformed: " + e.what());
    }
}

std::vector<std::string> MlRegistry::learnerKinds() const {
    std::vector<std::string> out;
    for (const auto& [kind, make] : learners_)
        out.push_back(kind);
    return out;
}

}  // namespace sluice::ml
