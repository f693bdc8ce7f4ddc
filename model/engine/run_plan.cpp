// planRun: from a Graph snapshot to the slots the scheduler works through.
#include <stdexcept>
#include <unordered_map>

#include "engine/run_state.h"

namespace sluice::engine {

std::string nodeLabel(const Slot& slot) {
    std::string name = slot.node->title;
    if (name.empty())
        name = slot.type ? slot.type->info().displayName : slot.node->type;
    return name + " (" + slot.node->id + ")";
}

void planRun(RunState& state, const NodeRegistry& registry) {
    const Graph& graph = state.graph;
    std::vector<std::string> order = graph.topologicalOrder();
    if (state.options.runTo) {
        const std::string& target = *state.options.runTo;
        if (!graph.node(target))
            throw std::invalid_argument("there is no node '" + target + "' to run to");
        std::set<std::string> wanted = graph.upstream(target);
        wanted.insert(target);
        std::erase_if(order, [&](const std::string& id) { return !wanted.count(id); });
    }

    std::unordered_map<std::string, int> slotOf;
    state.slots.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        Slot& slot = state.slots[i];
        slot.node = graph.node(order[i]);
        slot.type = registry.find(slot.node->type);
        slot.outcome.status = NodeStatus::Queued;
        slotOf.emplace(order[i], static_cast<int>(i));
    }
    // One pass over the edges: a 1,000-node graph must not cost a million
    // string comparisons.
    for (const GraphEdge& edge : graph.edges()) {
        const auto to = slotOf.find(edge.to.node);
        if (to == slotOf.end())
            continue;  // not part of this run
        const auto from = slotOf.find(edge.from.node);
        SlotInput input{edge.to.port, from == slotOf.end() ? -1 : from->second, edge.from.node,
                        edge.from.port};
        if (input.from >= 0) {
            state.slots[input.from].dependents.push_back(to->second);
            ++state.slots[to->second].waiting;
        }
        state.slots[to->second].inputs.push_back(std::move(input));
    }
    state.remaining = static_cast<int>(state.slots.size());
}

}  // namespace sluice::engine
