// FeatureSort: each feature's rows sorted once per fit, so that tree growing
// never sorts again (nodes keep their rows in this order by partitioning).
//
// A feature's values become dense ranks (0 for the smallest distinct value,
// then 1, ...): equal values share a rank, so a split can only fall between
// different ranks, and values[rank] gives the value back for thresholds.
// A forest computes this once and shares it, read-only, between its trees.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sluice::ml {

// A row and the rank of its value in one feature.
struct RankedRow {
    std::uint32_t rank;
    std::uint32_t row;
};

struct FeatureSort {
    std::vector<RankedRow> sorted;  // by increasing value (equal values by row)
    std::vector<double> values;     // distinct values, increasing: values[rank]
};

// One FeatureSort per column of X, sorted on up to `threads` threads. The
// result does not depend on `threads`. Throws MisuseError beyond 2^32 - 1 rows.
std::vector<FeatureSort> presortFeatures(const Eigen::MatrixXd& X, unsigned threads);

}  // namespace sluice::ml
