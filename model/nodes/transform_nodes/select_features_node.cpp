// transform.select_features: keeps the numeric features that score best on
// `train` (ml/preprocessing/feature_selection.h): above a variance
// threshold, or the k best by ANOVA F or chi-square against the target;
// drops the others from train and apply alike. The results output ranks
// every candidate with its score, p-value and whether it was kept (the
// importance page shows it as bars).
#include <cmath>

#include "ml/preprocessing/feature_selection.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"
#include "nodes/results.h"
#include "nodes/transform_nodes/learning_transform_node.h"
#include "util/one_piece.h"

namespace sluice {
namespace {

using namespace node_params;

ml::SelectionMethod selectionMethod(const std::string& name) {
    return name == "variance"      ? ml::SelectionMethod::Variance
           : name == "chi2"        ? ml::SelectionMethod::ChiSquare
           : name == "mutual_info" ? ml::SelectionMethod::MutualInformation
                                   : ml::SelectionMethod::AnovaF;
}

class SelectFeaturesNode : public LearningTransformNode {
public:
    SelectFeaturesNode()
        : LearningTransformNode(
              {
                  .id = "transform.select_features",
                  .displayName = "Select features",
                  .category = NodeCategory::Transform,
                  .description = "Keeps the features that matter: above a variance threshold, "
                                 "or the k best by ANOVA F or chi-square against the target, "
                                 "learnt on the train table.",
                  .inputs = {},
                  .outputs = {},
                  .params =
                      {
                          choiceParam("method", "Method",
                                      {"anova_f", "chi2", "mutual_info", "variance"}, "anova_f",
                                      "anova_f: how well each feature separates the classes "
                                      "(or follows a numeric target); chi2: for counts and "
                                      "other non-negative features; mutual_info: any "
                                      "dependence on the classes, not only in the means; "
                                      "variance: drop features that hardly vary."),
                          intParam("k", "Keep", 10, 1, std::nullopt,
                                   "How many of the best features to keep (anova_f, chi2)."),
                          floatParam("threshold", "Variance threshold", 0.0, 0.0, std::nullopt,
                                     "variance: keep features whose variance is above this."),
                          columnParam("target", "Target",
                                      "The column to score against; empty: the table's "
                                      "target column.",
                                      true),
                          columnsParam("columns", "Candidates",
                                       "The features to choose among; empty: every numeric "
                                       "feature column."),
                          intParam("seed", "Seed", 0, 0, std::nullopt,
                                   "mutual_info: the seed of the tiny jitter that breaks "
                                   "ties between equal values."),
                      },
                  .version = 1,
              },
              {{"results", PortType::Results, "Ranking", true,
                "Every candidate with its score, p-value and whether it was kept."}}) {}

protected:
    std::unique_ptr<ml::TableTransform> fit(const Table& train, const nlohmann::json& params,
                                            RunContext& /*context*/) const override {
        return std::make_unique<ml::FeatureSelection>(score(train, params));
    }

    // The ranking from the scores fit() computed (not scored twice).
    void addOutputs(const ml::TableTransform& fitted, const nlohmann::json& params,
                    PortValues& out) const override {
        std::vector<ml::FeatureScore> scores =
            static_cast<const ml::FeatureSelection&>(fitted).scores();
        std::stable_sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) {
            // Highest first; a score that is not a number (a constant
            // feature's F) last.
            if (std::isnan(a.score) || std::isnan(b.score))
                return !std::isnan(a.score) && std::isnan(b.score);
            return a.score > b.score;
        });
        std::vector<std::string> names;
        std::vector<double> values, pValues;
        std::vector<std::int32_t> kept;
        for (const ml::FeatureScore& s : scores) {
            names.push_back(s.feature);
            values.push_back(s.score);
            pValues.push_back(s.pValue);
            kept.push_back(s.selected ? 0 : 1);
        }
        auto results = std::make_shared<Results>();
        results->kind = ResultKind::Importance;
        results->task = "feature selection";
        const std::string method = params.at("method").get<std::string>();
        std::vector<Column> columns = {
            Column::text("feature", std::move(names), {}, ColumnRole::Meta),
            Column::numeric(method == "variance"      ? "variance"
                            : method == "chi2"        ? "chi2"
                            : method == "mutual_info" ? "mutual_information"
                                                      : "F",
                            std::move(values))};
        if (method != "variance" && method != "mutual_info")
            columns.push_back(Column::numeric("p_value", std::move(pValues)));
        columns.push_back(Column::categorical("kept", std::move(kept), {"yes", "no"}));
        results->table = Table::make(std::move(columns));
        results->metrics["kept"] = static_cast<double>(
            std::count_if(scores.begin(), scores.end(), [](const auto& s) { return s.selected; }));
        out["results"] = ResultsValue(std::move(results));
    }

