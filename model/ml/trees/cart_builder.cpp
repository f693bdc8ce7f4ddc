#include "ml/trees/cart_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace sluice::ml {
namespace {

// One row of one feature's sorted array: its value's rank and the row.
using Entry = RankedRow;

// Per-row target and weight side by side: one cache miss per entry scanned.
struct ClassRow {
    std::uint32_t label;
    std::uint32_t weight;
};
struct ValueRow {
    double y;
    double weight;
};

struct NodeStats {
    std::size_t rows = 0;  // distinct rows
    double weight = 0.0;
    double sum = 0.0;            // regression: weighted sum of y
    std::vector<double> counts;  // classification: weighted class counts
    double impurity = 0.0;
};

struct NodeSplit {
    int feature = -1;
    std::size_t last = 0;  // position of the last row going left
    double proxy = -std::numeric_limits<double>::infinity();
};

struct Pending {
    std::size_t start, end;
    int depth;
    std::int32_t node;
    NodeStats stats;
};

double xlog2x(double x) {
    return x > 0.0 ? x * std::log2(x) : 0.0;
}

// Scikit-learn's EPSILON: a node this pure is not split further.
constexpr double kPure = std::numeric_limits<double>::epsilon();

class Grower {
public:
    Grower(const std::vector<FeatureSort>& sorts, const Eigen::VectorXd& y, int classes,
           const std::vector<std::uint32_t>& weights, const GrowthRules& rules, Rng& rng,
           const FitContext& context, bool reportProgress)
        : sorts_(sorts),
          classes_(classes),
          rules_(rules),
          rng_(rng),
          context_(context),
          reportProgress_(reportProgress),
          p_(sorts.size()) {
        const auto n = static_cast<std::size_t>(y.size());
        auto weightOf = [&](std::size_t i) { return weights.empty() ? 1u : weights[i]; };
        if (classes_ > 0) {
            classRows_.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                classRows_[i] = {static_cast<std::uint32_t>(y(static_cast<Eigen::Index>(i))),
                                 weightOf(i)};
        } else {
            valueRows_.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                valueRows_[i] = {y(static_cast<Eigen::Index>(i)), static_cast<double>(weightOf(i))};
        }
        m_ = 0;
        for (std::size_t i = 0; i < n; ++i)
            m_ += weightOf(i) > 0 ? 1 : 0;
        // Each feature's in-bag rows, in the feature's global order.
        entries_.resize(p_ * m_ + 1);  // + 1: the branch-free copy may write one past
        for (std::size_t f = 0; f < p_; ++f) {
            const std::vector<RankedRow>& sorted = sorts_[f].sorted;
            if (weights.empty()) {
                std::copy(sorted.begin(), sorted.end(), column(f));
                continue;
            }
            Entry* e = column(f);
            for (const RankedRow& r : sorted) {
                *e = r;
                e += weights[r.row] > 0 ? 1 : 0;  // branch-free: in or out of bag is random
            }
        }
        scratch_.resize(m_);
        goLeft_.assign(n, 0);
        features_.resize(p_);
        std::iota(features_.begin(), features_.end(), 0);
        leftCounts_.resize(static_cast<std::size_t>(std::max(classes_, 1)));
        out_.impurityDecrease = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(p_));
        out_.tree.outputs = classes_ > 0 ? classes_ : 1;
    }

