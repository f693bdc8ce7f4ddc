#include "ml/selection/splits.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>

#include "ml/core/ml_errors.h"
#include "ml/core/random.h"

namespace sluice::ml {
namespace {

void requireFolds(Eigen::Index n, int folds) {
    if (folds < 2)
        throw MisuseError("cross-validation needs at least 2 folds");
    if (n < folds)
        throw MisuseError("cross-validation: " + std::to_string(folds) + " folds need at least " +
                          std::to_string(folds) + " rows, the table has " + std::to_string(n));
}

std::vector<Split> splitsFromFoldIds(const std::vector<int>& fold, int folds) {
    std::vector<Split> out(static_cast<std::size_t>(folds));
    for (std::size_t i = 0; i < fold.size(); ++i)
        for (int f = 0; f < folds; ++f)
            (fold[i] == f ? out[static_cast<std::size_t>(f)].test
                          : out[static_cast<std::size_t>(f)].train)
                .push_back(static_cast<Eigen::Index>(i));
    return out;
}

}  // namespace

std::vector<Split> kFold(Eigen::Index n, int folds, bool shuffle, std::uint64_t seed) {
    requireFolds(n, folds);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    if (shuffle)
        Rng(seed).shuffle(order);
    std::vector<int> fold(static_cast<std::size_t>(n));
    // The first n % folds folds take one extra row, as scikit-learn's KFold.
    std::size_t at = 0;
    for (int f = 0; f < folds; ++f) {
        const Eigen::Index size = n / folds + (f < n % folds ? 1 : 0);
        for (Eigen::Index k = 0; k < size; ++k)
            fold[static_cast<std::size_t>(order[at++])] = f;
    }
    return splitsFromFoldIds(fold, folds);
}

std::vector<Split> stratifiedKFold(const Eigen::VectorXd& y, int folds, bool shuffle,
                                   std::uint64_t seed) {
    const Eigen::Index n = y.size();
    requireFolds(n, folds);
    // Classes numbered by first appearance, as scikit-learn encodes them.
    std::map<double, int> code;
    std::vector<int> encoded(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        auto [it, added] = code.try_emplace(y(i), static_cast<int>(code.size()));
        encoded[static_cast<std::size_t>(i)] = it->second;
    }
    const int classes = static_cast<int>(code.size());
    std::vector<Eigen::Index> count(static_cast<std::size_t>(classes), 0);
    for (int c : encoded)
        ++count[static_cast<std::size_t>(c)];
    // A class with fewer rows than folds is allowed (scikit-learn warns and
    // carries on): some folds then lack it.
    // allocation[f][k]: how many of class k go to fold f. The labels sorted
    // are dealt round-robin to the folds.
    std::vector<std::vector<Eigen::Index>> allocation(
        static_cast<std::size_t>(folds),
        std::vector<Eigen::Index>(static_cast<std::size_t>(classes), 0));
    Eigen::Index position = 0;
    for (int k = 0; k < classes; ++k)
        for (Eigen::Index j = 0; j < count[static_cast<std::size_t>(k)]; ++j, ++position)
            ++allocation[static_cast<std::size_t>(position % folds)][static_cast<std::size_t>(k)];

    std::vector<int> fold(static_cast<std::size_t>(n));
    Rng rng(seed);
    for (int k = 0; k < classes; ++k) {
        std::vector<int> foldsForClass;
        for (int f = 0; f < folds; ++f)
            foldsForClass.insert(
                foldsForClass.end(),
                static_cast<std::size_t>(
                    allocation[static_cast<std::size_t>(f)][static_cast<std::size_t>(k)]),
                f);
        if (shuffle)
            rng.shuffle(foldsForClass);
        std::size_t next = 0;
        for (Eigen::Index i = 0; i < n; ++i)
            if (encoded[static_cast<std::size_t>(i)] == k)
                fold[static_cast<std::size_t>(i)] = foldsForClass[next++];
    }
    return splitsFromFoldIds(fold, folds);
}

Split trainTestSplit(Eigen::Index n, double testFraction, std::uint64_t seed,
                     const Eigen::VectorXd* stratify) {
    if (!(testFraction > 0.0 && testFraction < 1.0))
        throw MisuseError("train/test split: the test fraction must be between 0 and 1");
    const auto testSize =
        static_cast<Eigen::Index>(std::ceil(testFraction * static_cast<double>(n)));
    if (testSize < 1 || testSize >= n)
        throw MisuseError("train/test split: " + std::to_string(n) +
                          " rows are too few to split with test fraction " +
                          std::to_string(testFraction));
    Rng rng(seed);
    std::vector<bool> inTest(static_cast<std::size_t>(n), false);
    if (!stratify) {
        std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        rng.shuffle(order);
        for (Eigen::Index k = 0; k < testSize; ++k)
            inTest[static_cast<std::size_t>(order[k])] = true;
    } else {
        if (stratify->size() != n)
            throw MisuseError("train/test split: one label per row is needed");
        std::map<double, std::vector<Eigen::Index>> byClass;
        for (Eigen::Index i = 0; i < n; ++i)
            byClass[(*stratify)(i)].push_back(i);
        // Each class gets floor(share); leftover test places go to the
        // largest remainders (ties: the larger class, then the lower label).
        struct Share {
            std::vector<Eigen::Index>* rows;
            Eigen::Index take;
            double remainder;
        };
        std::vector<Share> shares;
        Eigen::Index assigned = 0;
        for (auto& [label, rows] : byClass) {
            const double exact = static_cast<double>(testSize) * static_cast<double>(rows.size()) /
                                 static_cast<double>(n);
            const auto take = static_cast<Eigen::Index>(std::floor(exact));
            shares.push_back({&rows, take, exact - static_cast<double>(take)});
            assigned += take;
        }
        std::vector<std::size_t> order(shares.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (shares[a].remainder != shares[b].remainder)
                return shares[a].remainder > shares[b].remainder;
            return shares[a].rows->size() > shares[b].rows->size();
        });
        for (std::size_t k = 0; assigned < testSize; k = (k + 1) % order.size()) {
            Share& s = shares[order[k]];
            if (s.take < static_cast<Eigen::Index>(s.rows->size())) {
                ++s.take;
                ++assigned;
            }
        }
        for (Share& s : shares) {
            rng.shuffle(*s.rows);
            for (Eigen::Index k = 0; k < s.take; ++k)
                inTest[static_cast<std::size_t>((*s.rows)[static_cast<std::size_t>(k)])] = true;
        }
    }
    Split split;
    for (Eigen::Index i = 0; i < n; ++i)
        (inTest[static_cast<std::size_t>(i)] ? split.test : split.train).push_back(i);
    return split;
}

Eigen::MatrixXd takeRows(const Eigen::MatrixXd& X, const std::vector<Eigen::Index>& rows) {
    Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), X.cols());
    for (std::size_t k = 0; k < rows.size(); ++k)
        out.row(static_cast<Eigen::Index>(k)) = X.row(rows[k]);
    return out;
}

Eigen::VectorXd takeRows(const Eigen::VectorXd& y, const std::vector<Eigen::Index>& rows) {
    Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k)
        out(static_cast<Eigen::Index>(k)) = y(rows[k]);
    return out;
}

}  // namespace sluice::ml
