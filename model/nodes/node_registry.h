// NodeRegistry: every node type by id, by category, and by search (for the
// node library and quick-add).
//
// builtinNodes() holds the catalog; each family registers itself in one
// function of its own (registerDataNodes, ...), called from
// node_registry.cpp — explicit calls, since a static library drops
// self-registering objects nobody references.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "nodes/node_type.h"

namespace sluice {

class NodeRegistry {
public:
    // Throws std::logic_error on a duplicate id (a programming error).
    void add(std::unique_ptr<NodeType> type);

    const NodeType* find(std::string_view id) const;
    std::vector<const NodeType*> all() const;
    std::vector<const NodeType*> inCategory(NodeCategory category) const;
    // Case-insensitive match of every word of `query` against id, name and
    // description; name matches first, then id, then description.
    std::vector<const NodeType*> search(std::string_view query) const;

private:
    std::vector<std::unique_ptr<NodeType>> types_;
};

const NodeRegistry& builtinNodes();

void registerDataNodes(NodeRegistry& registry);
void registerTransformNodes(NodeRegistry& registry);
void registerTrainNodes(NodeRegistry& registry);
void registerEvaluateNodes(NodeRegistry& registry);
void registerOutputNodes(NodeRegistry& registry);

}  // namespace sluice
