// FlatTree: a fitted CART tree stored as one flat array of 16-byte nodes
// plus one array of leaf values, so a deep tree costs a few allocations and
// prediction walks contiguous memory.
//
// A split node sends a row left when x[feature] <= threshold; its children
// sit next to each other (left at `next`, right at `next + 1`). A leaf has
// feature -1 and `next` indexes its `outputs` values in leafValues: class
// fractions (classifiers, summing to 1) or the mean target (regressors).
// JSON keeps every double bit for bit (see eigen_json.h).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace sluice::ml {

struct TreeNode {
    double threshold = 0.0;
    std::int32_t feature = -1;  // -1: leaf
    std::int32_t next = 0;      // split: left child (right = next + 1); leaf: leaf index
};

class FlatTree {
public:
    int outputs = 1;  // values per leaf: class count, or 1 for regression
    std::vector<TreeNode> nodes;
    std::vector<double> leafValues;  // leafCount() x outputs, row-major

    std::size_t leafCount() const { return outputs ? leafValues.size() / outputs : 0; }
    int depth() const;

    // The leaf index of row `row` of X.
    std::int32_t leafOf(const Eigen::MatrixXd& X, Eigen::Index row) const {
        const TreeNode* node = &nodes[0];
        while (node->feature >= 0)
            node = &nodes[node->next + (X(row, node->feature) <= node->threshold ? 0 : 1)];
        return node->next;
    }
    // The leaf index of one row given as contiguous feature values.
    std::int32_t leafOf(const double* row) const {
        const TreeNode* node = &nodes[0];
        while (node->feature >= 0)
            node = &nodes[node->next + (row[node->feature] <= node->threshold ? 0 : 1)];
        return node->next;
    }
    const double* leafValue(std::int32_t leaf) const {
        return leafValues.data() + static_cast<std::size_t>(leaf) * outputs;
    }

    nlohmann::json toJson() const;
    // Checks the structure (children and leaves in range, features below
    // `features`) so a damaged file cannot make predict read out of bounds.
    static FlatTree fromJson(const nlohmann::json& j, Eigen::Index features);
};

}  // namespace sluice::ml
