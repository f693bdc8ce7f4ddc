// transform.pca: projects the numeric feature columns onto their first
// n_components principal components, learnt on `train` with the "pca"
// learner of the MlRegistry (a NodeError says so when this build has none).
// Outputs pc1..pcK followed by the non-feature columns (target, meta),
// kept as they are. Every feature-role column must be numeric (one-hot
// encode categories first) and present (impute first).
#include <algorithm>

#include "data/eigen_view.h"
#include "ml/core/registry.h"
#include "ml/preprocessing/pca_transform.h"
#include "nodes/python_context.h"
#include "nodes/transform_nodes/learning_transform_node.h"

namespace sluice {
namespace {

class PcaNode : public LearningTransformNode {
public:
    PcaNode()
        : LearningTransformNode({
              .id = "transform.pca",
              .displayName = "PCA",
              .category = NodeCategory::Transform,
              .description = "Principal component analysis: replaces the numeric features by "
                             "their first principal components, learnt on the train table.",
              .inputs = {},
              .outputs = {},
              .params =
                  {
                      intParam("n_components", "Components", 2, 1, 10000,
                               "How many components to keep (at most the number of features "
                               "and of rows)."),
                      boolParam("whiten", "Whiten", false,
                                "Divide each component by its standard deviation, so all have "
                                "unit variance."),
                  },
              .version = 1,
          }) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& context) const override {
        const auto kinds = ml::MlRegistry::instance().learnerKinds();
        if (std::find(kinds.begin(), kinds.end(), "pca") == kinds.end())
            throw NodeError("PCA is not available in this build (no 'pca' learner registered)");

        std::vector<std::string> features;
        for (const Column& c : train.columns()) {
            if (c.role() != ColumnRole::Feature)
                continue;
            if (c.kind() != ColumnKind::Numeric)
                throw NodeError("input 'train': feature column '" + c.name() + "' is " +
                                std::string(kindName(c.kind())) +
                                "; PCA needs numbers (one-hot encode it or make it meta)");
            features.push_back(c.name());
        }
        if (features.empty())
            throw NodeError("input 'train': the table has no numeric feature column");
        const auto k = params.at("n_components").get<long long>();
        const auto most = static_cast<long long>(std::min(features.size(), train.rowCount()));
        if (k > most)
            throw NodeError("parameter 'n_components': " + std::to_string(k) +
                            " is more than the " + std::to_string(most) +
                            " the train table allows (" + std::to_string(features.size()) +
                            " features, " + std::to_string(train.rowCount()) + " rows)");

        const auto learner = ml::MlRegistry::instance().makeLearner(
            "pca", {{"n_components", k}, {"whiten", params.at("whiten").get<bool>()}});
        const Eigen::MatrixXd X = numericMatrix(train, features).matrix();
        std::unique_ptr<ml::Model> model = learner->fit(X, Eigen::VectorXd(), context.fit);
        const auto* raw = dynamic_cast<const ml::PCAModel*>(model.get());
        if (!raw)
            throw NodeError("the 'pca' learner did not return a PCA model");
        model.release();  // ownership moves to `pca`
        std::shared_ptr<const ml::PCAModel> pca(raw);
        return std::make_unique<PcaTransform>(std::move(features), std::move(pca));
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        return learningTransformPython(c,
                                       "PcaStep(n_components=" + c.literal("n_components") +
                                           ", whiten=" + c.literal("whiten") + ")",
                                       "# A component may come out with the opposite sign "
                                       "from Sluice's (SVD signs are arbitrary).\n");
    }
};

}  // namespace

std::unique_ptr<NodeType> makePcaNode() {
    return std::make_unique<PcaNode>();
}

}  // namespace sluice
