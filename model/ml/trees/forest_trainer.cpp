#include "ml/trees/forest_trainer.h"

#include <mutex>

#include "ml/core/random.h"
#include "ml/metrics/classification_metrics.h"
#include "ml/metrics/regression_metrics.h"
#include "ml/trees/cart_presort.h"
#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// What one tree leaves for the in-order merge besides itself: the leaf
// every out-of-bag row falls into.
struct TreeResult {
    GrownTree grown;
    std::vector<std::uint32_t> oobRows;
    std::vector<std::int32_t> oobLeaves;
};

// Out-of-bag votes summed over the trees merged so far.
class OobTally {
public:
    OobTally(const Eigen::VectorXd& y, int classes)
        : y_(y),
          outputs_(classes > 0 ? classes : 1),
          classification_(classes > 0),
          sum_(static_cast<std::size_t>(y.size()) * static_cast<std::size_t>(outputs_), 0.0),
          votes_(static_cast<std::size_t>(y.size()), 0) {}

    void add(const TreeResult& r) {
        for (std::size_t i = 0; i < r.oobRows.size(); ++i) {
            const std::size_t row = r.oobRows[i];
            const double* v = r.grown.tree.leafValue(r.oobLeaves[i]);
            double* s = &sum_[row * static_cast<std::size_t>(outputs_)];
            for (int k = 0; k < outputs_; ++k)
                s[k] += v[k];
            ++votes_[row];
        }
    }

    // Accuracy or R^2 over the rows with at least one vote; NaN if none.
    double score() const {
        std::vector<Eigen::Index> rows;
        for (std::size_t i = 0; i < votes_.size(); ++i)
            if (votes_[i] > 0)
                rows.push_back(static_cast<Eigen::Index>(i));
        if (rows.empty())
            return std::numeric_limits<double>::quiet_NaN();
        Eigen::VectorXd truth(static_cast<Eigen::Index>(rows.size()));
        Eigen::VectorXd pred(truth.size());
        for (std::size_t j = 0; j < rows.size(); ++j) {
            const auto row = static_cast<std::size_t>(rows[j]);
            const double* s = &sum_[row * static_cast<std::size_t>(outputs_)];
            truth(static_cast<Eigen::Index>(j)) = y_(rows[j]);
            if (classification_) {
                int best = 0;
                for (int k = 1; k < outputs_; ++k)
                    if (s[k] > s[best])
                        best = k;
                pred(static_cast<Eigen::Index>(j)) = best;
            } else {
                pred(static_cast<Eigen::Index>(j)) = s[0] / votes_[row];
            }
        }
        return classification_ ? accuracy(truth, pred) : r2Score(truth, pred);
    }

    std::size_t rowsWithoutVotes() const {
        std::size_t none = 0;
        for (auto v : votes_)
            none += v == 0 ? 1 : 0;
        return none;
    }

private:
    const Eigen::VectorXd& y_;
    int outputs_;
    bool classification_;
    std::vector<double> sum_;  // rows x outputs
    std::vector<std::uint32_t> votes_;
};

}  // namespace

TrainedForest trainForest(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, int classes,
                          const ForestSettings& settings, const FitContext& context) {
    const auto treeCount = static_cast<std::size_t>(settings.trees);
    const auto n = static_cast<std::size_t>(X.rows());
    const bool oob = settings.bootstrap && settings.oobScore;
    const auto sorts = presortFeatures(X, context.threadCount());

    std::vector<TreeResult> results(treeCount);
    std::vector<char> finished(treeCount, 0);
    std::size_t merged = 0;
    std::mutex mergeMutex;
    OobTally tally(y, classes);

    parallelFor(treeCount, context.threadCount(), [&](std::size_t t) {
        context.throwIfCancelled();
        Rng rng = Rng::derive(settings.seed, t);
        std::vector<std::uint32_t> weights;
        if (settings.bootstrap) {
            weights.assign(n, 0);
            for (std::size_t i = 0; i < n; ++i)
                ++weights[rng.below(n)];
        }
        TreeResult r;
        r.grown = growTree(sorts, y, classes, weights, settings.rules, rng, context, false);
        if (oob)
            for (std::size_t row = 0; row < n; ++row)
                if (weights[row] == 0) {
                    r.oobRows.push_back(static_cast<std::uint32_t>(row));
                    r.oobLeaves.push_back(r.grown.tree.leafOf(X, static_cast<Eigen::Index>(row)));
                }

        std::lock_guard lock(mergeMutex);
        results[t] = std::move(r);
        finished[t] = 1;
        for (; merged < treeCount && finished[merged]; ++merged) {
            TreeResult& done = results[merged];
            if (oob) {
                tally.add(done);
                const double score = tally.score();
                if (score == score)  // NaN until some row has been out of bag
                    context.metric("oob_error", static_cast<int>(merged + 1), 1.0 - score);
                done.oobRows = {};
                done.oobLeaves = {};
            }
            context.progress(static_cast<double>(merged + 1) / static_cast<double>(treeCount));
        }
    });

    TrainedForest forest;
    forest.importances = Eigen::VectorXd::Zero(X.cols());
    int informative = 0;
    for (auto& r : results) {
        if (r.grown.tree.nodes.size() > 1) {
            forest.importances += normalisedImportances(r.grown.impurityDecrease);
            ++informative;
        }
        forest.trees.push_back(std::move(r.grown.tree));
    }
    if (informative > 0)
        forest.importances = normalisedImportances(forest.importances / informative);
    if (oob) {
        forest.oobScore = tally.score();
        forest.rowsNeverOutOfBag = tally.rowsWithoutVotes();
    }
    return forest;
}

}  // namespace sluice::ml
