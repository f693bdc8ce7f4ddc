// The Evaluate family: predict, score, cross-validate, confusion matrix,
// ROC curve, feature importance, data drift. Each class is one node type; see the
// descriptions in their NodeInfo.
#pragma once

#include "nodes/node_type.h"

namespace sluice {

class PredictNode : public NodeType {
public:
    PredictNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class ScoreNode : public NodeType {
public:
    ScoreNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class ConfusionMatrixNode : public NodeType {
public:
    ConfusionMatrixNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class RocCurveNode : public NodeType {
public:
    static constexpr int kModelInputs = 4;
    RocCurveNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class FeatureImportanceNode : public NodeType {
public:
    FeatureImportanceNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class CrossValidateNode : public NodeType {
public:
    static constexpr int kLearnerInputs = 4;
    CrossValidateNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class DriftNode : public NodeType {
public:
    DriftNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

}  // namespace sluice
