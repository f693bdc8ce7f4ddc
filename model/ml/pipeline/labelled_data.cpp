#include "ml/pipeline/labelled_data.h"

#include "data/eigen_view.h"
#include "ml/core/ml_errors.h"

namespace sluice::ml {

LabelledData labelledData(const Table& table, const std::string& target, bool classify) {
    LabelledData d;
    const auto targetIndex = table.indexOf(target);
    if (!targetIndex)
        throw MisuseError("the table has no target column '" + target + "'");
    for (const Column& c : table.columns()) {
        if (c.name() == target || c.role() != ColumnRole::Feature)
            continue;
        if (c.kind() != ColumnKind::Numeric)
            throw MisuseError("feature column '" + c.name() + "' is " +
                              std::string(kindName(c.kind())) + "; encode it first");
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
