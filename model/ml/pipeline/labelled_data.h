// LabelledData: a table turned into the (X, y) pair learners take.
//
// X holds every numeric feature-role column except the target, in table
// order; y is the target: class indices through a LabelEncoder when it is
// categorical or text, the numbers themselves when numeric (or encoded too,
// with classify). A non-numeric feature is a MisuseError naming it.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "data/table.h"
#include "ml/preprocessing/label_encoder.h"

namespace sluice::ml {

struct LabelledData {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    std::vector<std::string> features;
    std::optional<LabelEncoder> labels;  // set for class targets
};

LabelledData labelledData(const Table& table, const std::string& target, bool classify = false);

// Why feature column `c` (not numeric) cannot go to a learner, and what to
// put before it: One-hot for categories, Date parts for dates.
std::string nonNumericFeature(const Column& c);

}  // namespace sluice::ml
