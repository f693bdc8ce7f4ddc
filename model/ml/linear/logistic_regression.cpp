#include "ml/linear/logistic_regression.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ml/core/common_hyperparameters.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "ml/linear/lbfgs.h"
#include "ml/linear/linear_model.h"
#include "ml/linear/logistic_loss.h"
#include "ml/linear/logistic_model.h"

namespace sluice::ml {
namespace {

// The classes present in y, ascending, and each row's position among them.
struct Labels {
    std::vector<int> classes;
    std::vector<int> index;
    std::vector<Eigen::Index> counts;  // rows per present class
};

Labels presentClasses(const Eigen::VectorXd& y, int classCount) {
    std::vector<Eigen::Index> counts(static_cast<std::size_t>(classCount), 0);
    for (Eigen::Index i = 0; i < y.size(); ++i)
        ++counts[static_cast<std::size_t>(y(i))];
    Labels l;
    std::vector<int> position(static_cast<std::size_t>(classCount), -1);
    for (int c = 0; c < classCount; ++c)
        if (counts[static_cast<std::size_t>(c)] > 0) {
            position[static_cast<std::size_t>(c)] = static_cast<int>(l.classes.size());
            l.classes.push_back(c);
            l.counts.push_back(counts[static_cast<std::size_t>(c)]);
        }
    l.index.resize(static_cast<std::size_t>(y.size()));
    for (Eigen::Index i = 0; i < y.size(); ++i)
        l.index[static_cast<std::size_t>(i)] = position[static_cast<std::size_t>(y(i))];
    return l;
}

Eigen::VectorXd sampleWeights(const Labels& l, LogisticRegression::ClassWeight mode) {
    const auto n = static_cast<Eigen::Index>(l.index.size());
    if (mode == LogisticRegression::ClassWeight::None)
        return Eigen::VectorXd::Ones(n);
    // "balanced": every class carries the same total weight, n / classes.
    const double k = static_cast<double>(l.classes.size());
    Eigen::VectorXd w(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(l.index[static_cast<std::size_t>(i)]);
        w(i) = static_cast<double>(n) / (k * static_cast<double>(l.counts[c]));
    }
    return w;
}

}  // namespace

std::unique_ptr<Model> LogisticRegression::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                               const FitContext& context) const {
    checkFitInput(kind(), X, y);
    const int classCount = checkClassTargets(kind(), y);
    checkHyperparameters(*this);
    context.throwIfCancelled();

    Labels labels = presentClasses(y, classCount);
    Eigen::VectorXd weights = sampleWeights(labels, classWeight);
    const double totalWeight = weights.sum();
    const LogisticLoss loss(X, std::move(labels.index), std::move(weights),
                            static_cast<int>(labels.classes.size()), fitIntercept, C,
                            context.threadCount());

    LbfgsOptions options;
    options.maxIter = maxIter;
    options.gtol = tol;
    // At the default tol this is scipy's ftol, as in scikit-learn; a tighter
    // tol tightens it too, so asking for precision gets precision (scipy's
    // fixed ftol stops scikit-learn's lbfgs near 1e-4 relative whatever tol).
    options.ftol *= std::min(1.0, tol / 1e-4);
    const auto objective = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        context.throwIfCancelled();
        return loss.evaluate(theta, gradient);
    };
    const auto onIteration = [&](int iteration, double f) {
        context.metric("loss", iteration, f / totalWeight);
        context.progress(static_cast<double>(iteration) / maxIter);
    };
    const LbfgsResult r = minimizeLbfgs(objective, Eigen::VectorXd::Zero(loss.parameterCount()),
                                        options, onIteration);

    auto model = std::make_unique<LogisticModel>(classCount, std::move(labels.classes),
                                                 loss.coefficients(r.x), loss.intercepts(r.x));
    model->status.converged = r.converged();
    model->status.iterations = r.iterations;
    model->status.finalLoss = r.f / totalWeight;
    if (!r.converged()) {
        char text[240];
        if (r.stop == LbfgsStop::MaxIterations)
            std::snprintf(text, sizeof text,
                          "did not converge in %d iterations (largest gradient component %.3g, "
                          "tol %.3g); raise max_iter or standardize the features",
                          r.iterations, r.gradientMax, tol);
        else
            std::snprintf(text, sizeof text,
                          "stopped after %d iterations: the line search could not lower the "
                          "loss further (largest gradient component %.3g, tol %.3g); "
                          "standardize the features or loosen tol",
                          r.iterations, r.gradientMax, tol);
        model->status.warnings.emplace_back(text);
    }
    context.progress(1.0);
    return model;
}

nlohmann::json LogisticRegression::params() const {
    return {{"C", C},
            {"fit_intercept", fitIntercept},
            {"max_iter", maxIter},
            {"tol", tol},
            {"class_weight", classWeight == ClassWeight::Balanced ? "balanced" : "none"}};
}

std::unique_ptr<Learner> LogisticRegression::fromParams(const nlohmann::json& p) {
    auto l = std::make_unique<LogisticRegression>();
    l->C = p.value("C", l->C);
    l->fitIntercept = p.value("fit_intercept", l->fitIntercept);
    l->maxIter = p.value("max_iter", l->maxIter);
    l->tol = p.value("tol", l->tol);
    const std::string weight = p.value("class_weight", std::string("none"));
    if (weight == "balanced")
        l->classWeight = ClassWeight::Balanced;
    else if (weight != "none")
        throw MisuseError(
            "logistic_regression: class_weight must be \"none\" or \"balanced\", not \"" + weight +
            "\"");
    return l;
}

LearnerSpec logisticRegressionSpec() {
    Hyperparameter c = {"C", "Inverse regularisation (C)",
                        "Smaller values penalise weights more (C = 1/alpha).", 0.0};
    c.exclusiveMin = true;
    return {
        .kind = "logistic_regression",
        .displayName = "Logistic regression",
        .description = "Linear classifier with class probabilities (L2 penalty).",
        .make = LogisticRegression::fromParams,
        .loadModel = LogisticModel::fromJson,
        .hyperparameters = {c,
                            fitInterceptHyperparameter(),
                            hyper::maxIter(),
                            hyper::tol(),
                            {"class_weight",
                             "Class weights",
                             "'balanced' weighs classes inversely to their frequency.",
                             std::nullopt,
                             std::nullopt,
                             {"none", "balanced"},
                             {},
                             SklearnValue::NoneWord}},
        .sklearn = SklearnCounterpart{"sklearn.linear_model",
                                      "LogisticRegression",
                                      {},
                                      {"Both minimise the same L2-penalised multinomial log loss "
                                       "with L-BFGS; the optimisers stop at slightly different "
                                       "points."}},
    };
}

}  // namespace sluice::ml
