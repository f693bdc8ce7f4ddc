#include "ml/neighbors/knn_options.h"

#include <string>

#include "ml/core/eigen_json.h"
#include "ml/core/learner_spec.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

template <class Enum, std::size_t N>
Enum parseChoice(const nlohmann::json& p, const char* field, Enum fallback,
                 const std::pair<const char*, Enum> (&choices)[N]) {
    if (!p.contains(field))
        return fallback;
    const std::string value = p.at(field).get<std::string>();
    std::string names;
    for (const auto& [name, e] : choices) {
        if (value == name)
            return e;
        names += (names.empty() ? "'" : ", '") + std::string(name) + "'";
    }
    throw MisuseError(std::string(field) + " must be one of " + names + " (got '" + value + "')");
}

template <class Enum, std::size_t N>
const char* choiceName(Enum e, const std::pair<const char*, Enum> (&choices)[N]) {
    for (const auto& [name, value] : choices)
        if (value == e)
            return name;
    return "";
}

constexpr std::pair<const char*, NeighborWeights> kWeights[] = {
    {"uniform", NeighborWeights::Uniform}, {"distance", NeighborWeights::Distance}};
constexpr std::pair<const char*, DistanceMetric> kMetrics[] = {
    {"euclidean", DistanceMetric::Euclidean}, {"manhattan", DistanceMetric::Manhattan}};
constexpr std::pair<const char*, SearchAlgorithm> kAlgorithms[] = {
    {"auto", SearchAlgorithm::Auto},
    {"kd_tree", SearchAlgorithm::KdTree},
    {"brute", SearchAlgorithm::Brute}};

}  // namespace

nlohmann::json KNeighborsOptions::toJson() const {
    return {{"n_neighbors", nNeighbors},
            {"weights", choiceName(weights, kWeights)},
            {"metric", choiceName(metric, kMetrics)},
            {"algorithm", choiceName(algorithm, kAlgorithms)},
            {"leaf_size", leafSize}};
}

KNeighborsOptions KNeighborsOptions::fromJson(const nlohmann::json& p) {
    KNeighborsOptions o;
    o.nNeighbors = integerOr(p, "n_neighbors", o.nNeighbors);
    o.weights = parseChoice(p, "weights", o.weights, kWeights);
    o.metric = parseChoice(p, "metric", o.metric, kMetrics);
    o.algorithm = parseChoice(p, "algorithm", o.algorithm, kAlgorithms);
    o.leafSize = integerOr(p, "leaf_size", o.leafSize);
    return o;
}

void KNeighborsOptions::check(std::string_view who, Eigen::Index rows) const {
    const std::string name(who);
    checkHyperparameters(who, toJson());
    if (nNeighbors > rows)
        throw MisuseError(name + ": n_neighbors (" + std::to_string(nNeighbors) +
                          ") must not exceed the number of training rows (" + std::to_string(rows) +
                          "); lower it or train on more rows");
}

void neighborWeights(NeighborWeights weights, const double* distance, int k, double* out) {
    bool exact = false;
    for (int i = 0; i < k; ++i)
        exact = exact || distance[i] == 0.0;
    for (int i = 0; i < k; ++i) {
        if (weights == NeighborWeights::Uniform)
            out[i] = 1.0;
        else if (exact)
            out[i] = distance[i] == 0.0 ? 1.0 : 0.0;
        else
            out[i] = 1.0 / distance[i];
    }
}

std::vector<Hyperparameter> knnHyperparameters() {
    return {
        withNodeMax({"n_neighbors", "Neighbours (k)", "How many nearest training rows vote.", 1.0},
                    10000.0),
        {"weights",
         "Weights",
         "uniform: every neighbour counts the same; distance: nearer count more.",
         std::nullopt,
         std::nullopt,
         {"uniform", "distance"}},
        {"metric",
         "Distance",
         "How distance between rows is measured.",
         std::nullopt,
         std::nullopt,
         {"euclidean", "manhattan"}},
        {"algorithm",
         "Search",
         "auto picks a KD-tree for few features and brute force for many.",
         std::nullopt,
         std::nullopt,
         {"auto", "kd_tree", "brute"}},
        withNodeMax({"leaf_size", "Leaf size", "Rows per KD-tree leaf.", 1.0}, 10000.0)};
}

}  // namespace sluice::ml
