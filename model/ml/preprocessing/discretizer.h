// Discretizer: numeric columns cut into bins learnt on the training table
// (the Discretize node, issue 18).
//
// Contract:
// - Edges: equal_width cuts [min, max] into `bins` equal parts; quantile
//   puts the edges at the 0, 1/bins, ..., 1 quantiles (linear
//   interpolation, as numpy), dropping repeated edges, so a column with
//   few distinct values gets fewer bins (as scikit-learn's
//   KBinsDiscretizer); custom uses the given inner edges. Missing values are
//   ignored when learning and stay missing.
// - A value x falls in bin i when edge[i] <= x < edge[i + 1]; the first and
//   last bins are open, so values outside the training range go to them.
// - Output: a categorical column of intervals ("< 2", "[2, 5)", "≥ 5", as
//   ml/stats/bin_labels.h names them),
//   every bin a level in order, whether or not a value falls in it; or the
//   bin number 0..k-1 (scikit-learn's encode="ordinal").
// - fit() throws MisuseError naming a column without any value, or custom
//   edges that do not increase; apply() one the table lacks or that is no
//   longer numeric.
#pragma once

#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct Discretizer : TransformSpec {
    enum class Method { EqualWidth, Quantile, Custom };

    Method method = Method::Quantile;
    int bins = 5;
    std::vector<double> edges;         // custom: the inner edges, increasing
    bool ordinal = false;              // bin numbers instead of intervals
    std::vector<std::string> columns;  // empty: every numeric feature column

    std::string_view kind() const override { return "discretizer"; }
    std::unique_ptr<TableTransform> fit(const Table& train) const override;
};

}  // namespace sluice::ml
