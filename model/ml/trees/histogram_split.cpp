#include "ml/trees/histogram_split.h"

namespace sluice::ml {
namespace {

double score(double g, double h, double l2) {
    return g * g / (h + l2);
}

}  // namespace

double leafValue(double sumGrad, double sumHess, double l2) {
    const double d = sumHess + l2;
    return d > 0.0 ? -sumGrad / d : 0.0;
}

SplitInfo bestSplit(const HistBin* hist, int bins, int feature, const NodeSums& node,
                    const SplitRules& rules) {
    SplitInfo best;
    const double parentScore =
        node.sumHess + rules.l2 > 0.0 ? score(node.sumGrad, node.sumHess, rules.l2) : 0.0;
    const auto minLeaf = static_cast<std::uint32_t>(rules.minSamplesLeaf);
    NodeSums left;
    for (int b = 0; b + 1 < bins; ++b) {
        // An empty bin moves nothing left: the split after it is the one
        // before it (deep nodes leave most bins empty).
        if (hist[b].count == 0)
            continue;
        left.sumGrad += hist[b].sumGrad;
        left.sumHess += hist[b].sumHess;
        left.count += hist[b].count;
        if (left.count < minLeaf || left.sumHess < rules.minHessian)
            continue;
        const std::uint32_t rightCount = node.count - left.count;
        if (rightCount < minLeaf)
            break;  // only shrinks further
        const double rightHess = node.sumHess - left.sumHess;
        if (rightHess < rules.minHessian)
            continue;
        const double rightGrad = node.sumGrad - left.sumGrad;
        const double gain = score(left.sumGrad, left.sumHess, rules.l2) +
                            score(rightGrad, rightHess, rules.l2) - parentScore;
        if (gain > best.gain) {
            best.gain = gain;
            best.feature = feature;
            best.bin = b;
            best.left = left;
            best.right = {rightGrad, rightHess, rightCount};
        }
    }
    return best;
}

}  // namespace sluice::ml
