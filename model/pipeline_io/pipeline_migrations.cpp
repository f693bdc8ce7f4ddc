#include "pipeline_io/pipeline_migrations.h"

#include <array>

namespace sluice {
namespace {

using Json = nlohmann::json;

// "node:port" -> ["node", "port"] under newKey; the last ':' splits, so node
// ids may hold one. False (with a warning) for text of another form; a
// missing or non-text value is left for the reader to report.
bool splitEndpoint(Json& edge, const char* oldKey, const char* newKey, std::size_t index,
                   std::vector<PipelineWarning>& warnings) {
    const auto it = edge.find(oldKey);
    if (it == edge.end() || !it->is_string())
        return true;
    const std::string text = it->get<std::string>();
    edge.erase(it);
    const auto colon = text.rfind(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < text.size()) {
        edge[newKey] = Json::array({text.substr(0, colon), text.substr(colon + 1)});
        return true;
    }
    warnings.push_back({"", oldKey,
                        "edge " + std::to_string(index + 1) + ", field '" + oldKey + "': '" + text +
                            "' is not of the form 'node:port'; the edge was dropped"});
    return false;
}

void renameKey(Json& object, const char* from, const char* to) {
    const auto it = object.find(from);
    if (it == object.end() || object.contains(to))
        return;
    Json value = *it;
    object.erase(it);
    object[to] = std::move(value);
}

}  // namespace

void migrateV0ToV1(Json& document, std::vector<PipelineWarning>& warnings) {
    document.erase("sluice_pipeline");
    document["format"] = std::string(kPipelineFormatName);
    document["version"] = 1;

    Json meta = Json::object();
    for (const char* key : {"name", "description"}) {
        const auto it = document.find(key);
        if (it != document.end()) {
            meta[key] = *it;
            document.erase(it);
        }
    }
    document["meta"] = meta;

    if (auto nodes = document.find("nodes"); nodes != document.end() && nodes->is_array()) {
        for (Json& node : *nodes) {
            if (!node.is_object())
                continue;
            // A node missing a coordinate keeps no position; the reader
            // reports the missing field.
            if (node.contains("x") && node.contains("y")) {
                node["position"] = Json::array({node["x"], node["y"]});
                node.erase("x");
                node.erase("y");
            }
            renameKey(node, "parameters", "params");
        }
    }
    if (auto edges = document.find("edges"); edges != document.end() && edges->is_array()) {
        Json kept = Json::array();
        for (std::size_t i = 0; i < edges->size(); ++i) {
            Json edge = (*edges)[i];
            if (edge.is_object()) {
                const bool from = splitEndpoint(edge, "source", "from", i, warnings);
                const bool to = splitEndpoint(edge, "target", "to", i, warnings);
                if (!from || !to)
                    continue;
            }
            kept.push_back(std::move(edge));
        }
        *edges = std::move(kept);
    }
}

void migratePipeline(Json& document, int fromVersion, std::vector<PipelineWarning>& warnings) {
    using Step = void (*)(Json&, std::vector<PipelineWarning>&);
    // steps[v] turns version v into v + 1.
    static constexpr std::array<Step, kPipelineFormatVersion> steps{migrateV0ToV1};
    for (int v = fromVersion; v < kPipelineFormatVersion; ++v)
        steps[static_cast<std::size_t>(v)](document, warnings);
}

}  // namespace sluice
