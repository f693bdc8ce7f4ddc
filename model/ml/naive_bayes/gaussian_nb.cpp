#include "ml/naive_bayes/gaussian_nb.h"

#include <cmath>
#include <limits>
#include <numbers>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"

namespace sluice::ml {

std::unique_ptr<Model> GaussianNB::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                       const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classes = checkClassTargets(kind(), y);
    checkHyperparameters(*this);
    if (priors) {
        if (priors->size() != classes)
            throw MisuseError("gaussian_nb: priors has " + std::to_string(priors->size()) +
                              " values but the target has " + std::to_string(classes) +
                              " classes; give one prior per class");
        if ((priors->array() < 0.0).any() || std::abs(priors->sum() - 1.0) > 1e-8)
            throw MisuseError("gaussian_nb: priors must be zero or more and sum to 1");
    }
    context.throwIfCancelled();
    const Eigen::Index p = X.cols();
    Eigen::MatrixXd theta = Eigen::MatrixXd::Zero(classes, p);
    Eigen::MatrixXd var = Eigen::MatrixXd::Zero(classes, p);
    Eigen::VectorXd count = Eigen::VectorXd::Zero(classes);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const auto c = static_cast<Eigen::Index>(y(i));
        theta.row(c) += X.row(i);
        count(c) += 1.0;
    }
    for (Eigen::Index c = 0; c < classes; ++c)
        if (count(c) > 0)
            theta.row(c) /= count(c);
    // Two passes (sum of squared deviations from the mean), not E[x^2] -
    // E[x]^2, which cancels badly on features far from zero.
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const auto c = static_cast<Eigen::Index>(y(i));
        var.row(c) += (X.row(i) - theta.row(c)).array().square().matrix();
    }
    for (Eigen::Index c = 0; c < classes; ++c)
        if (count(c) > 0)
            var.row(c) /= count(c);
    const Eigen::RowVectorXd mean = X.colwise().mean();
    const double largest =
        ((X.rowwise() - mean).array().square().colwise().sum() / static_cast<double>(X.rows()))
            .maxCoeff();
    // All features constant: scikit-learn would divide by zero; smoothing
    // by var_smoothing itself keeps the model usable (it predicts the prior).
    const double epsilon = varSmoothing * (largest > 0.0 ? largest : 1.0);
    var.array() += epsilon;
    Eigen::VectorXd logPrior(classes);
    for (Eigen::Index c = 0; c < classes; ++c)
        logPrior(c) = std::log(priors ? (*priors)(c) : count(c) / static_cast<double>(X.rows()));
    auto model =
        std::make_unique<GaussianNBModel>(std::move(theta), std::move(var), std::move(logPrior));
    model->status.iterations = 1;
    if (!(largest > 0.0))
        model->status.warnings.push_back(
            "every feature is constant; the model predicts the class priors");
    context.progress(1.0);
    return model;
}

nlohmann::json GaussianNB::params() const {
    nlohmann::json j = {{"var_smoothing", varSmoothing}, {"priors", nullptr}};
    if (priors)
        j["priors"] = std::vector<double>(priors->data(), priors->data() + priors->size());
    return j;
}

std::unique_ptr<Learner> GaussianNB::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<GaussianNB>();
    l->varSmoothing = p.value("var_smoothing", l->varSmoothing);
    if (p.contains("priors") && !p["priors"].is_null()) {
        const auto v = p["priors"].get<std::vector<double>>();
        l->priors =
            Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
    }
    return l;
}

GaussianNBModel::GaussianNBModel(Eigen::MatrixXd theta, Eigen::MatrixXd var,
                                 Eigen::VectorXd logPrior)
    : theta_(std::move(theta)), var_(std::move(var)), logPrior_(std::move(logPrior)) {}

Eigen::MatrixXd GaussianNBModel::jointLogLikelihood(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, featureCount());
    Eigen::MatrixXd jll(X.rows(), theta_.rows());
    for (Eigen::Index c = 0; c < theta_.rows(); ++c) {
        const double constant =
            logPrior_(c) - 0.5 * (2.0 * std::numbers::pi * var_.row(c).array()).log().sum();
        const Eigen::ArrayXd inverse = var_.row(c).array().inverse().transpose();
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            jll(i, c) =
                constant -
                0.5 * ((X.row(i) - theta_.row(c)).array().square().transpose() * inverse).sum();
    }
    return jll;
}

Eigen::MatrixXd GaussianNBModel::predictProba(const Eigen::MatrixXd& X) const {
    Eigen::MatrixXd jll = jointLogLikelihood(X);
    for (Eigen::Index i = 0; i < jll.rows(); ++i) {
        const double top = jll.row(i).maxCoeff();
        const double logNorm = top + std::log((jll.row(i).array() - top).exp().sum());
        jll.row(i) = (jll.row(i).array() - logNorm).exp();
    }
    return jll;
}

nlohmann::json GaussianNBModel::toJson() const {
    // A log prior of -inf (a class absent from y) is written as null.
    return {{"kind", kind()},
            {"theta", ml::toJson(theta_)},
            {"var", ml::toJson(var_)},
            {"log_prior", ml::toJson(logPrior_)},
            {"status", status.toJson()}};
}

std::unique_ptr<Model> GaussianNBModel::fromJson(const nlohmann::json& j) {
    Eigen::VectorXd logPrior = vectorFromJson(requireField(j, "log_prior"), "log_prior");
    for (Eigen::Index c = 0; c < logPrior.size(); ++c)
        if (std::isnan(logPrior(c)))
            logPrior(c) = -std::numeric_limits<double>::infinity();
    auto m = std::make_unique<GaussianNBModel>(matrixFromJson(requireField(j, "theta"), "theta"),
                                               matrixFromJson(requireField(j, "var"), "var"),
                                               std::move(logPrior));
    if (j.contains("status"))
        m->status = FitStatus::fromJson(j["status"]);
    return m;
}

LearnerSpec gaussianNbSpec() {
    return {
        .kind = "gaussian_nb",
        .displayName = "Gaussian naive Bayes",
        .description = "Naive Bayes with normal per-class feature distributions.",
        .make = GaussianNB::fromParams,
        .loadModel = GaussianNBModel::fromJson,
        .hyperparameters = {{"var_smoothing", "Variance smoothing",
                             "Share of the largest variance added to all variances for "
                             "stability.",
                             0.0},
                            {"priors", "Class priors",
                             "Prior probability of each class in class order, e.g. [0.3, 0.7]; "
                             "null learns them from the class counts."}},
        .sklearn = SklearnCounterpart{"sklearn.naive_bayes", "GaussianNB"},
        .cancelsMidFit = false,  // one closed-form step
    };
}

}  // namespace sluice::ml
