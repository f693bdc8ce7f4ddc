#include "ml/trees/cart_models.h"

#include "ml/core/eigen_json.h"
#include "ml/core/ml_errors.h"
#include "ml/core/validation.h"

namespace sluice::ml {
namespace {

nlohmann::json treeModelJson(std::string_view kind, const FlatTree& tree, Eigen::Index features,
                             const Eigen::VectorXd& importances, const FitStatus& status) {
    return {{"kind", kind},
            {"status", status.toJson()},
            {"features", features},
            {"tree", tree.toJson()},
            {"feature_importances", ml::toJson(importances)}};
}

struct LoadedTree {
    FlatTree tree;
    Eigen::Index features;
    Eigen::VectorXd importances;
};

LoadedTree loadTree(const nlohmann::json& j) {
    const auto features = integerFromJson<Eigen::Index>(requireField(j, "features"), "features");
    if (features < 1)
        throw MisuseError("model file: a tree needs at least one feature");
    LoadedTree t{FlatTree::fromJson(requireField(j, "tree"), features), features,
                 vectorFromJson(requireField(j, "feature_importances"), "feature_importances")};
    if (t.importances.size() != features)
        throw MisuseError("model file: feature_importances does not match the feature count");
    return t;
}

}  // namespace

TreeClassifierModel::TreeClassifierModel(FlatTree tree, Eigen::Index features,
                                         Eigen::VectorXd importances)
    : tree_(std::move(tree)), features_(features), importances_(std::move(importances)) {}

Eigen::MatrixXd TreeClassifierModel::predictProba(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, features_);
    Eigen::MatrixXd proba(X.rows(), tree_.outputs);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const double* v = tree_.leafValue(tree_.leafOf(X, i));
        for (int k = 0; k < tree_.outputs; ++k)
            proba(i, k) = v[k];
    }
    return proba;
}

nlohmann::json TreeClassifierModel::toJson() const {
    return treeModelJson(kind(), tree_, features_, importances_, status);
}

std::unique_ptr<Model> TreeClassifierModel::fromJson(const nlohmann::json& j) {
    LoadedTree t = loadTree(j);
    if (t.tree.outputs < 2)
        throw MisuseError("model file: a classification tree needs two classes or more");
    auto m = std::make_unique<TreeClassifierModel>(std::move(t.tree), t.features,
                                                   std::move(t.importances));
    m->status = FitStatus::fromJson(requireField(j, "status"));
    return m;
}

TreeRegressorModel::TreeRegressorModel(FlatTree tree, Eigen::Index features,
                                       Eigen::VectorXd importances)
    : tree_(std::move(tree)), features_(features), importances_(std::move(importances)) {}

Eigen::VectorXd TreeRegressorModel::predict(const Eigen::MatrixXd& X) const {
    checkPredictInput(kind(), X, features_);
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        out(i) = *tree_.leafValue(tree_.leafOf(X, i));
    return out;
}

nlohmann::json TreeRegressorModel::toJson() const {
    return treeModelJson(kind(), tree_, features_, importances_, status);
}

std::unique_ptr<Model> TreeRegressorModel::fromJson(const nlohmann::json& j) {
    LoadedTree t = loadTree(j);
    if (t.tree.outputs != 1)
        throw MisuseError("model file: a regression tree has one value per leaf");
    auto m = std::make_unique<TreeRegressorModel>(std::move(t.tree), t.features,
                                                  std::move(t.importances));
    m->status = FitStatus::fromJson(requireField(j, "status"));
    return m;
}

}  // namespace sluice::ml