    std::optional<std::string> python(const PythonContext& c) const override;

private:
    std::vector<ml::FeatureScore> score(const Table& train, const nlohmann::json& params) const {
        std::vector<std::string> candidates = columnList(params, "columns");
        requireColumns(train, candidates, "columns");
        std::string target = params.at("target").get<std::string>();
        if (!target.empty())
            requireColumn(train, target, "target");
        if (target.empty())
            for (const Column& c : train.columns())
                if (c.role() == ColumnRole::Target)
                    target = c.name();
        if (candidates.empty())
            for (const Column& c : train.columns())
                if (c.role() == ColumnRole::Feature && c.kind() == ColumnKind::Numeric &&
                    c.name() != target)
                    candidates.push_back(c.name());
        const std::string method = params.at("method").get<std::string>();
        if (target.empty() && method != "variance")
            throw NodeError(
                "parameter 'target': the table has no target column; name one (or "
                "mark one with Select columns)");
        return ml::scoreFeatures(train, candidates, target, selectionMethod(method),
                                 params.at("threshold").get<double>(),
                                 params.at("k").get<std::size_t>(),
                                 params.at("seed").get<std::uint64_t>());
    }
};

// In one piece: util/one_piece.h says why.
SLUICE_ONE_PIECE
std::optional<std::string> SelectFeaturesNode::python(const PythonContext& c) const {
    c.define("SelectFeaturesStep", R"PY(class SelectFeaturesStep:
    """Sluice's Select features: scikit-learn's VarianceThreshold or
    SelectKBest (f_classif for a class target, f_regression for a numeric
    one, chi2) over the candidate columns; the others are dropped."""

    def __init__(self, method, k, threshold, target, columns, seed):
        self.method, self.k, self.threshold = method, k, threshold
        self.target, self.columns, self.seed = target, columns, seed

    def fit(self, table):
        from functools import partial
        from sklearn.feature_selection import (SelectKBest, VarianceThreshold, chi2,
                                               f_classif, f_regression, mutual_info_classif)
        target = self.target or next((c for c, r in table.roles.items() if r == "target"), "")
        self.columns = self.columns or [c for c in table.df.columns if c != target
                                        and table.roles.get(c) == "feature"
                                        and is_numeric(table.df[c])]
        X = table.df[self.columns].to_numpy(float)
        if self.method == "variance":
            selector = VarianceThreshold(self.threshold).fit(X)
            self.scores = selector.variances_
        else:
            y = table.df[target]
            score = chi2 if self.method == "chi2" else f_classif if not is_numeric(y) \
                else f_regression
            if self.method == "mutual_info":  # numpy's jitter: a few hundredths apart
                score = partial(mutual_info_classif, random_state=self.seed)
            selector = SelectKBest(score, k=min(self.k, len(self.columns))).fit(
                X, y.map(label_text) if not is_numeric(y) else y)
            self.scores = selector.scores_
        kept = selector.get_support()
        self.dropped = [c for c, keep in zip(self.columns, kept) if not keep]
        return self

    def apply(self, table):
        return table.derive(table.df.drop(columns=self.dropped))
)PY");
    const std::string step = c.output("transform");
    std::string code = learningTransformPython(
        c,
        "SelectFeaturesStep(" + c.literal("method") + ", " + c.literal("k") + ", " +
            c.literal("threshold") + ", " + c.literal("target") + ", " +
            c.columnsLiteral("columns") + ", " + c.literal("seed") + ")",
        "");
    return code + c.output("results") + " = sorted(zip(" + step + ".columns, " + step +
           ".scores), key=lambda fs: -fs[1])\n";
}

}  // namespace

std::unique_ptr<NodeType> makeSelectFeaturesNode() {
    return std::make_unique<SelectFeaturesNode>();
}

}  // namespace sluice
