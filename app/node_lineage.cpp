#include "app/node_lineage.h"

#include <algorithm>
#include <stdexcept>

#include "util/stable_hash.h"

namespace sluice {

std::map<std::string, std::string> lineageKeys(const Graph& graph, const NodeRegistry& registry) {
    std::vector<std::string> order;
    bool cycle = false;
    try {
        order = graph.topologicalOrder();
    } catch (const std::logic_error&) {
        // Nothing on a cycle can run; keys of the node and its direct wiring
        // still tell an unchanged graph from an edited one.
        cycle = true;
        for (const GraphNode& node : graph.nodes())
            order.push_back(node.id);
    }
    std::map<std::string, std::string> keys;
    for (const std::string& id : order) {
        const GraphNode* node = graph.node(id);
        const NodeType* type = registry.find(node->type);
        StableHash hash;
        hash.field(node->type)
            .field((type ? type->withDefaults(node->params) : node->params).dump());
        // Input edges by port name, so edge order in the graph does not matter.
        std::vector<GraphEdge> inputs = graph.edgesInto(id);
        std::sort(inputs.begin(), inputs.end(),
                  [](const GraphEdge& a, const GraphEdge& b) { return a.to.port < b.to.port; });
        for (const GraphEdge& edge : inputs) {
            const auto upstream = keys.find(edge.from.node);
            hash.field(edge.to.port)
                .field(cycle || upstream == keys.end() ? "node " + edge.from.node
                                                       : upstream->second)
                .field(edge.from.port);
        }
        keys[id] = hash.hex();
    }
    return keys;
}

}  // namespace sluice
