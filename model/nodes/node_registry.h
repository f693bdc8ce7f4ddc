// NodeRegistry: every node type by id, by category, and by search (for the
// node library and quick-add).
//
// builtinNodes() holds the catalog; each family registers itself in one
// function of its own (registerDataNodes, ...), called from
// node_registry.cpp — explicit calls, since a static library drops
// self-registering objects nobody references.
//
// Within a family, each node type's file defines a factory
// `std::unique_ptr<NodeType> makeXyzNode()`, and the family's register.cpp
// names every factory once, in catalog order, in a list macro
// SLUICE_<FAMILY>_NODES(NODE) whose entries are NODE(makeXyzNode), expanded
// twice: with SLUICE_DECLARE_NODE to declare the factories and with
// SLUICE_ADD_NODE inside register<Family>Nodes() to add them (see
// transform_nodes/register.cpp),
// so adding a node type to a family is one line there.
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

#define SLUICE_DECLARE_NODE(factory) std::unique_ptr<NodeType> factory();
#define SLUICE_ADD_NODE(factory) registry.add(factory());

void registerDataNodes(NodeRegistry& registry);
void registerTransformNodes(NodeRegistry& registry);
void registerTrainNodes(NodeRegistry& registry);
void registerEvaluateNodes(NodeRegistry& registry);
void registerOutputNodes(NodeRegistry& registry);

}  // namespace sluice
