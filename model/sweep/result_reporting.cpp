#include "sweep/result_reporting.h"

#include <string>

#include "nodes/results.h"
#include "sweep/sweep_result.h"

namespace sluice::sweep {
namespace {

class ReportingNode final : public NodeType {
public:
    explicit ReportingNode(const NodeType& inner) : NodeType(inner.info()), inner_(inner) {}

    PortValues run(const PortValues& inputs, const nlohmann::json& params,
                   RunContext& context) const override {
        PortValues outputs = inner_.run(inputs, params, context);
        for (const auto& [port, value] : outputs)
            if (const auto* results = std::get_if<ResultsValue>(&value); results && *results)
                for (const auto& [name, v] : (*results)->metrics)
                    context.fit.metric(std::string(kResultMetricPrefix) + name, 0, v);
        return outputs;
    }

private:
    const NodeType& inner_;
};

}  // namespace

std::unique_ptr<NodeRegistry> withResultReporting(const NodeRegistry& base) {
    auto registry = std::make_unique<NodeRegistry>();
    for (const NodeType* type : base.all())
        registry->add(std::make_unique<ReportingNode>(*type));
    return registry;
}

}  // namespace sluice::sweep
