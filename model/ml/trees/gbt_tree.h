// GbtTree: one fitted regression tree of a gradient-boosted ensemble.
//
// Nodes are stored in a flat array, root first. An internal node sends a row
// left when x[feature] <= threshold (and, on binned training data, when its
// code <= bin, the same test); a leaf (feature == -1) holds the value added
// to the raw prediction, learning rate included.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "ml/trees/histogram_binner.h"

namespace sluice::ml {

struct GbtNode {
    double threshold = 0.0;
    double value = 0.0;  // leaves only
    int feature = -1;    // -1 for a leaf
    int left = -1;
    int right = -1;
    std::uint8_t bin = 0;  // training only; not saved
};

class GbtTree {
public:
    std::vector<GbtNode> nodes;

    // The leaf value for row `row` of X.
    double predict(const Eigen::MatrixXd& X, Eigen::Index row) const {
        const GbtNode* n = &nodes[0];
        while (n->feature >= 0)
            n = &nodes[static_cast<std::size_t>(X(row, n->feature) <= n->threshold ? n->left
                                                                                   : n->right)];
        return n->value;
    }
    double predictBinned(const BinnedMatrix& B, Eigen::Index row) const {
        const GbtNode* n = &nodes[0];
        while (n->feature >= 0)
            n = &nodes[static_cast<std::size_t>(B.column(n->feature)[row] <= n->bin ? n->left
                                                                                    : n->right)];
        return n->value;
    }

    int leafCount() const;
    // Largest feature index used, or -1 (for checking loaded files).
    int maxFeature() const;

    // {"feature": [...], "threshold": [...], "left": [...], "right": [...],
    //  "value": [...]}: one entry per node, bit-exact doubles.
    nlohmann::json toJson() const;
    static GbtTree fromJson(const nlohmann::json& j);
};

}  // namespace sluice::ml
