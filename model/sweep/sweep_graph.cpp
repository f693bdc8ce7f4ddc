#include "sweep/sweep_graph.h"

#include <algorithm>

namespace sluice::sweep {

bool SweepGraph::isShared(const std::string& originalId) const {
    return std::find(clonedNodes.begin(), clonedNodes.end(), originalId) == clonedNodes.end();
}

SweepGraph expandSweep(const Graph& graph, const std::vector<Axis>& axes,
                       const std::vector<Combination>& combinations) {
    SweepGraph out;
    out.axes = axes;
    out.combinations = combinations;
    out.clones.resize(combinations.size());

    // Which axes each node depends on (through itself or its upstream).
    std::map<std::string, std::vector<std::size_t>> axesOf;
    for (std::size_t a = 0; a < axes.size(); ++a) {
        if (!graph.node(axes[a].node))
            throw SweepError("sweep " + axes[a].label() + ": the pipeline has no node '" +
                             axes[a].node + "'");
        axesOf[axes[a].node].push_back(a);
        for (const auto& d : graph.downstream(axes[a].node))
            axesOf[d].push_back(a);
    }

    const auto order = graph.topologicalOrder();
    for (const auto& id : order)
        if (axesOf.count(id))
            out.clonedNodes.push_back(id);

    // Shared nodes first, in the graph's own order and with their own ids.
    for (const auto& node : graph.nodes())
        if (!axesOf.count(node.id)) {
            out.graph.addNode(node);
            out.originalOf[node.id] = node.id;
        }

    for (const auto& id : out.clonedNodes) {
        const GraphNode& node = *graph.node(id);
        const auto& relevant = axesOf[id];
        std::map<std::vector<nlohmann::json>, std::string> made;  // projection -> clone id
        for (std::size_t c = 0; c < combinations.size(); ++c) {
            std::vector<nlohmann::json> projection;
            for (std::size_t a : relevant)
                projection.push_back(combinations[c][a]);
            auto [it, fresh] = made.try_emplace(projection);
            if (fresh) {
                it->second = id + "@" + std::to_string(c + 1);
                if (graph.node(it->second))
                    throw SweepError("cannot expand the sweep: the pipeline already has a node '" +
                                     it->second + "'");
                GraphNode clone = node;
                clone.id = it->second;
                std::vector<Axis> shown;
                Combination values;
                for (std::size_t a : relevant) {
                    shown.push_back(axes[a]);
                    values.push_back(combinations[c][a]);
                    if (axes[a].node == id) {
                        if (!clone.params.is_object())
                            clone.params = nlohmann::json::object();
                        clone.params[axes[a].param] = combinations[c][a];
                    }
                }
                clone.title = (node.title.empty() ? node.type : node.title) + " [" +
                              combinationText(shown, values) + "]";
                out.graph.addNode(std::move(clone));
                out.originalOf[it->second] = id;
            }
            out.clones[c][id] = it->second;
            out.usedBy[it->second].push_back(c);
        }
    }

    // Edges: into a clone, from the same combination's clone of a cloned
    // source, or from the shared source itself.
    for (const auto& e : graph.edges()) {
        if (!axesOf.count(e.to.node)) {
            out.graph.addEdge(e);
            continue;
        }
        std::set<std::string> added;  // one edge per clone, however many combinations use it
        for (std::size_t c = 0; c < combinations.size(); ++c) {
            GraphEdge copy = e;
            copy.to.node = out.clones[c][e.to.node];
            if (axesOf.count(e.from.node))
                copy.from.node = out.clones[c][e.from.node];
            if (added.insert(copy.from.node + "\n" + copy.to.node).second)
                out.graph.addEdge(std::move(copy));
        }
    }
    return out;
}

SweepGraph planSweep(const Graph& graph, const SweepSpec& spec) {
    return expandSweep(graph, spec.axes, combinations(spec));
}

}  // namespace sluice::sweep
