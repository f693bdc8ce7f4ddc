#include "ml/selection/cross_validation.h"

#include <cmath>

#include "ml/core/ml_errors.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"

namespace sluice::ml {

Eigen::MatrixXd standardizeWith(const Eigen::MatrixXd& fit, const Eigen::MatrixXd& apply) {
    const Eigen::RowVectorXd mean = fit.colwise().mean();
    Eigen::RowVectorXd sd =
        ((fit.rowwise() - mean).array().square().colwise().sum() / static_cast<double>(fit.rows()))
            .sqrt();
    for (Eigen::Index j = 0; j < sd.size(); ++j)
        if (!(sd(j) > 0))
            sd(j) = 1.0;
    return (apply.rowwise() - mean).array().rowwise() / sd.array();
}

CrossValidationResult crossValidate(const Learner& learner, const Eigen::MatrixXd& X,
                                    const Eigen::VectorXd& y, const std::vector<Split>& splits,
                                    bool standardize, const FitContext& context) {
    const Task task = learner.task();
    if (task != Task::Classification && task != Task::Regression)
        throw MisuseError("cross-validation scores classifiers and regressors, not " +
                          std::string(taskName(task)));
    CrossValidationResult r;
    for (std::size_t f = 0; f < splits.size(); ++f) {
        context.throwIfCancelled();
        const Split& s = splits[f];
        Eigen::MatrixXd train = takeRows(X, s.train);
        Eigen::MatrixXd test = takeRows(X, s.test);
        if (standardize) {
            test = standardizeWith(train, test);
            train = standardizeWith(train, train);
        }
        FitContext foldContext = context;
        foldContext.onProgress = nullptr;  // per-fold progress would jump back and forth
        const auto model = learner.fit(train, takeRows(y, s.train), foldContext);
        const Eigen::VectorXd truth = takeRows(y, s.test);
        const Eigen::VectorXd predicted = model->predict(test);
        r.foldScores.push_back(task == Task::Classification ? accuracy(truth, predicted)
                                                            : r2Score(truth, predicted));
        context.progress(static_cast<double>(f + 1) / static_cast<double>(splits.size()));
    }
    double sum = 0, ss = 0;
    for (double v : r.foldScores)
        sum += v;
    r.mean = sum / static_cast<double>(r.foldScores.size());
    for (double v : r.foldScores)
        ss += (v - r.mean) * (v - r.mean);
    r.std = std::sqrt(ss / static_cast<double>(r.foldScores.size()));
    return r;
}

}  // namespace sluice::ml
