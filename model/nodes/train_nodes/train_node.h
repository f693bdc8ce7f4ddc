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

private:
    std::string kind_;
};

// The column a supervised node should predict: `named` if not empty (must
// exist), else the table's one Target-role column. Throws NodeError saying
// how to choose one.
std::string targetColumnOf(const Table& table, const std::string& named);

}  // namespace sluice