    GrownTree grow() {
        std::vector<Pending> stack;
        out_.tree.nodes.emplace_back();
        stack.push_back({0, m_, 0, 0, stats(0, m_, 0)});
        const double totalWeight = stack.back().stats.weight;
        while (!stack.empty()) {
            Pending item = std::move(stack.back());
            stack.pop_back();
            context_.throwIfCancelled();
            const NodeSplit split = isLeaf(item) ? NodeSplit{} : bestSplit(item);
            if (split.feature < 0) {
                makeLeaf(item);
                out_.leafImpurity += item.stats.weight * item.stats.impurity / totalWeight;
                continue;
            }
            const std::size_t mid = split.last + 1;
            const auto f = static_cast<std::size_t>(split.feature);
            Pending left{item.start, mid, item.depth + 1, 0, stats(item.start, mid, f)};
            Pending right{mid, item.end, item.depth + 1, 0, stats(mid, item.end, f)};
            // Children that will be leaves never read the other features.
            if (!isLeaf(left) || !isLeaf(right))
                partition(split, item.start, item.end);
            out_.impurityDecrease(split.feature) += item.stats.weight * item.stats.impurity -
                                                    left.stats.weight * left.stats.impurity -
                                                    right.stats.weight * right.stats.impurity;
            const auto child = static_cast<std::int32_t>(out_.tree.nodes.size());
            out_.tree.nodes.resize(out_.tree.nodes.size() + 2);
            out_.tree.nodes[static_cast<std::size_t>(item.node)] = {threshold(split), split.feature,
                                                                    child};
            // Right pushed first: the left subtree is grown (and numbered) first.
            left.node = child;
            right.node = child + 1;
            stack.push_back(std::move(right));
            stack.push_back(std::move(left));
        }
        return std::move(out_);
    }

private:
    Entry* column(std::size_t f) { return entries_.data() + f * m_; }

    bool isLeaf(const Pending& item) const {
        const std::size_t rows = item.end - item.start;
        return (rules_.maxDepth > 0 && item.depth >= rules_.maxDepth) ||
               rows < static_cast<std::size_t>(rules_.minSamplesSplit) ||
               rows < 2 * static_cast<std::size_t>(rules_.minSamplesLeaf) ||
               item.stats.impurity <= kPure;
    }

    // Totals of the rows in [start, end) of feature f's array (every
    // partitioned feature holds the same rows there).
    NodeStats stats(std::size_t start, std::size_t end, std::size_t f) const {
        const Entry* e = entries_.data() + f * m_;
        NodeStats s;
        s.rows = end - start;
        if (classes_ > 0) {
            s.counts.assign(static_cast<std::size_t>(classes_), 0.0);
            for (std::size_t i = start; i < end; ++i) {
                const ClassRow r = classRows_[e[i].row];
                s.counts[r.label] += r.weight;
                s.weight += r.weight;
            }
            s.impurity = rules_.criterion == Criterion::Entropy ? entropyImpurity(s.counts)
                                                                : giniImpurity(s.counts);
        } else {
            for (std::size_t i = start; i < end; ++i) {
                const ValueRow r = valueRows_[e[i].row];
                s.sum += r.weight * r.y;
                s.weight += r.weight;
            }
            // Two passes: the variance of equal targets comes out (near) zero.
            const double mean = s.sum / s.weight;
            double sq = 0.0;
            for (std::size_t i = start; i < end; ++i) {
                const ValueRow r = valueRows_[e[i].row];
                sq += r.weight * (r.y - mean) * (r.y - mean);
            }
            s.impurity = sq / s.weight;
        }
        return s;
    }

    NodeSplit bestSplit(const Pending& item) {
        NodeSplit best;
        int tried = 0;
        for (std::size_t i = 0; i < p_ && tried < rules_.maxFeatures; ++i) {
            std::swap(features_[i], features_[i + rng_.below(p_ - i)]);
            const auto f = static_cast<std::size_t>(features_[i]);
            const Entry* e = column(f);
            if (e[item.start].rank == e[item.end - 1].rank)
                continue;  // constant in this node: does not count as tried
            ++tried;
            if (classes_ == 0)
                scanSquaredError(f, item, best);
            else if (rules_.criterion == Criterion::Entropy)
                scanEntropy(f, item, best);
            else
                scanGini(f, item, best);
        }
        return best;
    }

