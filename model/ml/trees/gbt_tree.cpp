#include "ml/trees/gbt_tree.h"

#include <algorithm>
#include <string>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

int GbtTree::leafCount() const {
    int leaves = 0;
    for (const GbtNode& n : nodes)
        leaves += n.feature < 0 ? 1 : 0;
    return leaves;
}

int GbtTree::maxFeature() const {
    int m = -1;
    for (const GbtNode& n : nodes)
        m = std::max(m, n.feature);
    return m;
}

nlohmann::json GbtTree::toJson() const {
    const auto count = static_cast<Eigen::Index>(nodes.size());
    std::vector<int> feature, left, right;
    Eigen::VectorXd threshold(count), value(count);
    for (Eigen::Index k = 0; k < count; ++k) {
        const GbtNode& n = nodes[static_cast<std::size_t>(k)];
        feature.push_back(n.feature);
        left.push_back(n.left);
        right.push_back(n.right);
        threshold(k) = n.threshold;
        value(k) = n.value;
    }
    return {{"feature", feature},
            {"threshold", ml::toJson(threshold)},
            {"left", left},
            {"right", right},
            {"value", ml::toJson(value)}};
}

GbtTree GbtTree::fromJson(const nlohmann::json& j) {
    const auto feature = integersFromJson<int>(requireField(j, "feature"), "feature");
    const auto left = integersFromJson<int>(requireField(j, "left"), "left");
    const auto right = integersFromJson<int>(requireField(j, "right"), "right");
    const Eigen::VectorXd threshold = vectorFromJson(requireField(j, "threshold"), "threshold");
    const Eigen::VectorXd value = vectorFromJson(requireField(j, "value"), "value");
    const std::size_t count = feature.size();
    if (count == 0 || left.size() != count || right.size() != count ||
        static_cast<std::size_t>(threshold.size()) != count ||
        static_cast<std::size_t>(value.size()) != count)
        throw MisuseError("model file: a gradient-boosting tree has node arrays of unequal length");
    GbtTree t;
    t.nodes.resize(count);
    for (std::size_t k = 0; k < count; ++k) {
        GbtNode& n = t.nodes[k];
        n.feature = feature[k];
        n.left = left[k];
        n.right = right[k];
        n.threshold = threshold(static_cast<Eigen::Index>(k));
        n.value = value(static_cast<Eigen::Index>(k));
        // Children come after their parent, so a walk always ends.
        if (n.feature >= 0 &&
            (n.left <= static_cast<int>(k) || n.right <= static_cast<int>(k) ||
             n.left >= static_cast<int>(count) || n.right >= static_cast<int>(count)))
            throw MisuseError(
                "model file: a gradient-boosting tree has a node with invalid "
                "children");
    }
    return t;
}

}  // namespace sluice::ml
