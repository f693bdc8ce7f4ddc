// OneHotEncoder: replaces each categorical column by one numeric 0/1 column
// per level seen in training, named "column=level", in place of the
// original. At apply time a level unseen in training, or a missing value,
// gives a row of zeros (unknown levels are ignored, as
// handle_unknown="ignore").
#pragma once

#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct OneHotEncoder : TransformSpec {
    std::vector<std::string> columns;  // empty: every categorical feature column

    std::string_view kind() const override { return "one_hot"; }
    std::unique_ptr<TableTransform> fit(const Table& train) const override;
};

}  // namespace sluice::ml
