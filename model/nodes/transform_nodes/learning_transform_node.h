// LearningTransformNode: the shape shared by transforms that learn from data
// (impute, scale, one-hot, PCA).
//
// Ports: inputs `train` (required) and `apply` (optional, e.g. the test
// set); outputs `train` (train transformed), `apply` (present only when the
// `apply` input is connected) and `transform` (the fitted TableTransform, to
// reuse or save). The transform is fitted on `train` only and then applied
// to both, so nothing in `apply` can leak into the learnt statistics.
// Subclasses give their description and parameters and implement fit();
// ml::MisuseError from fitting or applying becomes a NodeError naming the
// input.
#pragma once

#include <memory>

#include "nodes/python_context.h"

namespace sluice {

class LearningTransformNode : public NodeType {
public:
    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override;

protected:
    // The translation shared by these nodes: `step` (a prelude class such
    // as "ScaleStep(...)") is fitted on `train` and applied to both inputs;
    // `notes` are comment lines put first.
    static std::string learningTransformPython(const PythonContext& c, const std::string& step,
                                               const std::string& notes);

    // `info` without ports; the three outputs and two inputs are added here,
    // then `moreOutputs` (such as Select features' results).
    explicit LearningTransformNode(NodeInfo info, std::vector<PortSpec> moreOutputs = {});

    // Called after fitting and applying, with what fit() returned, to fill
    // `moreOutputs`.
    virtual void addOutputs(const ml::TableTransform& /*fitted*/, const nlohmann::json& /*params*/,
                            PortValues& /*out*/) const {}

    virtual std::unique_ptr<ml::TableTransform> fit(const Table& train,
                                                    const nlohmann::json& params,
                                                    RunContext& context) const = 0;
};

}  // namespace sluice