    // Gini: maximise sum_k cL_k^2 / wL + sum_k cR_k^2 / wR, which is
    // minimising wL * gini(L) + wR * gini(R). Both sums of squares are kept
    // up to date in O(1) per row: counts are integers, so this is exact.
    void scanGini(std::size_t f, const Pending& item, NodeSplit& best) {
        const Entry* e = column(f);
        const std::vector<double>& total = item.stats.counts;
        double totalSq = 0.0;
        for (double c : total)
            totalSq += c * c;
        std::fill(leftCounts_.begin(), leftCounts_.end(), 0.0);
        double* left = leftCounts_.data();
        const double w = item.stats.weight;
        const std::size_t rows = item.end - item.start;
        const auto minLeaf = static_cast<std::size_t>(rules_.minSamplesLeaf);
        double wl = 0.0, leftSq = 0.0, cross = 0.0;  // cross = sum_k total_k * cL_k
        for (std::size_t i = item.start; i + 1 < item.end; ++i) {
            const ClassRow r = classRows_[e[i].row];
            const double rw = r.weight, c = left[r.label];
            leftSq += rw * (2.0 * c + rw);
            left[r.label] = c + rw;
            cross += total[r.label] * rw;
            wl += rw;
            if (e[i + 1].rank == e[i].rank)
                continue;
            const std::size_t nl = i + 1 - item.start;
            if (nl < minLeaf)
                continue;
            if (rows - nl < minLeaf)
                break;
            const double rightSq = totalSq - 2.0 * cross + leftSq;
            const double proxy = leftSq / wl + rightSq / (w - wl);
            if (proxy > best.proxy)
                best = {static_cast<int>(f), i, proxy};
        }
    }

    // Entropy: maximise -(wL * H(L) + wR * H(R)) with w * H = w log w -
    // sum_k c_k log c_k, evaluated at each boundary between distinct values.
    void scanEntropy(std::size_t f, const Pending& item, NodeSplit& best) {
        const Entry* e = column(f);
        const std::vector<double>& total = item.stats.counts;
        std::fill(leftCounts_.begin(), leftCounts_.end(), 0.0);
        const double w = item.stats.weight;
        const std::size_t rows = item.end - item.start;
        const auto minLeaf = static_cast<std::size_t>(rules_.minSamplesLeaf);
        double wl = 0.0;
        for (std::size_t i = item.start; i + 1 < item.end; ++i) {
            const ClassRow r = classRows_[e[i].row];
            leftCounts_[r.label] += r.weight;
            wl += r.weight;
            if (e[i + 1].rank == e[i].rank)
                continue;
            const std::size_t nl = i + 1 - item.start;
            if (nl < minLeaf)
                continue;
            if (rows - nl < minLeaf)
                break;
            double proxy = -xlog2x(wl) - xlog2x(w - wl);
            for (std::size_t k = 0; k < total.size(); ++k)
                proxy += xlog2x(leftCounts_[k]) + xlog2x(total[k] - leftCounts_[k]);
            if (proxy > best.proxy)
                best = {static_cast<int>(f), i, proxy};
        }
    }

    // Squared error: maximise sumL^2 / wL + sumR^2 / wR (the weighted
    // children's variance is the node's total minus this).
    void scanSquaredError(std::size_t f, const Pending& item, NodeSplit& best) {
        const Entry* e = column(f);
        const double w = item.stats.weight, sum = item.stats.sum;
        const std::size_t rows = item.end - item.start;
        const auto minLeaf = static_cast<std::size_t>(rules_.minSamplesLeaf);
        double wl = 0.0, sl = 0.0;
        for (std::size_t i = item.start; i + 1 < item.end; ++i) {
            const ValueRow r = valueRows_[e[i].row];
            sl += r.weight * r.y;
            wl += r.weight;
            if (e[i + 1].rank == e[i].rank)
                continue;
            const std::size_t nl = i + 1 - item.start;
            if (nl < minLeaf)
                continue;
            if (rows - nl < minLeaf)
                break;
            const double sr = sum - sl;
            const double proxy = sl * sl / wl + sr * sr / (w - wl);
            if (proxy > best.proxy)
                best = {static_cast<int>(f), i, proxy};
        }
    }

