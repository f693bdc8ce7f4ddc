// TrainNode: one node per learner of the ML registry ("train.<kind>").
//
// Input `train`: a table whose target is the column named by the `target`
// parameter, or else its column with the Target role (clustering needs
// none). Every other numeric feature column is a feature; a categorical
// feature is an error that says to one-hot encode it first.
// Outputs: `model` (the fitted model with its target labels, ready to
// predict or save) and `learner` (the unfitted hyperparameters, for
// cross-validation). The learner's metric stream (loss per epoch, OOB error
// per tree...) flows to context.fit.onMetric as it trains.
#pragma once

#include <string>

#include "ml/core/learner_spec.h"
#include "nodes/node_type.h"

namespace sluice {

class TrainNode : public NodeType {
public:
    explicit TrainNode(const std::string& learnerKind);

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override;

    // The learner made from node params (text-edited lists parsed back).
    std::shared_ptr<const ml::Learner> makeLearner(const nlohmann::json& params) const;
    const std::string& learnerKind() const { return kind_; }
    const ml::LearnerSpec& learnerSpec() const { return *spec_; }

    // The scikit-learn estimator with the same hyperparameters (the
    // LearnerSpec's class and keyword mapping), fitted by the prelude's
    // fit_model(); throws for a learner without a counterpart.
    std::optional<std::string> python(const PythonContext& context) const override;

private:
    explicit TrainNode(const ml::LearnerSpec& spec);

    std::string kind_;
    const ml::LearnerSpec* spec_;
};

// "KMeans(n_clusters=3, n_init=10, ...)" for `params`, the learner's own
// canonical params() JSON: every hyperparameter needs a declared keyword, so
// a new option can never be silently dropped from an export.
std::string sklearnConstructor(const ml::LearnerSpec& spec, const nlohmann::json& params);

// The column a supervised node should predict: `named` if not empty (must
// exist), else the table's one Target-role column. Throws NodeError saying
// how to choose one.
std::string targetColumnOf(const Table& table, const std::string& named);

}  // namespace sluice
