#include "ml/trees/cart_tree.h"

#include <algorithm>
#include <string>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

int FlatTree::depth() const {
    // Children always follow their parent, so one forward pass suffices.
    std::vector<int> level(nodes.size(), 0);
    int deepest = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        deepest = std::max(deepest, level[i]);
        if (nodes[i].feature >= 0) {
            level[static_cast<std::size_t>(nodes[i].next)] = level[i] + 1;
            level[static_cast<std::size_t>(nodes[i].next) + 1] = level[i] + 1;
        }
    }
    return deepest;
}

nlohmann::json FlatTree::toJson() const {
    Eigen::VectorXd threshold(static_cast<Eigen::Index>(nodes.size()));
    std::vector<std::int32_t> feature(nodes.size()), next(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        threshold(static_cast<Eigen::Index>(i)) = nodes[i].threshold;
        feature[i] = nodes[i].feature;
        next[i] = nodes[i].next;
    }
    const Eigen::VectorXd values = Eigen::Map<const Eigen::VectorXd>(
        leafValues.data(), static_cast<Eigen::Index>(leafValues.size()));
    return {{"outputs", outputs},
            {"feature", feature},
            {"threshold", ml::toJson(threshold)},
            {"next", next},
            {"leaf_values", ml::toJson(values)}};
}

FlatTree FlatTree::fromJson(const nlohmann::json& j, Eigen::Index features) {
    FlatTree t;
    t.outputs = integerFromJson<int>(requireField(j, "outputs"), "outputs");
    const auto feature = integersFromJson<std::int32_t>(requireField(j, "feature"), "feature");
    const auto next = integersFromJson<std::int32_t>(requireField(j, "next"), "next");
    const Eigen::VectorXd threshold = vectorFromJson(requireField(j, "threshold"), "threshold");
    const Eigen::VectorXd values = vectorFromJson(requireField(j, "leaf_values"), "leaf_values");
    const auto count = feature.size();
    if (t.outputs < 1 || count == 0 || next.size() != count ||
        static_cast<std::size_t>(threshold.size()) != count || values.size() % t.outputs != 0)
        throw MisuseError("model file: a tree's node arrays are empty or of different lengths");
    t.leafValues.assign(values.data(), values.data() + values.size());
    const auto leaves = static_cast<long long>(t.leafCount());
    t.nodes.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        TreeNode& n = t.nodes[i];
        n.feature = feature[i];
        n.next = next[i];
        n.threshold = threshold(static_cast<Eigen::Index>(i));
        const bool ok = n.feature < 0
                            ? n.feature == -1 && n.next >= 0 && n.next < leaves
                            : n.feature < features && n.next > static_cast<long long>(i) &&
                                  static_cast<std::size_t>(n.next) + 1 < count;
        if (!ok)
            throw MisuseError("model file: tree node " + std::to_string(i) +
                              " points outside the tree");
    }
    return t;
}

}  // namespace sluice::ml
