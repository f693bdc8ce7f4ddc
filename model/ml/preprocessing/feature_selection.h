// Feature selection learnt on the training table (the Select features node,
// issue 18): a score per numeric feature, and a transform that drops the
// features not selected, so a saved model carries the choice.
//
// Contract (scoreFeatures):
// - variance: the population variance (ddof 0); selected when above the
//   threshold, as scikit-learn's VarianceThreshold (0 drops constant
//   features). No p-value.
// - anova_f: with a categorical or text target, the one-way ANOVA F of each
//   feature across the classes (f_classif); with a numeric target, the F of
//   its correlation with the target (f_regression). p-values from the F
//   distribution.
// - chi2: the chi-square statistic of each (non-negative) feature's sums
//   per class against what the class shares predict (scikit-learn's chi2),
//   p-value with classes - 1 degrees of freedom; needs a class target.
// - mutual_info: the mutual information (nats) between each feature and a
//   class target, by the 3-nearest-neighbour estimator scikit-learn's
//   mutual_info_classif uses (Ross 2014): features scaled to unit variance
//   and jittered by 1e-10 x max(1, mean |x|) standard normals from a
//   generator seeded with `seed` (scikit-learn's random_state jitters with
//   numpy's, so the figures agree to a few hundredths, not exactly).
// - k best: the k highest scores are selected (ties keep the later
//   feature, as scikit-learn's SelectKBest; k beyond the count keeps all).
// - MisuseError names the column: a missing value in a feature or the
//   target, a negative value for chi2, a numeric target for chi2, fewer
//   than two classes or rows.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct FeatureScore {
    std::string feature;
    double score = 0;
    double pValue = 0;  // NaN when the method has none
    bool selected = false;
};

enum class SelectionMethod { Variance, AnovaF, ChiSquare, MutualInformation };

std::vector<FeatureScore> scoreFeatures(const Table& train,
                                        const std::vector<std::string>& features,
                                        const std::string& target, SelectionMethod method,
                                        double threshold, std::size_t k, std::uint64_t seed = 0);

// The mutual information of one feature with classes 0..count-1 (see
// above), from already scaled and jittered values.
double mutualInformation(std::span<const double> x, const std::vector<std::size_t>& classes,
                         int neighbours = 3);

// Drops the features not selected (those absent from a table are no
// matter), and keeps the scores it was made from (empty when loaded from a
// model file, which holds only the choice).
class FeatureSelection : public TableTransform {
public:
    explicit FeatureSelection(std::vector<FeatureScore> scores);
    std::string_view kind() const override { return "feature_selection"; }
    TablePtr apply(const Table& table) const override;
    nlohmann::json toJson() const override;
    const std::vector<FeatureScore>& scores() const { return scores_; }

private:
    std::vector<FeatureScore> scores_;
    std::vector<std::string> dropped_;
};

}  // namespace sluice::ml
