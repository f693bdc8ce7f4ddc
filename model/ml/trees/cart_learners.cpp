#include "ml/trees/cart_learners.h"

#include <string>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"
#include "ml/core/random.h"
#include "ml/core/validation.h"
#include "ml/trees/cart_builder.h"
#include "ml/trees/cart_models.h"

namespace sluice::ml {
namespace {

GrownTree growSingleTree(std::string_view who, const CartParams& params, Criterion criterion,
                         const Eigen::MatrixXd& X, const Eigen::VectorXd& y, int classes,
                         const FitContext& context) {
    params.check(who);
    const bool regression = classes == 0;
    if ((criterion == Criterion::SquaredError) != regression)
        throw MisuseError(std::string(who) + ": criterion must be " +
                          (regression ? "\"squared_error\"" : "\"gini\" or \"entropy\""));
    const GrowthRules rules{criterion, params.maxDepth, params.minSamplesSplit,
                            params.minSamplesLeaf, params.maxFeatures.resolve(X.cols(), who)};
    context.throwIfCancelled();
    const auto sorts = presortFeatures(X, context.threadCount());
    // Tree 0 of a forest with the same seed: see cart_learners.h.
    Rng rng = Rng::derive(params.randomState, 0);
    return growTree(sorts, y, classes, {}, rules, rng, context, true);
}

template <class TreeModel>
std::unique_ptr<Model> makeModel(GrownTree grown, Eigen::Index features) {
    auto model = std::make_unique<TreeModel>(std::move(grown.tree), features,
                                             normalisedImportances(grown.impurityDecrease));
    model->status.iterations = 1;
    model->status.finalLoss = grown.leafImpurity;
    return model;
}

nlohmann::json treeParams(const CartParams& params, Criterion criterion) {
    nlohmann::json p = {{"criterion", criterionName(criterion)}};
    params.writeJson(p);
    return p;
}

}  // namespace

std::unique_ptr<Model> DecisionTreeClassifier::fit(const Eigen::MatrixXd& X,
                                                   const Eigen::VectorXd& y,
                                                   const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classes = checkClassTargets(kind(), y);
    return makeModel<TreeClassifierModel>(
        growSingleTree(kind(), *this, criterion, X, y, classes, context), X.cols());
}

nlohmann::json DecisionTreeClassifier::params() const {
    return treeParams(*this, criterion);
}

std::unique_ptr<Learner> DecisionTreeClassifier::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<DecisionTreeClassifier>();
    l->readJson(p, l->kind());
    l->criterion = criterionFromName(p.value("criterion", "gini"), l->kind());
    return l;
}

std::unique_ptr<Model> DecisionTreeRegressor::fit(const Eigen::MatrixXd& X,
                                                  const Eigen::VectorXd& y,
                                                  const FitContext& context) const {
    checkFitInput(kind(), X, y);
    return makeModel<TreeRegressorModel>(growSingleTree(kind(), *this, criterion, X, y, 0, context),
                                         X.cols());
}

nlohmann::json DecisionTreeRegressor::params() const {
    return treeParams(*this, criterion);
}

std::unique_ptr<Learner> DecisionTreeRegressor::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<DecisionTreeRegressor>();
    l->readJson(p, l->kind());
    l->criterion = criterionFromName(p.value("criterion", "squared_error"), l->kind());
    return l;
}

LearnerSpec decisionTreeClassifierSpec() {
    return {
        .kind = "decision_tree_classifier",
        .displayName = "Decision tree classifier",
        .description = "A single CART tree of yes/no questions.",
        .make = DecisionTreeClassifier::fromParams,
        .loadModel = TreeClassifierModel::fromJson,
        .hyperparameters = cartHyperparameters({"gini", "entropy"}),
        .sklearn =
            SklearnCounterpart{"sklearn.tree", "DecisionTreeClassifier", {}, {hyper::kSeedNote}},
    };
}

LearnerSpec decisionTreeRegressorSpec() {
    return {
        .kind = "decision_tree_regressor",
        .displayName = "Decision tree regressor",
        .description = "A single CART tree predicting leaf means.",
        .make = DecisionTreeRegressor::fromParams,
        .loadModel = TreeRegressorModel::fromJson,
        .hyperparameters = cartHyperparameters({"squared_error"}),
        .sklearn =
            SklearnCounterpart{"sklearn.tree", "DecisionTreeRegressor", {}, {hyper::kSeedNote}},
    };
}

}  // namespace sluice::ml
