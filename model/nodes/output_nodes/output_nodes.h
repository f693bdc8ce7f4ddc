// The Output family: save a trained model as a model file (which
// `sluice-run predict` loads), write a table (predictions) as CSV. Both write
// atomically and pass their input through, so a branch can continue.
#pragma once

#include "nodes/node_type.h"

namespace sluice {

class SaveModelNode : public NodeType {
public:
    SaveModelNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

class WritePredictionsNode : public NodeType {
public:
    WritePredictionsNode();
    PortValues run(const PortValues&, const nlohmann::json&, RunContext&) const override;
};

}  // namespace sluice
