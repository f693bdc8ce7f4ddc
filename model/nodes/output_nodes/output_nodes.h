// The Output family: save a trained model as a model file (which
// `sluice-run predict` loads), write a table (predictions) as CSV. Both write
// atomically and pass their input through, so a branch can continue.
#pragma once

#include "nodes/node_type.h"

namespace sluice {

// Save model: inputs `model` and optional `transform_1`..`transform_3`,
// fitted preprocessing applied (in port order) before the model's own steps.
class SaveModelNode : public NodeType {
public:
    static constexpr int kTransformInputs = 3;
    SaveModelNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class WritePredictionsNode : public NodeType {
public:
    WritePredictionsNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

}  // namespace sluice
