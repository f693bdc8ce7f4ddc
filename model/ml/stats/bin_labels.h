// Names of the bins that cut points make, for Drift's histograms and the
// Discretize node's categories.
//
// Contract: k increasing cut points make k + 1 labels. Closed right (Drift,
// as numpy's histogram edges are read there): "≤ 4.8", "(4.8, 5.3]",
// "> 5.3"; closed left (Discretize, as scikit-learn's KBinsDiscretizer):
// "< 4.8", "[4.8, 5.3)", "≥ 5.3". No cut point: just "all values". Numbers
// get 3 significant digits, more when needed to tell two cut points apart,
// and no exponent from 1 up to a billion ("1000", not "1e+03").
#pragma once

#include <string>
#include <vector>

namespace sluice::ml {

enum class BinsClosed { Right, Left };

std::vector<std::string> binLabels(const std::vector<double>& edges,
                                   BinsClosed closed = BinsClosed::Right);

}  // namespace sluice::ml
