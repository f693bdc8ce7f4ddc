#include "ml/metrics/classification_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

void requireSameLength(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    if (a.size() != b.size())
        throw MisuseError("metrics: " + std::to_string(a.size()) + " true labels but " +
                          std::to_string(b.size()) + " predictions");
    if (a.size() == 0)
        throw MisuseError("metrics: no samples to score");
}

int classCountOf(const Eigen::VectorXd& a, const Eigen::VectorXd& b, int classes) {
    if (classes > 0)
        return classes;
    return static_cast<int>(std::max(a.maxCoeff(), b.maxCoeff())) + 1;
}

double safeDivide(double a, double b) {
    return b > 0 ? a / b : 0.0;
}

double averaged(const Eigen::VectorXd& perClass, const Eigen::VectorXi& support, Average average,
                double micro) {
    switch (average) {
        case Average::Micro:
            return micro;
        case Average::Macro:
            return perClass.mean();
        case Average::Weighted:
            return safeDivide((perClass.array() * support.cast<double>().array()).sum(),
                              support.sum());
    }
    return perClass.mean();
}

// Distinct-threshold steps of a binary ranking: cumulative true and false
// positives after each group of equal scores, highest score first.
struct Ranking {
    std::vector<double> tps, fps, thresholds;
    double positives = 0, negatives = 0;
};

Ranking rank(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& score) {
    requireSameLength(yTrue, score);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(score.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return score(a) > score(b); });
    Ranking r;
    double tp = 0, fp = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const Eigen::Index i = order[k];
        (yTrue(i) == 1.0 ? tp : fp) += 1.0;
        if (k + 1 == order.size() || score(order[k + 1]) != score(i)) {
            r.tps.push_back(tp);
            r.fps.push_back(fp);
            r.thresholds.push_back(score(i));
        }
    }
    r.positives = tp;
    r.negatives = fp;
    return r;
}

}  // namespace

Eigen::MatrixXi confusionMatrix(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred,
                                int classes) {
    requireSameLength(yTrue, yPred);
    const int k = classCountOf(yTrue, yPred, classes);
    Eigen::MatrixXi m = Eigen::MatrixXi::Zero(k, k);
    for (Eigen::Index i = 0; i < yTrue.size(); ++i) {
        const auto t = static_cast<int>(yTrue(i));
        const auto p = static_cast<int>(yPred(i));
        if (t < 0 || t >= k || p < 0 || p >= k)
            throw MisuseError("metrics: label out of range at row " + std::to_string(i + 1));
        ++m(t, p);
    }
    return m;
}

double accuracy(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred) {
    requireSameLength(yTrue, yPred);
    return (yTrue.array() == yPred.array()).cast<double>().mean();
}

PerClassScores perClassScores(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred,
                              int classes) {
    const Eigen::MatrixXi cm = confusionMatrix(yTrue, yPred, classes);
    const auto k = cm.rows();
    PerClassScores s;
    s.precision.resize(k);
    s.recall.resize(k);
    s.f1.resize(k);
    s.support = cm.rowwise().sum();
    const Eigen::VectorXi predicted = cm.colwise().sum().transpose();
    for (Eigen::Index c = 0; c < k; ++c) {
        const double tp = cm(c, c);
        s.precision(c) = safeDivide(tp, predicted(c));
        s.recall(c) = safeDivide(tp, s.support(c));
        s.f1(c) = safeDivide(2 * s.precision(c) * s.recall(c), s.precision(c) + s.recall(c));
    }
    return s;
}

double balancedAccuracy(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, int classes) {
    const PerClassScores s = perClassScores(yTrue, yPred, classes);
    double sum = 0;
    int present = 0;
    for (Eigen::Index c = 0; c < s.recall.size(); ++c) {
        if (s.support(c) == 0)
            continue;  // classes absent from y_true do not count
        sum += s.recall(c);
        ++present;
    }
    return safeDivide(sum, present);
}

