#include "ml/preprocessing/pca_transform.h"

#include <algorithm>
#include <cmath>

#include "data/eigen_view.h"
#include "ml/core/ml_errors.h"
#include "ml/core/registry.h"

namespace sluice {

PcaTransform::PcaTransform(std::vector<std::string> features,
                           std::shared_ptr<const ml::PCAModel> model)
    : features_(std::move(features)), model_(std::move(model)) {}

TablePtr PcaTransform::apply(const Table& table) const {
    for (const auto& name : features_) {
        const auto index = table.indexOf(name);
        if (!index)
            throw ml::MisuseError("pca: the table has no column '" + name + "' it was trained on");
        const Column& c = table.column(*index);
        if (c.kind() != ColumnKind::Numeric)
            throw ml::MisuseError("pca: column '" + name + "' is no longer numeric");
        const auto values = c.numbers();
        if (std::any_of(values.begin(), values.end(), [](double x) { return std::isnan(x); }))
            throw ml::MisuseError("pca: column '" + name +
                                  "' has missing values; impute them first");
    }
    const Eigen::MatrixXd scores = model_->transform(numericMatrix(table, features_).matrix());

    // Scores go into one column-major block, so later steps view them
    // without a copy.
    auto block = std::make_shared<NumericBlock>();
    block->rows = static_cast<std::size_t>(scores.rows());
    block->values.resize(static_cast<std::size_t>(scores.size()));
    std::copy(scores.data(), scores.data() + scores.size(), block->values.begin());
    const std::shared_ptr<const NumericBlock> shared = std::move(block);

    std::vector<Column> columns;
    for (Eigen::Index k = 0; k < scores.cols(); ++k)
        columns.push_back(Column::numericInBlock("pc" + std::to_string(k + 1), shared,
                                                 static_cast<std::size_t>(k)));
    for (const Column& c : table.columns())
        if (std::find(features_.begin(), features_.end(), c.name()) == features_.end())
            columns.push_back(c);
    return Table::make(std::move(columns));
}

nlohmann::json PcaTransform::toJson() const {
    return {{"kind", "pca"}, {"features", features_}, {"model", model_->toJson()}};
}

std::unique_ptr<ml::TableTransform> loadPcaTransform(const nlohmann::json& j) {
    auto model = ml::MlRegistry::instance().loadModel(j.at("model"));
    const auto* raw = dynamic_cast<const ml::PCAModel*>(model.get());
    if (!raw)
        throw ml::MisuseError("model file: the pca step does not hold a PCA model");
    model.release();  // ownership moves to `pca`
    std::shared_ptr<const ml::PCAModel> pca(raw);
    return std::make_unique<PcaTransform>(j.at("features").get<std::vector<std::string>>(),
                                          std::move(pca));
}

}  // namespace sluice
