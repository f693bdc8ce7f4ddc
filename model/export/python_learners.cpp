#include "export/python_learners.h"

#include <map>

#include "export/python_export.h"
#include "export/python_literals.h"

namespace sluice::python_export {
namespace {

enum class Convert { Same, ZeroIsNone, NoneWord, Tuple };

struct Argument {
    std::string name;     // Sluice's hyperparameter
    std::string sklearn;  // scikit-learn's keyword
    Convert convert = Convert::Same;
};

struct Mapping {
    std::string module, className;
    std::vector<Argument> arguments;
    std::vector<std::string> fixed;  // extra keywords, "solver=\"adam\""
    std::vector<std::string> notes;
};

const std::vector<Argument> kTree = {{"criterion", "criterion"},
                                     {"max_depth", "max_depth", Convert::ZeroIsNone},
                                     {"min_samples_split", "min_samples_split"},
                                     {"min_samples_leaf", "min_samples_leaf"},
                                     {"max_features", "max_features", Convert::ZeroIsNone},
                                     {"random_state", "random_state"}};

std::vector<Argument> forestArguments() {
    std::vector<Argument> a = {
        {"n_estimators", "n_estimators"}, {"bootstrap", "bootstrap"}, {"oob_score", "oob_score"}};
    a.insert(a.end(), kTree.begin(), kTree.end());
    return a;
}

const std::vector<Argument> kBoosting = {{"learning_rate", "learning_rate"},
                                         {"max_iter", "max_iter"},
                                         {"max_depth", "max_depth", Convert::ZeroIsNone},
                                         {"max_leaf_nodes", "max_leaf_nodes", Convert::ZeroIsNone},
                                         {"min_samples_leaf", "min_samples_leaf"},
                                         {"l2_regularization", "l2_regularization"},
                                         {"max_bins", "max_bins"},
                                         {"early_stopping", "early_stopping"},
                                         {"validation_fraction", "validation_fraction"},
                                         {"n_iter_no_change", "n_iter_no_change"},
                                         {"tol", "tol"},
                                         {"random_state", "random_state"}};

const std::vector<Argument> kMlp = {{"hidden_layer_sizes", "hidden_layer_sizes", Convert::Tuple},
                                    {"activation", "activation"},
                                    {"alpha", "alpha"},
                                    {"batch_size", "batch_size"},
                                    {"learning_rate_init", "learning_rate_init"},
                                    {"max_iter", "max_iter"},
                                    {"tol", "tol"},
                                    {"n_iter_no_change", "n_iter_no_change"},
                                    {"early_stopping", "early_stopping"},
                                    {"validation_fraction", "validation_fraction"},
                                    {"shuffle", "shuffle"},
                                    {"random_state", "random_state"},
                                    {"beta_1", "beta_1"},
                                    {"beta_2", "beta_2"},
                                    {"epsilon", "epsilon"}};

const std::vector<Argument> kNeighbors = {{"n_neighbors", "n_neighbors"},
                                          {"weights", "weights"},
                                          {"metric", "metric"},
                                          {"algorithm", "algorithm"},
                                          {"leaf_size", "leaf_size"}};

const char* kSeedNote =
    "random_state seeds numpy's generator here and Sluice's own generator in Sluice: the "
    "same seed draws different random numbers, so scores agree only statistically.";

const std::map<std::string, Mapping>& mappings() {
    static const std::map<std::string, Mapping> table = {
        {"linear_regression",
         {"sklearn.linear_model", "LinearRegression", {{"fit_intercept", "fit_intercept"}}}},
        {"ridge",
         {"sklearn.linear_model",
          "Ridge",
          {{"alpha", "alpha"}, {"fit_intercept", "fit_intercept"}}}},
        {"lasso",
         {"sklearn.linear_model",
          "Lasso",
          {{"alpha", "alpha"},
           {"fit_intercept", "fit_intercept"},
           {"max_iter", "max_iter"},
           {"tol", "tol"}}}},
        {"elastic_net",
         {"sklearn.linear_model",
          "ElasticNet",
          {{"alpha", "alpha"},
           {"l1_ratio", "l1_ratio"},
           {"fit_intercept", "fit_intercept"},
           {"max_iter", "max_iter"},
           {"tol", "tol"}}}},
        {"logistic_regression",
         {"sklearn.linear_model",
          "LogisticRegression",
          {{"C", "C"},
           {"fit_intercept", "fit_intercept"},
           {"max_iter", "max_iter"},
           {"tol", "tol"},
           {"class_weight", "class_weight", Convert::NoneWord}},
          {},
          {"Both minimise the same L2-penalised multinomial log loss with L-BFGS; the "
           "optimisers stop at slightly different points."}}},
        {"gaussian_nb",
         {"sklearn.naive_bayes",
          "GaussianNB",
          {{"var_smoothing", "var_smoothing"}, {"priors", "priors"}}}},
        {"knn_classifier", {"sklearn.neighbors", "KNeighborsClassifier", kNeighbors}},
        {"knn_regressor", {"sklearn.neighbors", "KNeighborsRegressor", kNeighbors}},
        {"decision_tree_classifier",
         {"sklearn.tree", "DecisionTreeClassifier", kTree, {}, {kSeedNote}}},
        {"decision_tree_regressor",
         {"sklearn.tree", "DecisionTreeRegressor", kTree, {}, {kSeedNote}}},
        {"random_forest_classifier",
         {"sklearn.ensemble", "RandomForestClassifier", forestArguments(), {}, {kSeedNote}}},
        {"random_forest_regressor",
         {"sklearn.ensemble", "RandomForestRegressor", forestArguments(), {}, {kSeedNote}}},
        {"gradient_boosting_classifier",
         {"sklearn.ensemble",
          "HistGradientBoostingClassifier",
          kBoosting,
          {},
          {kSeedNote, "Histograms are binned by each library's own quantile rule."}}},
        {"gradient_boosting_regressor",
         {"sklearn.ensemble",
          "HistGradientBoostingRegressor",
          kBoosting,
          {},
          {kSeedNote, "Histograms are binned by each library's own quantile rule."}}},
        {"mlp_classifier",
         {"sklearn.neural_network", "MLPClassifier", kMlp, {"solver=\"adam\""}, {kSeedNote}}},
        {"mlp_regressor",
         {"sklearn.neural_network", "MLPRegressor", kMlp, {"solver=\"adam\""}, {kSeedNote}}},
        {"kmeans",
         {"sklearn.cluster",
          "KMeans",
          {{"n_clusters", "n_clusters"},
           {"n_init", "n_init"},
           {"max_iter", "max_iter"},
           {"tol", "tol"},
           {"random_state", "random_state"}},
          {},
          {kSeedNote, "Cluster numbers may be permuted between the two."}}},
    };
    return table;
}

std::string converted(const nlohmann::json& value, Convert convert) {
    switch (convert) {
        case Convert::ZeroIsNone:
            if (value.is_number() && value.get<double>() == 0.0)
                return "None";
            break;
        case Convert::NoneWord:
            if (value == "none")
                return "None";
            break;
        case Convert::Tuple:
            if (value.is_array()) {
                std::string out = "(";
                for (const auto& v : value)
                    out += pyValue(v) + ", ";
                return out + ")";
            }
            break;
        case Convert::Same:
            break;
    }
    return pyValue(value);
}

}  // namespace

SklearnEstimator sklearnEstimator(const std::string& kind, const nlohmann::json& params) {
    const auto it = mappings().find(kind);
    if (it == mappings().end())
        throw PythonExportError("learner '" + kind + "' has no scikit-learn counterpart");
    const Mapping& m = it->second;
    std::vector<std::string> args;
    for (const auto& [name, value] : params.items()) {
        const Argument* argument = nullptr;
        for (const auto& a : m.arguments)
            if (a.name == name)
                argument = &a;
        if (!argument)
            throw PythonExportError("learner '" + kind + "': hyperparameter '" + name +
                                    "' has no scikit-learn counterpart in the exporter");
        // scikit-learn refuses oob_score without bootstrap; Sluice then has no
        // out-of-bag rows either, so the score is off in both.
        if (name == "oob_score" && params.value("bootstrap", true) == false) {
            args.push_back("oob_score=False");
            continue;
        }
        args.push_back(argument->sklearn + "=" + converted(value, argument->convert));
    }
    args.insert(args.end(), m.fixed.begin(), m.fixed.end());
    SklearnEstimator e{m.module, m.className, m.className + "(", m.notes};
    for (std::size_t i = 0; i < args.size(); ++i)
        e.constructor += (i ? ", " : "") + args[i];
    e.constructor += ")";
    return e;
}

}  // namespace sluice::python_export
