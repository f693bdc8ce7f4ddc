#include "ml/trees/gbt_ensemble.h"

#include <algorithm>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// Rows per task: a block's rows stay in cache while every tree walks them.
constexpr Eigen::Index kBlock = 512;

}  // namespace

Eigen::MatrixXd GbtEnsemble::rawPredict(const Eigen::MatrixXd& X) const {
    const Eigen::Index n = X.rows();
    const int K = outputs();
    Eigen::MatrixXd raw(n, K);
    for (int k = 0; k < K; ++k)
        raw.col(k).setConstant(baseline(k));
    const auto blocks = static_cast<std::size_t>((n + kBlock - 1) / kBlock);
    const unsigned threads =
        n * static_cast<Eigen::Index>(trees.size()) >= 100000 ? defaultThreadCount() : 1u;
    parallelFor(blocks, threads, [&](std::size_t b) {
        const Eigen::Index begin = static_cast<Eigen::Index>(b) * kBlock;
        const Eigen::Index end = std::min(n, begin + kBlock);
        for (std::size_t t = 0; t < trees.size(); ++t) {
            const GbtTree& tree = trees[t];
            const auto k = static_cast<Eigen::Index>(t % static_cast<std::size_t>(K));
            for (Eigen::Index i = begin; i < end; ++i)
                raw(i, k) += tree.predict(X, i);
        }
    });
    return raw;
}

nlohmann::json GbtEnsemble::toJson() const {
    nlohmann::json trees_ = nlohmann::json::array();
    for (const GbtTree& t : trees)
        trees_.push_back(t.toJson());
    return {{"baseline", ml::toJson(baseline)}, {"trees", trees_}};
}

GbtEnsemble GbtEnsemble::fromJson(const nlohmann::json& j, Eigen::Index features) {
    GbtEnsemble e;
    e.baseline = vectorFromJson(requireField(j, "baseline"), "baseline");
    if (e.baseline.size() == 0)
        throw MisuseError("model file: 'baseline' is empty");
    for (const auto& t : requireField(j, "trees")) {
        e.trees.push_back(GbtTree::fromJson(t));
        if (e.trees.back().maxFeature() >= features)
            throw MisuseError("model file: a tree uses a feature the model does not have");
    }
    if (e.trees.size() % static_cast<std::size_t>(e.outputs()) != 0)
        throw MisuseError("model file: the tree count is not a multiple of the outputs");
    return e;
}

}  // namespace sluice::ml
