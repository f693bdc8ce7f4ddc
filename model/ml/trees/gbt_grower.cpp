#include "ml/trees/gbt_grower.h"

#include <algorithm>
#include <numeric>
#include <queue>

#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// Below this many (row, feature) cells a node's histograms are built on the
// calling thread: starting threads would cost more than it saves.
constexpr std::size_t kParallelCells = std::size_t{1} << 16;

SplitInfo bestOf(const std::vector<SplitInfo>& perFeature) {
    SplitInfo best;
    for (const SplitInfo& s : perFeature)
        if (s.found() && s.gain > best.gain)
            best = s;
    return best;
}

}  // namespace

TreeGrower::TreeGrower(const BinnedMatrix& data, const BinMapper& bins, const GrowerRules& rules,
                       unsigned threads)
    : data_(data),
      bins_(bins),
      rules_(rules),
      threads_(threads),
      rows_(static_cast<std::size_t>(data.rows)),
      scratch_(static_cast<std::size_t>(data.rows)),
      orderedGrad_(static_cast<std::size_t>(data.rows)),
      orderedHess_(static_cast<std::size_t>(data.rows)) {
    for (auto& v : perFeature_)
        v.resize(static_cast<std::size_t>(data.cols));
}

template <class Fn>
void TreeGrower::forEachGroup(std::size_t rows, Fn&& fn) {
    const std::size_t groups = (static_cast<std::size_t>(data_.cols) + kHistGroup - 1) / kHistGroup;
    const unsigned threads =
        rows * static_cast<std::size_t>(data_.cols) >= kParallelCells ? threads_ : 1u;
    parallelFor(groups, threads, [&](std::size_t group) {
        const int first = static_cast<int>(group) * kHistGroup;
        fn(first, std::min(kHistGroup, data_.cols - first));
    });
}

bool TreeGrower::mayHaveSplit(const Open& o) const {
    return (rules_.maxDepth == 0 || o.depth < rules_.maxDepth) &&
           o.sums.count >= 2 * static_cast<std::uint32_t>(rules_.split.minSamplesLeaf);
}

int TreeGrower::takeSlot() {
    if (freeSlots_.empty()) {
        slots_.emplace_back(kStride * static_cast<std::size_t>(data_.cols));
        return static_cast<int>(slots_.size()) - 1;
    }
    const int s = freeSlots_.back();
    freeSlots_.pop_back();
    return s;
}

void TreeGrower::makeLeaf(GbtTree& tree, Open& o) {
    const double v =
        rules_.learningRate * leafValue(o.sums.sumGrad, o.sums.sumHess, rules_.split.l2);
    tree.nodes[static_cast<std::size_t>(o.node)].value = v;
    leaves_.push_back({o.begin, o.end, v});
    if (o.slot >= 0)
        freeSlots_.push_back(o.slot);
    o.slot = -1;
}

std::uint32_t TreeGrower::partition(const Open& o) {
    // Stable, so each node's rows stay in increasing order and the code
    // lookups of its histograms walk memory forwards.
    const std::uint8_t* codes = data_.column(o.split.feature);
    const auto bin = static_cast<std::uint8_t>(o.split.bin);
    std::uint32_t* r = rows_.data();
    std::uint32_t left = o.begin, right = 0;
    for (std::uint32_t k = o.begin; k < o.end; ++k) {
        const std::uint32_t row = r[k];
        if (codes[row] <= bin)
            r[left++] = row;
        else
            scratch_[right++] = row;
    }
    std::copy(scratch_.begin(), scratch_.begin() + right, r + left);
    return left;
}

