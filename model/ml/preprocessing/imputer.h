// Imputer: fills missing values with a statistic learnt on the training table.
//
// Strategies: mean and median (numeric columns), most_frequent (numeric and
// categorical; ties go to the smallest number or the earliest level, as
// scikit-learn), constant (fillNumber for numeric, fillLevel for
// categorical, added as a new level when absent). A column with no present
// value in training cannot be filled from a statistic: MisuseError.
#pragma once

#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct Imputer : TransformSpec {
    enum class Strategy { Mean, Median, MostFrequent, Constant };

    Strategy strategy = Strategy::Mean;
    double fillNumber = 0.0;
    std::string fillLevel = "missing";
    std::vector<std::string> columns;  // empty: every feature column the strategy handles

    std::string_view kind() const override { return "imputer"; }
    std::unique_ptr<TableTransform> fit(const Table& train) const override;
};

}  // namespace sluice::ml
