// Classification metrics, with scikit-learn's definitions.
//
// Labels are class indices 0..K-1 stored as doubles (as learners take
// them). `classes` is K; 0 means "one more than the largest label seen".
// A class with no predicted (or no true) samples gets precision (or
// recall) 0, as scikit-learn's zero_division default does after warning.
#pragma once

#include <Eigen/Core>

namespace sluice::ml {

enum class Average { Macro, Micro, Weighted };

// rows: true class, columns: predicted class.
Eigen::MatrixXi confusionMatrix(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred,
                                int classes = 0);

double accuracy(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred);
// Mean of per-class recall.
double balancedAccuracy(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred,
                        int classes = 0);

struct PerClassScores {
    Eigen::VectorXd precision, recall, f1;
    Eigen::VectorXi support;  // true samples per class
};
PerClassScores perClassScores(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred,
                              int classes = 0);

double precision(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, Average average,
                 int classes = 0);
double recall(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, Average average,
              int classes = 0);
double f1Score(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& yPred, Average average,
               int classes = 0);

// Binary ROC: positives are yTrue == 1, higher score = more positive. Points
// start at (0, 0) with threshold +inf and move through every distinct score
// (ties form one step); auc is the trapezoidal area.
struct RocCurve {
    Eigen::VectorXd fpr, tpr, thresholds;
    double auc = 0.0;
};
RocCurve rocCurve(const Eigen::VectorXd& yTrue, const Eigen::VectorXd& score);

// Binary: AUC of column 1. Multiclass: mean of one-vs-rest AUCs ("ovr",
// macro), as roc_auc_score(multi_class="ovr").
double rocAuc(const Eigen::VectorXd& yTrue, const Eigen::MatrixXd& proba);

// Mean negative log-likelihood; probabilities clipped to [eps, 1 - eps].
double logLoss(const Eigen::VectorXd& yTrue, const Eigen::MatrixXd& proba, double eps = 1e-15);

// Precision-recall curve of a binary problem (for plots): recall rising.
struct PrecisionRecallCurve {
    Eigen::VectorXd precision, recall, thresholds;
};
PrecisionRecallCurve precisionRecallCurve(const Eigen::VectorXd& yTrue,
                                          const Eigen::VectorXd& score);

}  // namespace sluice::ml
