// Gradient/hessian histograms of one tree node, a few features at a time.
//
// A histogram holds, per bin code, the sums of the gradients and hessians of
// the node's rows in that bin and their count. Building one costs a pass
// over the node's rows; the sibling of a built child costs one pass over the
// bins instead (parent - child), which is why the grower builds the smaller
// child and subtracts for the larger.
//
// The rows of a node are given as indices plus their gradients already
// gathered in the same order ("ordered gradients", as scikit-learn and
// LightGBM do): the inner loop then reads gradients sequentially and only
// the uint8 codes at random. Up to kHistGroup features are filled in one
// pass over the rows: the row index and gradients are loaded once for all
// of them, and their independent histogram updates overlap in the CPU where
// one feature's updates would wait on each other. hessians == nullptr means
// every hessian is 1 (squared error): the hessian sums are then the counts.
// Every sum is accumulated in row order, so results never depend on how
// features are grouped or spread over threads.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sluice::ml {

struct HistBin {
    double sumGrad = 0.0;
    double sumHess = 0.0;
    std::uint32_t count = 0;
};

inline constexpr int kHistGroup = 4;

struct HistTarget {
    const std::uint8_t* codes = nullptr;  // the feature's column of codes
    HistBin* hist = nullptr;              // overwritten, `bins` entries
    int bins = 0;
};

// Fills targets[0 .. count), count in [1, kHistGroup]. rows == nullptr means
// rows 0..n-1 (the root), whose gradients are then not gathered.
void buildHistograms(const HistTarget* targets, int count, const std::uint32_t* rows, std::size_t n,
                     const float* gradients, const float* hessians);

// out = parent - child, bin by bin.
void subtractHistogram(const HistBin* parent, const HistBin* child, HistBin* out, int bins);

}  // namespace sluice::ml
