#include "ml/trees/forest_models.h"

#include <algorithm>
#include <cmath>

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"
#include "util/parallel_for.h"

namespace sluice::ml {
namespace {

// Mean over the trees of each row's leaf values (rows x outputs). Rows go
// in blocks, copied row-major so a row's features share cache lines; a
// block meets every tree while the tree is in cache.
Eigen::MatrixXd meanLeafValues(const std::vector<FlatTree>& trees, const Eigen::MatrixXd& X) {
    const int outputs = trees.front().outputs;
    const Eigen::Index rows = X.rows();
    constexpr Eigen::Index kBlock = 256;
    const auto blocks = static_cast<std::size_t>((rows + kBlock - 1) / kBlock);
    Eigen::MatrixXd out(outputs, rows);  // column per row: contiguous sums
    out.setZero();
    parallelFor(blocks, defaultThreadCount(), [&](std::size_t b) {
        const Eigen::Index begin = static_cast<Eigen::Index>(b) * kBlock;
        const Eigen::Index end = std::min(rows, begin + kBlock);
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> block =
            X.middleRows(begin, end - begin);
        for (const FlatTree& tree : trees)
            for (Eigen::Index i = begin; i < end; ++i) {
                const double* v = tree.leafValue(tree.leafOf(block.row(i - begin).data()));
                double* o = out.col(i).data();
                for (int k = 0; k < outputs; ++k)
                    o[k] += v[k];
            }
    });
    out /= static_cast<double>(trees.size());
    return out.transpose();
}

nlohmann::json forestJson(std::string_view kind, const ForestParts& parts,
                          const FitStatus& status) {
    nlohmann::json trees = nlohmann::json::array();
    for (const FlatTree& t : parts.trees)
        trees.push_back(t.toJson());
    return {{"kind", kind},
            {"status", status.toJson()},
            {"features", parts.features},
            {"trees", std::move(trees)},
            {"feature_importances", ml::toJson(parts.importances)},
            {"oob_score",
             std::isnan(parts.oobScore) ? nlohmann::json() : nlohmann::json(parts.oobScore)}};
}

ForestParts loadForest(const nlohmann::json& j, int outputs) {
    ForestParts parts;
    parts.features = integerFromJson<Eigen::Index>(requireField(j, "features"), "features");
    if (parts.features < 1)
        throw MisuseError("model file: a forest needs at least one feature");
    for (const auto& t : requireField(j, "trees")) {
        parts.trees.push_back(FlatTree::fromJson(t, parts.features));
        if (outputs > 0 ? parts.trees.back().outputs != outputs
                        : parts.trees.back().outputs != parts.trees.front().outputs ||
                              parts.trees.back().outputs < 2)
            throw MisuseError("model file: the forest's trees disagree on their outputs");
    }
    if (parts.trees.empty())
        throw MisuseError("model file: a forest needs at least one tree");
    parts.importances =
        vectorFromJson(requireField(j, "feature_importances"), "feature_importances");
    if (parts.importances.size() != parts.features)
        throw MisuseError("model file: feature_importances does not match the feature count");
    const auto& oob = requireField(j, "oob_score");
    parts.oobScore = oob.is_null() ? std::numeric_limits<double>::quiet_NaN() : oob.get<double>();
    return parts;
}

}  // namespace

ForestClassifierModel::ForestClassifierModel(ForestParts parts) : parts_(std::move(parts)) {}

Eigen::MatrixXd ForestClassifierModel::predictProba(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, parts_.features);
    return meanLeafValues(parts_.trees, X);
}

nlohmann::json ForestClassifierModel::toJson() const {
    return forestJson(kind(), parts_, status);
}

std::unique_ptr<Model> ForestClassifierModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<ForestClassifierModel>(loadForest(j, 0));
    m->status = FitStatus::fromJson(requireField(j, "status"));
    return m;
}

ForestRegressorModel::ForestRegressorModel(ForestParts parts) : parts_(std::move(parts)) {}

Eigen::VectorXd ForestRegressorModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, parts_.features);
    return meanLeafValues(parts_.trees, X).col(0);
}

nlohmann::json ForestRegressorModel::toJson() const {
    return forestJson(kind(), parts_, status);
}

std::unique_ptr<Model> ForestRegressorModel::fromJson(const nlohmann::json& j) {
    auto m = std::make_unique<ForestRegressorModel>(loadForest(j, 1));
    m->status = FitStatus::fromJson(requireField(j, "status"));
    return m;
}

}  // namespace sluice::ml
