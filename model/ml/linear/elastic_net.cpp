#include "ml/linear/elastic_net.h"

#include <cmath>
#include <cstdio>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "ml/linear/coordinate_descent.h"
#include "ml/linear/linear_model.h"

namespace sluice::ml {
namespace {

struct Settings {
    double alpha;
    double l1Ratio;
    bool fitIntercept;
    int maxIter;
    double tol;
};

std::unique_ptr<Model> fitPenalised(std::string_view kind, const Settings& s,
                                    const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                    const FitContext& context) {
    checkFitInput(kind, X, y);
    context.throwIfCancelled();
    const Centered c = centerData(X, y, s.fitIntercept);
    const ElasticNetPenalty penalty{s.alpha * s.l1Ratio, s.alpha * (1.0 - s.l1Ratio)};
    const CoordinateDescentResult r =
        elasticNetCoordinateDescent(c.X, c.y, penalty, s.maxIter, s.tol, context);

    auto model = std::make_unique<LinearModel>(std::string(kind), r.w,
                                               s.fitIntercept ? c.yMean - c.xMean.dot(r.w) : 0.0);
    model->status.converged = r.converged;
    model->status.iterations = r.sweeps;
    model->status.finalLoss = r.objective;
    if (!r.converged) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "did not converge in %d sweeps (duality gap %.3g, needed %.3g); raise "
                      "max_iter, loosen tol, or standardize the features",
                      r.sweeps, r.gap, r.tolerance);
        model->status.warnings.emplace_back(text);
        if (s.alpha == 0.0)  // the duality gap cannot certify an unpenalised fit
            model->status.warnings.emplace_back(
                "alpha = 0 is ordinary least squares: use linear_regression instead");
    }
    context.progress(1.0);
    return model;
}

}  // namespace

std::unique_ptr<Model> ElasticNet::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                       const FitContext& context) const {
    checkHyperparameters(*this);
    return fitPenalised(kind(), {alpha, l1Ratio, fitIntercept, maxIter, tol}, X, y, context);
}

nlohmann::json ElasticNet::params() const {
    return {{"alpha", alpha},
            {"l1_ratio", l1Ratio},
            {"fit_intercept", fitIntercept},
            {"max_iter", maxIter},
            {"tol", tol}};
}

std::unique_ptr<Learner> ElasticNet::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<ElasticNet>();
    l->alpha = p.value("alpha", l->alpha);
    l->l1Ratio = p.value("l1_ratio", l->l1Ratio);
    l->fitIntercept = p.value("fit_intercept", l->fitIntercept);
    l->maxIter = p.value("max_iter", l->maxIter);
    l->tol = p.value("tol", l->tol);
    return l;
}

std::unique_ptr<Model> Lasso::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                  const FitContext& context) const {
    checkHyperparameters(*this);
    return fitPenalised(kind(), {alpha, 1.0, fitIntercept, maxIter, tol}, X, y, context);
}

nlohmann::json Lasso::params() const {
    return {{"alpha", alpha}, {"fit_intercept", fitIntercept}, {"max_iter", maxIter}, {"tol", tol}};
}

std::unique_ptr<Learner> Lasso::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<Lasso>();
    l->alpha = p.value("alpha", l->alpha);
    l->fitIntercept = p.value("fit_intercept", l->fitIntercept);
    l->maxIter = p.value("max_iter", l->maxIter);
    l->tol = p.value("tol", l->tol);
    return l;
}

LearnerSpec elasticNetSpec() {
    return {
        .kind = "elastic_net",
        .displayName = "Elastic net",
        .description = "Linear regression with mixed L1 and L2 penalties.",
        .make = ElasticNet::fromParams,
        .loadModel = LinearModel::fromJson,
        .hyperparameters = {hyper::alpha(),
                            {"l1_ratio", "L1 ratio",
                             "Mix of L1 (1.0, lasso) and L2 (0.0, ridge) penalties.", 0.0, 1.0},
                            fitInterceptHyperparameter(),
                            hyper::maxIter(),
                            hyper::tol()},
        .sklearn = SklearnCounterpart{"sklearn.linear_model", "ElasticNet"},
    };
}

LearnerSpec lassoSpec() {
    return {
        .kind = "lasso",
        .displayName = "Lasso regression",
        .description = "Linear regression with an L1 penalty: sparse weights.",
        .make = Lasso::fromParams,
        .loadModel = LinearModel::fromJson,
        .hyperparameters = {hyper::alpha(), fitInterceptHyperparameter(), hyper::maxIter(),
                            hyper::tol()},
        .sklearn = SklearnCounterpart{"sklearn.linear_model", "Lasso"},
    };
}

}  // namespace sluice::ml
