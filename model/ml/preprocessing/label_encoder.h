// LabelEncoder: the target's class labels <-> class indices 0..K-1.
//
// Labels are the distinct present values of the training target in sorted
// order (as scikit-learn's LabelEncoder), so indices do not depend on row
// order: categorical and text columns by their text, numeric columns by
// value (labels spelt in shortest form). encode() throws MisuseError for a
// label unseen in training or a missing one.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/column.h"

namespace sluice::ml {

class LabelEncoder {
public:
    static LabelEncoder fit(const Column& target);

    Eigen::VectorXd encode(const Column& target) const;
    const std::string& label(int index) const;
    const std::vector<std::string>& labels() const { return labels_; }
    int classCount() const { return static_cast<int>(labels_.size()); }

    nlohmann::json toJson() const;
    static LabelEncoder fromJson(const nlohmann::json& j);

private:
    std::vector<std::string> labels_;
};

}  // namespace sluice::ml