    // Midpoint between the last value going left and the first going right,
    // written as scikit-learn does (halves first: no overflow); when the two
    // are adjacent doubles the midpoint rounds up to the right value, so the
    // left value is used instead.
    double threshold(const NodeSplit& s) const {
        const auto f = static_cast<std::size_t>(s.feature);
        const Entry* e = entries_.data() + f * m_;
        const double a = sorts_[f].values[e[s.last].rank];
        const double b = sorts_[f].values[e[s.last + 1].rank];
        const double mid = a / 2.0 + b / 2.0;
        return mid >= b ? a : mid;
    }

    // Stable partition of every feature's range: rows of the split's left
    // side first. Branch-free (both stores, conditional advance) because
    // the side of each row is unpredictable.
    void partition(const NodeSplit& s, std::size_t start, std::size_t end) {
        const Entry* split = column(static_cast<std::size_t>(s.feature));
        for (std::size_t i = start; i < end; ++i)
            goLeft_[split[i].row] = i <= s.last ? 1 : 0;
        for (std::size_t f = 0; f < p_; ++f) {
            if (static_cast<int>(f) == s.feature)
                continue;  // already in order: left rows are the lower ranks
            Entry* e = column(f);
            Entry* out = scratch_.data();
            std::size_t l = start, r = 0;
            for (std::size_t i = start; i < end; ++i) {
                const Entry x = e[i];
                const std::size_t toLeft = goLeft_[x.row];
                e[l] = x;
                out[r] = x;
                l += toLeft;
                r += 1 - toLeft;
            }
            std::copy(out, out + r, e + l);
        }
    }

    void makeLeaf(const Pending& item) {
        FlatTree& t = out_.tree;
        const auto leaf = static_cast<std::int32_t>(t.leafCount());
        t.nodes[static_cast<std::size_t>(item.node)] = {0.0, -1, leaf};
        if (classes_ > 0)
            for (double c : item.stats.counts)
                t.leafValues.push_back(c / item.stats.weight);
        else
            t.leafValues.push_back(item.stats.sum / item.stats.weight);
        if (reportProgress_) {
            settled_ += item.end - item.start;
            const double fraction = static_cast<double>(settled_) / static_cast<double>(m_);
            if (fraction >= nextReport_ || settled_ == m_) {
                context_.progress(fraction);
                nextReport_ = fraction + 0.01;
            }
        }
    }

    const std::vector<FeatureSort>& sorts_;
    int classes_;
    GrowthRules rules_;
    Rng& rng_;
    const FitContext& context_;
    bool reportProgress_;
    std::size_t p_, m_ = 0;
    std::vector<ClassRow> classRows_;
    std::vector<ValueRow> valueRows_;
    std::vector<Entry> entries_, scratch_;
    std::vector<std::uint8_t> goLeft_;
    std::vector<int> features_;
    std::vector<double> leftCounts_;
    std::size_t settled_ = 0;
    double nextReport_ = 0.0;
    GrownTree out_;
};

}  // namespace

GrownTree growTree(const std::vector<FeatureSort>& sorts, const Eigen::VectorXd& y, int classes,
                   const std::vector<std::uint32_t>& weights, const GrowthRules& rules, Rng& rng,
                   const FitContext& context, bool reportProgress) {
    return Grower(sorts, y, classes, weights, rules, rng, context, reportProgress).grow();
}

}  // namespace sluice::ml

namespace sluice::ml {

Eigen::VectorXd normalisedImportances(const Eigen::VectorXd& decrease) {
    const double total = decrease.sum();
    return total > 0.0 ? Eigen::VectorXd(decrease / total) : Eigen::VectorXd(decrease);
}

}  // namespace sluice::ml
