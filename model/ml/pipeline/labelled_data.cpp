#include "ml/pipeline/labelled_data.h"

#include "data/eigen_view.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

std::string nonNumericFeature(const Column& c) {
    const std::string what =
        "feature column '" + c.name() + "' is " + std::string(kindName(c.kind())) + "; ";
    switch (c.kind()) {
        case ColumnKind::DateTime:
            return what + "turn it into numbers with a Date parts node (or set its role to meta)";
        case ColumnKind::Text:
            return what +
                   "turn it into numbers with a Text features node, or make it "
                   "categorical (Edit columns) and one-hot encode it, or set "
                   "its role to meta";
        case ColumnKind::Categorical:
        case ColumnKind::Numeric:
            break;
    }
    return what + "add a one-hot encoding step (or set its role to meta)";
}

LabelledData labelledData(const Table& table, const std::string& target, bool classify) {
    LabelledData d;
    const auto targetIndex = table.indexOf(target);
    if (!targetIndex)
        throw MisuseError("the table has no target column '" + target + "'");
    for (const Column& c : table.columns()) {
        if (c.name() == target || c.role() != ColumnRole::Feature)
            continue;
        if (c.kind() != ColumnKind::Numeric)
            throw MisuseError(nonNumericFeature(c));
        d.features.push_back(c.name());
    }
    d.X = numericMatrix(table, d.features).matrix();
    const Column& y = table.column(*targetIndex);
    if (classify || y.kind() != ColumnKind::Numeric) {
        d.labels = LabelEncoder::fit(y);
        d.y = d.labels->encode(y);
    } else {
        d.y = Eigen::Map<const Eigen::VectorXd>(y.numbers().data(),
                                                static_cast<Eigen::Index>(y.size()));
    }
    return d;
}

}  // namespace sluice::ml