void TreeGrower::splitChildren(const Open& parent, Open& left, Open& right, bool needLeft,
                               bool needRight, const float* g, const float* h) {
    const bool leftSmaller = left.sums.count <= right.sums.count;
    Open& small = leftSmaller ? left : right;
    Open& large = leftSmaller ? right : left;
    const bool needSmall = leftSmaller ? needLeft : needRight;
    const bool needLarge = leftSmaller ? needRight : needLeft;
    const std::size_t n = small.end - small.begin;
    const std::uint32_t* rows = rows_.data() + small.begin;
    for (std::size_t k = 0; k < n; ++k)
        orderedGrad_[k] = g[rows[k]];
    if (h)
        for (std::size_t k = 0; k < n; ++k)
            orderedHess_[k] = h[rows[k]];
    small.slot = takeSlot();
    if (needLarge)
        large.slot = takeSlot();
    forEachGroup(n, [&](int first, int count) {
        HistTarget targets[kHistGroup];
        for (int j = 0; j < count; ++j)
            targets[j] = {data_.column(first + j), hist(small.slot, first + j),
                          bins_.binCount(first + j)};
        buildHistograms(targets, count, rows, n, orderedGrad_.data(),
                        h ? orderedHess_.data() : nullptr);
        for (int f = first; f < first + count; ++f) {
            const auto fi = static_cast<std::size_t>(f);
            const int bins = bins_.binCount(f);
            const HistBin* hs = hist(small.slot, f);
            perFeature_[0][fi] =
                needSmall ? bestSplit(hs, bins, f, small.sums, rules_.split) : SplitInfo{};
            if (needLarge) {
                HistBin* hl = hist(large.slot, f);
                subtractHistogram(hist(parent.slot, f), hs, hl, bins);
                perFeature_[1][fi] = bestSplit(hl, bins, f, large.sums, rules_.split);
            }
        }
    });
    small.split = needSmall ? bestOf(perFeature_[0]) : SplitInfo{};
    large.split = needLarge ? bestOf(perFeature_[1]) : SplitInfo{};
}

GbtTree TreeGrower::grow(const float* g, const float* h, Eigen::VectorXd& featureGain) {
    const auto n = static_cast<std::uint32_t>(data_.rows);
    std::iota(rows_.begin(), rows_.end(), 0u);
    leaves_.clear();
    GbtTree tree;
    tree.nodes.emplace_back();

    Open root;
    root.end = n;
    for (std::uint32_t i = 0; i < n; ++i) {
        root.sums.sumGrad += g[i];
        root.sums.sumHess += h ? h[i] : 1.0;
    }
    root.sums.count = n;

    // Open leaves with a split, the largest gain first (the older on ties).
    auto later = [](const Open& a, const Open& b) {
        return a.split.gain != b.split.gain ? a.split.gain < b.split.gain : a.node > b.node;
    };
    std::priority_queue<Open, std::vector<Open>, decltype(later)> heap(later);

    if (mayHaveSplit(root) && rules_.maxLeafNodes > 1) {
        root.slot = takeSlot();
        forEachGroup(n, [&](int first, int count) {
            HistTarget targets[kHistGroup];
            for (int j = 0; j < count; ++j)
                targets[j] = {data_.column(first + j), hist(root.slot, first + j),
                              bins_.binCount(first + j)};
            buildHistograms(targets, count, nullptr, n, g, h);
            for (int f = first; f < first + count; ++f)
                perFeature_[0][static_cast<std::size_t>(f)] =
                    bestSplit(hist(root.slot, f), bins_.binCount(f), f, root.sums, rules_.split);
        });
        root.split = bestOf(perFeature_[0]);
    }
    if (root.split.found())
        heap.push(root);
    else
        makeLeaf(tree, root);

    int leafCount = 1;
    while (!heap.empty()) {
        Open o = heap.top();
        heap.pop();
        if (leafCount >= rules_.maxLeafNodes) {
            makeLeaf(tree, o);
            continue;
        }
        ++leafCount;
        const int leftId = static_cast<int>(tree.nodes.size());
        GbtNode& node = tree.nodes[static_cast<std::size_t>(o.node)];
        node.feature = o.split.feature;
        node.bin = static_cast<std::uint8_t>(o.split.bin);
        node.threshold = bins_.threshold(o.split.feature, o.split.bin);
        node.left = leftId;
        node.right = leftId + 1;
        tree.nodes.emplace_back();
        tree.nodes.emplace_back();
        featureGain(o.split.feature) += o.split.gain;

        const std::uint32_t mid = partition(o);
        Open left, right;
        left.node = leftId;
        right.node = leftId + 1;
        left.begin = o.begin;
        left.end = right.begin = mid;
        right.end = o.end;
        left.depth = right.depth = o.depth + 1;
        left.sums = o.split.left;
        right.sums = o.split.right;

        const bool room = leafCount < rules_.maxLeafNodes;
        const bool needLeft = room && mayHaveSplit(left);
        const bool needRight = room && mayHaveSplit(right);
        if (needLeft || needRight)
            splitChildren(o, left, right, needLeft, needRight, g, h);
        freeSlots_.push_back(o.slot);
        for (Open* c : {&left, &right}) {
            if (c->split.found())
                heap.push(*c);
            else
                makeLeaf(tree, *c);
        }
    }
    return tree;
}

void TreeGrower::addLeafValues(double* raw) const {
    for (const Leaf& leaf : leaves_)
        for (std::uint32_t k = leaf.begin; k < leaf.end; ++k)
            raw[rows_[k]] += leaf.value;
}

}  // namespace sluice::ml
