// The node catalog as data for programs: every node type of a registry with
// its category, ports and parameters (label, kind, default, range, choices,
// help), generated from the same NodeInfo declarations the editor and the
// engine use. `sluice-run nodes --json` prints it, so scripts and docs can
// list nodes without parsing C++.
//
// Shape: {"format": "sluice-node-catalog", "version": 1, "nodes": [{"id",
// "name", "category", "description", "version", "inputs"/"outputs":
// [{"name", "type", "label", "required", "help"}], "params": [{"name",
// "label", "kind", "default", "optional", "help", and "min", "max",
// "choices" where they apply}]}]}, nodes in registry (library) order.
#pragma once

#include <nlohmann/json.hpp>

#include "nodes/node_registry.h"

namespace sluice {

nlohmann::json nodeCatalogJson(const NodeRegistry& registry);

}  // namespace sluice
