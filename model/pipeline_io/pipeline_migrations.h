// Migrations of pipeline documents from older format versions, one function
// per version step, applied in order before the current reader sees them.
//
// Contract: a step takes a document of version v (checked by the caller to
// be an object) and rewrites it in place into version v + 1, leaving what it
// does not understand for the reader to report; problems only a step can see
// become warnings. Version 0 is described in pipeline_file.h. Adding version
// 2 means adding migrateV1ToV2 to the list in pipeline_migrations.cpp.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline_io/pipeline_file.h"

namespace sluice {

// Version 0 -> 1: "sluice_pipeline" marker -> "format"/"version"; top-level
// "name"/"description" -> "meta"; node "x"/"y" -> "position", "parameters" ->
// "params"; edge "source"/"target" strings "node:port" -> "from"/"to" pairs.
void migrateV0ToV1(nlohmann::json& document, std::vector<PipelineWarning>& warnings);

// Applies every step from `fromVersion` up to kPipelineFormatVersion.
void migratePipeline(nlohmann::json& document, int fromVersion,
                     std::vector<PipelineWarning>& warnings);

}  // namespace sluice
