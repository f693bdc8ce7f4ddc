#include "ml/linear/least_squares.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "ml/linear/linear_model.h"

namespace sluice::ml {

std::unique_ptr<Model> LinearRegression::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                             const FitContext& context) const {
    checkFitInput(kind(), X, y);
    context.throwIfCancelled();
    const Centered c = centerData(X, y, fitIntercept);
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(c.X);
    const Eigen::VectorXd w = cod.solve(c.y);
    const double b = fitIntercept ? c.yMean - c.xMean.dot(w) : 0.0;
    auto model = std::make_unique<LinearModel>(std::string(kind()), w, b);
    const auto rank = cod.rank();
    model->status.iterations = 1;
    model->status.finalLoss = (c.X * w - c.y).squaredNorm() / static_cast<double>(X.rows());
    if (rank < X.cols())
        model->status.warnings.push_back("the features are linearly dependent (rank " +
                                         std::to_string(rank) + " of " + std::to_string(X.cols()) +
                                         "); the minimum-norm solution was used");
    context.progress(1.0);
    return model;
}

nlohmann::json LinearRegression::params() const {
    return {{"fit_intercept", fitIntercept}};
}

std::unique_ptr<Learner> LinearRegression::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<LinearRegression>();
    l->fitIntercept = p.value("fit_intercept", l->fitIntercept);
    return l;
}

std::unique_ptr<Model> RidgeRegression::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                            const FitContext& context) const {
    checkFitInput(kind(), X, y);
    checkHyperparameters(*this);
    context.throwIfCancelled();
    const Centered c = centerData(X, y, fitIntercept);
    Eigen::VectorXd w;
    if (X.cols() <= X.rows()) {
        Eigen::MatrixXd gram = c.X.transpose() * c.X;
        gram.diagonal().array() += alpha;
        w = gram.ldlt().solve(c.X.transpose() * c.y);
    } else {
        Eigen::MatrixXd gram = c.X * c.X.transpose();
        gram.diagonal().array() += alpha;
        w = c.X.transpose() * gram.ldlt().solve(c.y);
    }
    auto model = std::make_unique<LinearModel>(std::string(kind()), w,
                                               fitIntercept ? c.yMean - c.xMean.dot(w) : 0.0);
    model->status.iterations = 1;
    model->status.finalLoss = (c.X * w - c.y).squaredNorm() / static_cast<double>(X.rows());
    if (!w.allFinite()) {
        model->status.converged = false;
        model->status.warnings.push_back(
            "the system is singular (alpha = 0 with dependent features); use alpha > 0");
    }
    context.progress(1.0);
    return model;
}

nlohmann::json RidgeRegression::params() const {
    return {{"alpha", alpha}, {"fit_intercept", fitIntercept}};
}

std::unique_ptr<Learner> RidgeRegression::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<RidgeRegression>();
    l->alpha = p.value("alpha", l->alpha);
    l->fitIntercept = p.value("fit_intercept", l->fitIntercept);
    return l;
}

LearnerSpec linearRegressionSpec() {
    return {
        .kind = "linear_regression",
        .displayName = "Linear regression",
        .description = "Least-squares linear fit of a numeric target.",
        .make = LinearRegression::fromParams,
        .loadModel = LinearModel::fromJson,
        .hyperparameters = {fitInterceptHyperparameter()},
        .sklearn = SklearnCounterpart{"sklearn.linear_model", "LinearRegression"},
        .cancelsMidFit = false,  // one closed-form step
    };
}

LearnerSpec ridgeSpec() {
    return {
        .kind = "ridge",
        .displayName = "Ridge regression",
        .description = "Linear regression with an L2 penalty on the weights.",
        .make = RidgeRegression::fromParams,
        .loadModel = LinearModel::fromJson,
        .hyperparameters = {hyper::alpha(), fitInterceptHyperparameter()},
        .sklearn = SklearnCounterpart{"sklearn.linear_model", "Ridge"},
        .cancelsMidFit = false,  // one closed-form step
    };
}

}  // namespace sluice::ml
