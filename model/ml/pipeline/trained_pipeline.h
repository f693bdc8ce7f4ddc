// TrainedPipeline: preprocessing steps + a fitted model + the target's
// labels, trained together on a Table and saved together, so a saved model
// predicts the same numbers after reloading, on raw tables.
//
// Training: the steps are fitted in order on the training table (each on
// the output of the previous one); the features are then every feature-role
// column except the target, which must all be numeric by then (a
// categorical feature without a one-hot step is a MisuseError saying so).
// Classification targets go through a LabelEncoder.
//
// Model file (JSON): {"format": "sluice.model", "version": 1, "steps": [...],
// "features": [...], "target": {"column": ..., "labels": [...]}, "model": {...}}.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/table.h"
#include "ml/core/model.h"
#include "ml/preprocessing/label_encoder.h"
#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct PipelineSpec {
    std::vector<std::shared_ptr<const TransformSpec>> steps;
    std::shared_ptr<const Learner> learner;
    std::string target;  // empty for clustering and transforms
};

class TrainedPipeline {
public:
    static TrainedPipeline fit(const Table& train, const PipelineSpec& spec,
                               const FitContext& context = {});

    // The model's input for `table`: steps applied, features in order.
    Eigen::MatrixXd featureMatrix(const Table& table) const;
    Eigen::VectorXd predict(const Table& table) const;
    // Class labels for classifiers; numbers in shortest form otherwise.
    std::vector<std::string> predictLabels(const Table& table) const;
    Eigen::MatrixXd predictProba(const Table& table) const;
    // The target of `table` encoded as the model sees it (class indices).
    Eigen::VectorXd encodeTarget(const Table& table) const;

    // A copy that first applies `steps` (fitted upstream of training, in
    // order), then this pipeline's own steps: so a model trained on a scaled
    // table is saved with its scaler and predicts on raw rows.
    TrainedPipeline withLeadingSteps(
        const std::vector<std::shared_ptr<const TableTransform>>& steps) const;

    const Model& model() const { return *model_; }
    const std::vector<std::string>& features() const { return features_; }
    const std::string& targetColumn() const { return target_; }
    const LabelEncoder* labels() const { return labels_ ? &*labels_ : nullptr; }

    nlohmann::json toJson() const;
    // Throws MisuseError saying what is wrong with the file's contents.
    static TrainedPipeline fromJson(const nlohmann::json& j);
    void save(const std::string& path) const;  // atomic; errors name the path
    static TrainedPipeline load(const std::string& path);
    // A model file's text; errors start with `source` ("model file 'x.json'")
    // and refuse JSON nested deeper than kJsonMaxDepth (io/json_nesting.h).
    static TrainedPipeline fromText(std::string_view text, const std::string& source);

private:
    TablePtr transformed(const Table& table) const;
    Eigen::MatrixXd matrixOf(const Table& transformedTable) const;

    std::vector<std::shared_ptr<const TableTransform>> steps_;
    std::vector<std::string> features_;
    std::string target_;
    std::optional<LabelEncoder> labels_;
    std::shared_ptr<const Model> model_;
};

}  // namespace sluice::ml
