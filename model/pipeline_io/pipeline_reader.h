// The tolerant half of pipeline loading: a current-version document (an
// object whose format and version were checked, migrated if older) turned
// into a Graph, with a warning for everything it had to repair or drop.
// The policies are listed in pipeline_file.h.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pipeline_io/pipeline_file.h"

namespace sluice {

// Appends to result.graph and result.warnings; never throws for content.
void readPipelineDocument(const nlohmann::json& document, const std::string& baseDirectory,
                          const NodeRegistry& registry, PipelineLoadResult& result);

}  // namespace sluice
