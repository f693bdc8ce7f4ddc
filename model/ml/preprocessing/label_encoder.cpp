#include "ml/preprocessing/label_encoder.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "data/number_text.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

LabelEncoder LabelEncoder::fit(const Column& target) {
    LabelEncoder e;
    if (target.kind() == ColumnKind::Numeric) {
        std::set<double> values;
        for (double v : target.numbers())
            if (!std::isnan(v))
                values.insert(v);
        for (double v : values)
            e.labels_.push_back(formatNumber(v));
    } else {
        std::set<std::string> values;
        for (std::size_t r = 0; r < target.size(); ++r)
            if (!target.isMissing(r))
                values.insert(target.displayValue(r));
        e.labels_.assign(values.begin(), values.end());
    }
    if (e.labels_.empty())
        throw MisuseError("target column '" + target.name() +
                          "' has no values to learn classes from");
    return e;
}

Eigen::VectorXd LabelEncoder::encode(const Column& target) const {
    std::unordered_map<std::string, int> index;
    for (std::size_t k = 0; k < labels_.size(); ++k)
        index[labels_[k]] = static_cast<int>(k);
    Eigen::VectorXd y(static_cast<Eigen::Index>(target.size()));
    for (std::size_t r = 0; r < target.size(); ++r) {
        if (target.isMissing(r))
            throw MisuseError("target column '" + target.name() + "' is missing at row " +
                              std::to_string(r + 1) + "; drop or impute such rows first");
        const auto it = index.find(target.displayValue(r));
        if (it == index.end())
            throw MisuseError("target column '" + target.name() + "' has the class '" +
                              target.displayValue(r) + "' at row " + std::to_string(r + 1) +
                              ", which training never saw");
        y(static_cast<Eigen::Index>(r)) = it->second;
    }
    return y;
}

const std::string& LabelEncoder::label(int index) const {
    if (index < 0 || index >= classCount())
        throw MisuseError("class index " + std::to_string(index) + " out of range");
    return labels_[static_cast<std::size_t>(index)];
}

nlohmann::json LabelEncoder::toJson() const {
    return {{"labels", labels_}};
}

LabelEncoder LabelEncoder::fromJson(const nlohmann::json& j) {
    LabelEncoder e;
    e.labels_ = j.at("labels").get<std::vector<std::string>>();
    return e;
}

}  // namespace sluice::ml
