#include "ml/trees/forest_learners.h"

#include <cmath>
#include <string>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "ml/trees/forest_models.h"
#include "ml/trees/forest_trainer.h"

namespace sluice::ml {
namespace {

nlohmann::json forestParams(const ForestParams& params, Criterion criterion);

template <class ForestModel>
std::unique_ptr<Model> fitForest(std::string_view who, const ForestParams& params,
                                 Criterion criterion, const Eigen::MatrixXd& X,
                                 const Eigen::VectorXd& y, int classes, const FitContext& context) {
    const std::string name(who);
    checkHyperparameters(who, forestParams(params, criterion));
    if (params.oobScore && !params.bootstrap)
        throw MisuseError(name +
                          ": oob_score needs bootstrap (rows left out of a tree's sample); "
                          "turn bootstrap on or oob_score off");
    if ((criterion == Criterion::SquaredError) != (classes == 0))
        throw MisuseError(name + ": criterion must be " +
                          (classes == 0 ? "\"squared_error\"" : "\"gini\" or \"entropy\""));
    ForestSettings settings;
    settings.trees = params.nEstimators;
    settings.bootstrap = params.bootstrap;
    settings.oobScore = params.oobScore;
    settings.seed = params.randomState;
    settings.rules = {criterion, params.maxDepth, params.minSamplesSplit, params.minSamplesLeaf,
                      params.maxFeatures.resolve(X.cols(), who)};
    context.throwIfCancelled();
    TrainedForest trained = trainForest(X, y, classes, settings, context);

    auto model = std::make_unique<ForestModel>(ForestParts{
        std::move(trained.trees), X.cols(), std::move(trained.importances), trained.oobScore});
    model->status.iterations = params.nEstimators;
    model->status.finalLoss = 1.0 - trained.oobScore;
    if (trained.rowsNeverOutOfBag > 0)
        model->status.warnings.push_back(
            std::to_string(trained.rowsNeverOutOfBag) +
            " rows were in every tree's sample, so the out-of-bag score leaves them out; "
            "use more trees for a reliable score");
    return model;
}

nlohmann::json forestParams(const ForestParams& params, Criterion criterion) {
    nlohmann::json p = {{"n_estimators", params.nEstimators},
                        {"criterion", criterionName(criterion)},
                        {"bootstrap", params.bootstrap},
                        {"oob_score", params.oobScore}};
    params.writeJson(p);
    return p;
}

void readForestParams(ForestParams& params, const nlohmann::json& p, std::string_view who) {
    params.readJson(p, who);
    params.nEstimators = p.value("n_estimators", params.nEstimators);
    params.bootstrap = p.value("bootstrap", params.bootstrap);
    params.oobScore = p.value("oob_score", params.oobScore);
}

}  // namespace

std::unique_ptr<Model> RandomForestClassifier::fit(const Eigen::MatrixXd& X,
                                                   const Eigen::VectorXd& y,
                                                   const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classes = checkClassTargets(kind(), y);
    return fitForest<ForestClassifierModel>(kind(), *this, criterion, X, y, classes, context);
}

nlohmann::json RandomForestClassifier::params() const {
    return forestParams(*this, criterion);
}

std::unique_ptr<Learner> RandomForestClassifier::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<RandomForestClassifier>();
    readForestParams(*l, p, l->kind());
    l->criterion = criterionFromName(p.value("criterion", "gini"), l->kind());
    return l;
}

std::unique_ptr<Model> RandomForestRegressor::fit(const Eigen::MatrixXd& X,
                                                  const Eigen::VectorXd& y,
                                                  const FitContext& context) const {
    checkFitInput(kind(), X, y);
    return fitForest<ForestRegressorModel>(kind(), *this, criterion, X, y, 0, context);
}

nlohmann::json RandomForestRegressor::params() const {
    return forestParams(*this, criterion);
}

std::unique_ptr<Learner> RandomForestRegressor::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<RandomForestRegressor>();
    readForestParams(*l, p, l->kind());
    l->criterion = criterionFromName(p.value("criterion", "squared_error"), l->kind());
    return l;
}

namespace {

std::vector<Hyperparameter> forestHyperparameters(std::vector<std::string> criteria) {
    Hyperparameter oob = {"oob_score", "Out-of-bag score",
                          "Score each tree on the rows its resample left out."};
    oob.sklearnOnlyIf = "bootstrap";  // scikit-learn refuses oob_score without bootstrap
    std::vector<Hyperparameter> h = {
        withNodeMax({"n_estimators", "Trees", "How many trees the forest grows.", 1.0}, 100000.0),
        {"bootstrap", "Bootstrap", "Train each tree on a resample of the rows (with replacement)."},
        oob};
    for (auto& tree : cartHyperparameters(std::move(criteria)))
        h.push_back(std::move(tree));
    return h;
}

}  // namespace

LearnerSpec randomForestClassifierSpec() {
    return {
        .kind = "random_forest_classifier",
        .displayName = "Random forest classifier",
        .description = "Many randomised trees voting; out-of-bag error per tree.",
        .make = RandomForestClassifier::fromParams,
        .loadModel = ForestClassifierModel::fromJson,
        .hyperparameters = forestHyperparameters({"gini", "entropy"}),
        .sklearn =
            SklearnCounterpart{
                "sklearn.ensemble", "RandomForestClassifier", {}, {hyper::kSeedNote}},
        .quickParams = {{"n_estimators", 12}},
    };
}

LearnerSpec randomForestRegressorSpec() {
    return {
        .kind = "random_forest_regressor",
        .displayName = "Random forest regressor",
        .description = "Many randomised trees averaged; out-of-bag error per tree.",
        .make = RandomForestRegressor::fromParams,
        .loadModel = ForestRegressorModel::fromJson,
        .hyperparameters = forestHyperparameters({"squared_error"}),
        .sklearn =
            SklearnCounterpart{"sklearn.ensemble", "RandomForestRegressor", {}, {hyper::kSeedNote}},
        .quickParams = {{"n_estimators", 12}},
    };
}

}  // namespace sluice::ml
