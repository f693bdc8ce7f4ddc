#include "history/restore_plan.h"

#include "pipeline_io/pipeline_paths.h"

namespace sluice::history {

RestorePlan planRestore(const RunRecord& run, const Graph& graph, const NodeRegistry& registry,
                        const std::string& baseDirectory) {
    RestorePlan plan;
    for (const auto& [id, recorded] : run.parameters.items()) {
        const GraphNode* node = graph.node(id);
        const std::string type =
            recorded.is_object() ? recorded.value("type", std::string()) : std::string();
        if (!node || node->type != type) {
            plan.skipped.push_back(id);
            continue;
        }
        const NodeType* nodeType = registry.find(type);
        nlohmann::json wanted = recorded.value("params", nlohmann::json::object());
        if (!wanted.is_object())
            continue;
        nlohmann::json present = node->params;
        if (nodeType) {
            wanted = convertPathParams(nodeType, wanted, baseDirectory, &pathFromFile);
            present = nodeType->withDefaults(present);
        }
        for (const auto& [name, value] : wanted.items()) {
            const auto now = present.find(name);
            if (now == present.end() || *now != value)
                plan.edits.push_back({id, name, value});
        }
    }
    return plan;
}

}  // namespace sluice::history
