#include "nodes/train_nodes/learner_params.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace sluice {
namespace {

struct Described {
    std::string label;
    std::string help;
    std::optional<double> min = std::nullopt;
    std::optional<double> max = std::nullopt;
    std::vector<std::string> choices = {};
};

// Labels, ranges and help shared by learners that use the same names
// (scikit-learn's names, so users recognise them).
const std::map<std::string, Described>& descriptions() {
    static const std::map<std::string, Described> table = {
        {"fit_intercept",
         {"Fit intercept", "Learn a constant term; off forces the fit through the origin."}},
        {"alpha",
         {"Regularisation (alpha)",
          "Strength of the penalty on the weights; larger shrinks more.",
          0.0,
          {}}},
        {"l1_ratio",
         {"L1 ratio", "Mix of L1 (1.0, lasso) and L2 (0.0, ridge) penalties.", 0.0, 1.0}},
        {"max_iter",
         {"Max iterations", "Upper bound on iterations (epochs, sweeps or rounds).", 1.0,
          100000.0}},
        {"tol", {"Tolerance", "Stop when the improvement falls below this.", 0.0, {}}},
        {"C",
         {"Inverse regularisation (C)",
          "Smaller values penalise weights more (C = 1/alpha).",
          1e-12,
          {}}},
        {"class_weight",
         {"Class weights",
          "'balanced' weighs classes inversely to their frequency.",
          {},
          {},
          {"none", "balanced"}}},
        {"n_neighbors", {"Neighbours (k)", "How many nearest training rows vote.", 1.0, 10000.0}},
        {"weights",
         {"Weights",
          "uniform: every neighbour counts the same; distance: nearer count more.",
          {},
          {},
          {"uniform", "distance"}}},
        {"metric",
         {"Distance",
          "How distance between rows is measured.",
          {},
          {},
          {"euclidean", "manhattan"}}},
        {"algorithm",
         {"Search",
          "auto picks a KD-tree for few features and brute force for many.",
          {},
          {},
          {"auto", "kd_tree", "brute"}}},
        {"leaf_size", {"Leaf size", "Rows per KD-tree leaf.", 1.0, 10000.0}},
        {"var_smoothing",
         {"Variance smoothing",
          "Share of the largest variance added to all variances for stability.",
          0.0,
          {}}},
        {"criterion",
         {"Split criterion",
          "How the quality of a split is measured.",
          {},
          {},
          {"gini", "entropy", "squared_error"}}},
        {"max_depth",
         {"Max depth", "Deepest level a tree may grow to; 0 = unlimited.", 0.0, 1000.0}},
        {"min_samples_split",
         {"Min rows to split", "A node with fewer rows becomes a leaf.", 2.0, {}}},
        {"min_samples_leaf",
         {"Min rows per leaf", "Each leaf keeps at least this many rows.", 1.0, {}}},
        {"max_features",
         {"Features per split",
          "Features tried at each split: 0 = all, a count, a fraction, or sqrt/log2.",
          {},
          {}}},
        {"random_state", {"Seed", "Seed of every random choice: same seed, same model.", 0.0, {}}},
        {"n_estimators", {"Trees", "How many trees the forest grows.", 1.0, 100000.0}},
        {"bootstrap",
         {"Bootstrap", "Train each tree on a resample of the rows (with replacement)."}},
        {"oob_score", {"Out-of-bag score", "Score each tree on the rows its resample left out."}},
        {"learning_rate",
         {"Learning rate",
          "Shrinks each round's contribution; smaller needs more rounds.",
          1e-9,
          {}}},
        {"max_leaf_nodes", {"Max leaves", "Leaves per tree (trees grow best-first).", 2.0, {}}},
        {"l2_regularization", {"L2 regularisation", "Penalty on leaf values.", 0.0, {}}},
        {"max_bins", {"Bins", "Histogram bins per feature (at most 255).", 2.0, 255.0}},
        {"early_stopping",
         {"Early stopping", "Hold out a validation share and stop when it stops improving."}},
        {"validation_fraction",
         {"Validation share", "Share of the training rows held out for early stopping.", 0.0, 0.9}},
        {"n_iter_no_change",
         {"Patience", "Rounds or epochs without improvement before stopping.", 1.0, {}}},
        {"hidden_layer_sizes",
         {"Hidden layers", "Units per hidden layer, e.g. [100] or [64, 32]."}},
        {"activation",
         {"Activation", "Non-linearity of the hidden units.", {}, {}, {"relu", "tanh"}}},
        {"batch_size", {"Batch size", "Rows per gradient step.", 1.0, {}}},
        {"learning_rate_init", {"Learning rate", "Adam's step size.", 1e-9, 10.0}},
        {"shuffle", {"Shuffle", "Shuffle the rows every epoch."}},
        {"beta_1", {"Adam beta 1", "Decay of the first-moment estimate.", 0.0, 0.999999}},
        {"beta_2", {"Adam beta 2", "Decay of the second-moment estimate.", 0.0, 0.999999}},
        {"epsilon", {"Adam epsilon", "Numerical stabiliser.", 0.0, {}}},
        {"n_clusters", {"Clusters (k)", "How many clusters to find.", 1.0, 10000.0}},
        {"n_init", {"Restarts", "Runs from different starts; the best is kept.", 1.0, 1000.0}},
        {"n_components", {"Components", "How many components to keep; 0 = all.", 0.0, {}}},
        {"whiten", {"Whiten", "Scale components to unit variance."}},
    };
    return table;
}

std::string humanize(const std::string& name) {
    std::string s = name;
    for (char& c : s)
        if (c == '_')
            c = ' ';
    if (!s.empty())
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

ParamSpec fromDefault(const std::string& name, const nlohmann::json& def, const Described* d,
                      const std::string& learner) {
    ParamSpec p;
    p.name = name;
    p.label = d ? d->label : humanize(name);
    p.help = d ? d->help : "Hyperparameter '" + name + "' of " + learnerDisplayName(learner) + ".";
    p.defaultValue = def;
    if (d) {
        p.min = d->min;
        p.max = d->max;
    }
    if (def.is_boolean()) {
        p.kind = ParamKind::Bool;
    } else if (def.is_number_integer()) {
        p.kind = ParamKind::Int;
    } else if (def.is_number()) {
        p.kind = ParamKind::Float;
    } else if (def.is_string() && d && !d->choices.empty()) {
        p.kind = ParamKind::Choice;
        p.choices = d->choices;
    } else {
        // Lists (hidden layers) and values that may be a name or a number
        // (max_features) are kept as free JSON text in a string parameter.
        p.kind = ParamKind::String;
        p.optional = true;
        p.min.reset();
        p.max.reset();
        if (!def.is_string())
            p.defaultValue = def.dump();  // "[100]": edited as text
    }
    // A choice default outside the table's list (a learner-specific value)
    // joins the list rather than failing validation.
    if (p.kind == ParamKind::Choice &&
        std::find(p.choices.begin(), p.choices.end(), def.get<std::string>()) == p.choices.end())
        p.choices.push_back(def.get<std::string>());
    return p;
}

}  // namespace

std::vector<ParamSpec> learnerParamSpecs(const ml::Learner& learner) {
    std::vector<ParamSpec> specs;
    const nlohmann::json params = learner.params();
    for (const auto& [name, def] : params.items()) {
        const auto it = descriptions().find(name);
        specs.push_back(fromDefault(name, def, it == descriptions().end() ? nullptr : &it->second,
                                    std::string(learner.kind())));
    }
    return specs;
}

std::string learnerDisplayName(const std::string& kind) {
    static const std::map<std::string, std::string> names = {
        {"linear_regression", "Linear regression"},
        {"ridge", "Ridge regression"},
        {"lasso", "Lasso regression"},
        {"elastic_net", "Elastic net"},
        {"logistic_regression", "Logistic regression"},
        {"gaussian_nb", "Gaussian naive Bayes"},
        {"knn_classifier", "k-NN classifier"},
        {"knn_regressor", "k-NN regressor"},
        {"decision_tree_classifier", "Decision tree classifier"},
        {"decision_tree_regressor", "Decision tree regressor"},
        {"random_forest_classifier", "Random forest classifier"},
        {"random_forest_regressor", "Random forest regressor"},
        {"gradient_boosting_classifier", "Gradient boosting classifier"},
        {"gradient_boosting_regressor", "Gradient boosting regressor"},
        {"mlp_classifier", "Neural network classifier"},
        {"mlp_regressor", "Neural network regressor"},
        {"kmeans", "k-means clustering"},
        {"pca", "PCA"},
    };
    const auto it = names.find(kind);
    return it != names.end() ? it->second : humanize(kind);
}

std::string learnerDescription(const std::string& kind) {
    static const std::map<std::string, std::string> text = {
        {"linear_regression", "Least-squares linear fit of a numeric target."},
        {"ridge", "Linear regression with an L2 penalty on the weights."},
        {"lasso", "Linear regression with an L1 penalty: sparse weights."},
        {"elastic_net", "Linear regression with mixed L1 and L2 penalties."},
        {"logistic_regression", "Linear classifier with class probabilities (L2 penalty)."},
        {"gaussian_nb", "Naive Bayes with normal per-class feature distributions."},
        {"knn_classifier", "Classifies by the majority of the nearest training rows."},
        {"knn_regressor", "Predicts the mean target of the nearest training rows."},
        {"decision_tree_classifier", "A single CART tree of yes/no questions."},
        {"decision_tree_regressor", "A single CART tree predicting leaf means."},
        {"random_forest_classifier", "Many randomised trees voting; out-of-bag error per tree."},
        {"random_forest_regressor", "Many randomised trees averaged; out-of-bag error per tree."},
        {"gradient_boosting_classifier", "Histogram gradient-boosted trees; loss per round."},
        {"gradient_boosting_regressor", "Histogram gradient-boosted trees; loss per round."},
        {"mlp_classifier", "Multilayer perceptron trained with Adam; loss per epoch."},
        {"mlp_regressor", "Multilayer perceptron trained with Adam; loss per epoch."},
        {"kmeans", "Groups rows into k clusters; inertia per iteration."},
    };
    const auto it = text.find(kind);
    return it != text.end() ? it->second : "Trains " + learnerDisplayName(kind) + ".";
}

}  // namespace sluice
