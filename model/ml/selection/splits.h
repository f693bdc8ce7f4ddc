// Train/test splits and k-fold cross-validation splits.
//
// Without shuffling, kFold and stratifiedKFold assign exactly the folds
// scikit-learn's KFold and StratifiedKFold (shuffle=False) assign, so scores
// can be compared fold for fold. With shuffling they use Rng: seeded,
// identical on every platform (but not scikit-learn's random folds).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sluice::ml {

struct Split {
    std::vector<Eigen::Index> train;  // increasing
    std::vector<Eigen::Index> test;   // increasing
};

std::vector<Split> kFold(Eigen::Index n, int folds, bool shuffle = false, std::uint64_t seed = 0);
// y: class indices. Every class is spread over the folds in proportion.
std::vector<Split> stratifiedKFold(const Eigen::VectorXd& y, int folds, bool shuffle = false,
                                   std::uint64_t seed = 0);
// testFraction in (0, 1); the test set has ceil(testFraction * n) rows. With
// stratify, each class is split in proportion (largest remainders).
Split trainTestSplit(Eigen::Index n, double testFraction, std::uint64_t seed,
                     const Eigen::VectorXd* stratify = nullptr);

Eigen::MatrixXd takeRows(const Eigen::MatrixXd& X, const std::vector<Eigen::Index>& rows);
Eigen::VectorXd takeRows(const Eigen::VectorXd& y, const std::vector<Eigen::Index>& rows);

}  // namespace sluice::ml