double precision(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, Average average,
                 int classes) {
    const PerClassScores s = perClassScores(yTrue, yPred, classes);
    return averaged(s.precision, s.support, average, accuracy(yTrue, yPred));
}

double recall(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, Average average,
              int classes) {
    const PerClassScores s = perClassScores(yTrue, yPred, classes);
    return averaged(s.recall, s.support, average, accuracy(yTrue, yPred));
}

double f1Score(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, Average average,
               int classes) {
    // Micro-averaged precision, recall and F1 all equal accuracy for
    // single-label multiclass data.
    const PerClassScores s = perClassScores(yTrue, yPred, classes);
    return averaged(s.f1, s.support, average, accuracy(yTrue, yPred));
}

RocCurve rocCurve(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& score) {
    const Ranking r = rank(yTrue, score);
    if (r.positives == 0 || r.negatives == 0)
        throw MisuseError("ROC curve: needs both positive and negative samples");
    const auto n = static_cast<Eigen::Index>(r.tps.size()) + 1;
    RocCurve c;
    c.fpr.resize(n);
    c.tpr.resize(n);
    c.thresholds.resize(n);
    c.fpr(0) = c.tpr(0) = 0.0;
    c.thresholds(0) = std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 1; i < n; ++i) {
        c.fpr(i) = r.fps[static_cast<std::size_t>(i - 1)] / r.negatives;
        c.tpr(i) = r.tps[static_cast<std::size_t>(i - 1)] / r.positives;
        c.thresholds(i) = r.thresholds[static_cast<std::size_t>(i - 1)];
        c.auc += (c.fpr(i) - c.fpr(i - 1)) * (c.tpr(i) + c.tpr(i - 1)) / 2.0;
    }
    return c;
}

double rocAuc(const Eigen::VectorXd& yTrue, const Eigen::MatrixXd& proba) {
    if (proba.rows() != yTrue.size())
        throw MisuseError("ROC AUC: probabilities and labels have different lengths");
    if (proba.cols() == 2)
        return rocCurve(yTrue, proba.col(1)).auc;
    double sum = 0;
    for (Eigen::Index c = 0; c < proba.cols(); ++c) {
        const Eigen::VectorXd isClass = (yTrue.array() == static_cast<double>(c)).cast<double>();
        sum += rocCurve(isClass, proba.col(c)).auc;
    }
    return sum / static_cast<double>(proba.cols());
}

double logLoss(const Eigen::VectorXd& yTrue, const Eigen::MatrixXd& proba, double eps) {
    if (proba.rows() != yTrue.size())
        throw MisuseError("log loss: probabilities and labels have different lengths");
    double sum = 0;
    for (Eigen::Index i = 0; i < yTrue.size(); ++i) {
        const auto c = static_cast<Eigen::Index>(yTrue(i));
        if (c < 0 || c >= proba.cols())
            throw MisuseError("log loss: label out of range at row " + std::to_string(i + 1));
        // Rows are renormalised after clipping, as scikit-learn does.
        const Eigen::ArrayXd row = proba.row(i).array().max(eps).min(1 - eps);
        sum -= std::log(row(c) / row.sum());
    }
    return sum / static_cast<double>(yTrue.size());
}

PrecisionRecallCurve precisionRecallCurve(const Eigen::VectorXd& yTrue,
                                          const Eigen::VectorXd& score) {
    const Ranking r = rank(yTrue, score);
    if (r.positives == 0)
        throw MisuseError("precision-recall curve: no positive samples");
    const auto n = static_cast<Eigen::Index>(r.tps.size());
    PrecisionRecallCurve c;
    c.precision.resize(n);
    c.recall.resize(n);
    c.thresholds.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        c.precision(i) = r.tps[k] / (r.tps[k] + r.fps[k]);
        c.recall(i) = r.tps[k] / r.positives;
        c.thresholds(i) = r.thresholds[k];
    }
    return c;
}

}  // namespace sluice::ml
