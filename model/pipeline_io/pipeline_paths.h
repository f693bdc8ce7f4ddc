// Path parameters in pipeline files: stored relative to the pipeline's
// folder with '/' separators, absolute in the Graph once loaded.
//
// Contract: with an empty base or an empty value nothing changes. Saving
// keeps relative values (separators made '/' on Windows) and makes absolute
// ones relative to base, unless they share no root with it (another drive),
// where they stay absolute. Loading joins relative values to base and
// normalizes them; absolute ones stay. Only parameters of Path kind in a
// node type's specs are touched; other values, and nodes of unknown types,
// keep their JSON exactly.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "nodes/node_type.h"

namespace sluice {

std::string pathForFile(const std::string& path, const std::string& baseDirectory);
std::string pathFromFile(const std::string& stored, const std::string& baseDirectory);

// A copy of params with every Path parameter of `type` (a string value)
// passed through `convert`; type may be null (unknown: copied as is).
nlohmann::json convertPathParams(const NodeType* type, const nlohmann::json& params,
                                 const std::string& baseDirectory,
                                 std::string (*convert)(const std::string&, const std::string&));

}  // namespace sluice
