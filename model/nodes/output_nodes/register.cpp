// Registers this family's node types with the NodeRegistry.
#include "nodes/node_registry.h"

namespace sluice {

void registerOutputNodes(NodeRegistry& /*registry*/) {}

}  // namespace sluice
