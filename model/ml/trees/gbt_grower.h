// TreeGrower: grows one regression tree of a gradient-boosted ensemble on
// binned data from per-row gradients and hessians.
//
// Best-first (leaf-wise) as scikit-learn's HistGradientBoosting and
// LightGBM: the open leaf whose best split has the largest gain is split
// next, until maxLeafNodes leaves exist or no leaf has an allowed split
// (maxDepth, 2 * minSamplesLeaf rows, positive gain). Each split builds the
// histograms of the smaller child and gets the larger one by subtraction
// from the parent's. Leaf values are learningRate * -G / (H + l2).
//
// Histograms are built by groups of features in parallel on large nodes; every
// sum is computed by one thread in row order and the best split is reduced
// in feature order, so the tree does not depend on the thread count. Ties
// between splits keep the lowest feature and bin; ties between leaves split
// the older leaf first.
//
// A grower is reused for every tree of a fit (its buffers are allocated
// once); it is not thread-safe.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "ml/trees/gbt_tree.h"
#include "ml/trees/histogram_binner.h"
#include "ml/trees/histogram_split.h"

namespace sluice::ml {

struct GrowerRules {
    SplitRules split;
    int maxLeafNodes = 31;  // >= 2
    int maxDepth = 0;       // 0: unlimited; 1: stumps
    double learningRate = 0.1;
};

class TreeGrower {
public:
    TreeGrower(const BinnedMatrix& data, const BinMapper& bins, const GrowerRules& rules,
               unsigned threads);

    // gradients and hessians hold one value per row of `data`; hessians ==
    // nullptr means all ones. Adds each split's gain to featureGain.
    GbtTree grow(const float* gradients, const float* hessians, Eigen::VectorXd& featureGain);

    // raw[i] += the value of the leaf row i reached in the last grown tree.
    void addLeafValues(double* raw) const;

private:
    struct Open {
        int node = 0;                      // index in the tree
        std::uint32_t begin = 0, end = 0;  // rows_[begin, end)
        int depth = 0;
        NodeSums sums;
        int slot = -1;  // histogram slot, -1 when none
        SplitInfo split;
    };
    struct Leaf {
        std::uint32_t begin, end;
        double value;
    };

    bool mayHaveSplit(const Open& o) const;
    // fn(firstFeature, count) for every group of kHistGroup features, in
    // parallel when the node has rows enough to pay for the threads.
    template <class Fn>
    void forEachGroup(std::size_t rows, Fn&& fn);
    int takeSlot();
    HistBin* hist(int slot, int feature) {
        return slots_[static_cast<std::size_t>(slot)].data() +
               static_cast<std::size_t>(feature) * kStride;
    }
    std::uint32_t partition(const Open& o);
    void splitChildren(const Open& parent, Open& left, Open& right, bool needLeft, bool needRight,
                       const float* g, const float* h);
    void makeLeaf(GbtTree& tree, Open& o);

    static constexpr std::size_t kStride = BinMapper::kMaxBins;

    const BinnedMatrix& data_;
    const BinMapper& bins_;
    GrowerRules rules_;
    unsigned threads_;
    std::vector<std::uint32_t> rows_, scratch_;
    std::vector<float> orderedGrad_, orderedHess_;
    std::vector<std::vector<HistBin>> slots_;
    std::vector<int> freeSlots_;
    std::vector<SplitInfo> perFeature_[2];
    std::vector<Leaf> leaves_;
};

}  // namespace sluice::ml
