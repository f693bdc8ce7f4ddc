#include "nodes/node_catalog.h"

namespace sluice {
namespace {

nlohmann::json portsJson(const std::vector<PortSpec>& ports) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : ports)
        out.push_back({{"name", p.name},
                       {"type", std::string(portTypeName(p.type))},
                       {"label", p.label},
                       {"required", p.required},
                       {"help", p.help}});
    return out;
}

nlohmann::json paramJson(const ParamSpec& p) {
    nlohmann::json out = {{"name", p.name},
                          {"label", p.label},
                          {"kind", std::string(paramKindName(p.kind))},
                          {"default", p.defaultValue},
                          {"optional", p.optional},
                          {"help", p.help}};
    if (p.min)
        out["min"] = *p.min;
    if (p.max)
        out["max"] = *p.max;
    if (!p.choices.empty())
        out["choices"] = p.choices;
    return out;
}

}  // namespace

nlohmann::json nodeCatalogJson(const NodeRegistry& registry) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const NodeType* type : registry.all()) {
        const NodeInfo& info = type->info();
        nlohmann::json params = nlohmann::json::array();
        for (const auto& p : info.params)
            params.push_back(paramJson(p));
        nodes.push_back({{"id", info.id},
                         {"name", info.displayName},
                         {"category", std::string(categoryName(info.category))},
                         {"description", info.description},
                         {"version", info.version},
                         {"inputs", portsJson(info.inputs)},
                         {"outputs", portsJson(info.outputs)},
                         {"params", std::move(params)}});
    }
    return {{"format", "sluice-node-catalog"}, {"version", 1}, {"nodes", std::move(nodes)}};
}

}  // namespace sluice
