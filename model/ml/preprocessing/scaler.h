// Scaler: rescales numeric columns with statistics learnt on the training
// table. Missing values are ignored when fitting and stay missing.
//
// standard: (x - mean) / std (population std, as scikit-learn's
// StandardScaler); min_max: (x - min) / (max - min); robust: (x - median) /
// (q75 - q25). A zero spread leaves the column centred but unscaled.
#pragma once

#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct Scaler : TransformSpec {
    enum class Method { Standard, MinMax, Robust };

    Method method = Method::Standard;
    std::vector<std::string> columns;  // empty: every numeric feature column

    std::string_view kind() const override { return "scaler"; }
    std::unique_ptr<TableTransform> fit(const Table& train) const override;
};

}  // namespace sluice::ml
