// The penalised log-loss that logistic regression minimises, with its
// gradient, in scikit-learn's scaling (so tol means the same on both sides):
//
//   f(W, b) = sum_i s_i * loss_i + 1/(2C) ||W||^2      (b not penalised)
//
// - binary (2 classes): one output z = x.w + b, loss = log(1 + e^z) - y z
//   with y = 1 for the second class;
// - multinomial (m > 2 classes): m outputs z_k, softmax probabilities,
//   loss = log sum_k e^{z_k} - z_label.
// s_i are sample weights (class weights). Parameters are one vector holding
// the (p [+ 1 intercept]) x outputs matrix column by column.
//
// Rows are processed in fixed chunks on up to `threads` threads and the
// chunk sums added in chunk order, so the value does not depend on the
// thread count. The caller keeps X alive while the loss is used.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace sluice::ml {

class LogisticLoss {
public:
    // labels: 0..classes-1 per row; classes >= 2.
    LogisticLoss(const Eigen::MatrixXd& X, std::vector<int> labels, Eigen::VectorXd weights,
                 int classes, bool fitIntercept, double C, unsigned threads);

    int outputs() const { return outputs_; }  // 1 (binary) or the class count
    Eigen::Index parameterCount() const { return rowsPerOutput() * outputs_; }

    // f(theta); writes its gradient into `gradient` (resized).
    double evaluate(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const;

    // outputs x p and outputs, unpacked from theta.
    Eigen::MatrixXd coefficients(const Eigen::VectorXd& theta) const;
    Eigen::VectorXd intercepts(const Eigen::VectorXd& theta) const;

private:
    Eigen::Index rowsPerOutput() const { return X_.cols() + (fitIntercept_ ? 1 : 0); }
    double chunk(Eigen::Index start, Eigen::Index rows, const Eigen::MatrixXd& W,
                 const Eigen::RowVectorXd& b, Eigen::MatrixXd& gradW,
                 Eigen::RowVectorXd& gradB) const;

    const Eigen::MatrixXd& X_;
    std::vector<int> labels_;
    Eigen::ArrayXd positive_;  // binary: 1.0 where the label is 1
    Eigen::ArrayXd weights_;
    int outputs_;
    bool fitIntercept_;
    double C_;
    unsigned threads_;
};

}  // namespace sluice::ml
